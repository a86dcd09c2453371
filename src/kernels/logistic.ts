// LOGISTIC: 1 / (1 + e^-x). float32 with TFLite's cutoffs (1 above ~16.6, e^x below -9); uint8/int8
// through a 256-entry table of the float function (output scale 1/256); int16 (zero points 0, output
// scale 2^-15) with gemmlowp's fixed-point logistic for an input scale of 2^-12, the interpolated
// sigmoid table otherwise (activations.cc).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import {
  type QuantizedTable, lookupTable, prepareSigmoidInt16, prepareTable, requireQuantized, sigmoidTableInt16,
} from './util/quantized.js';
import { RAW16, fixedPointLogistic } from './util/quant_math.js';

const CUTOFF_UPPER = 16.619047164916992;
const CUTOFF_LOWER = -9;

export function logisticValue(v: number): number {
  if (v > CUTOFF_UPPER) return 1;
  if (v < CUTOFF_LOWER) return Math.exp(v);
  return 1 / (1 + Math.exp(-v));
}

export function logistic(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = logisticValue(x[i]!);
}

/** The table's function, in float as TFLite's LUTPopulate lambda computes it. */
const f = Math.fround;
const logisticFloat = (v: number): number => f(1 / f(1 + f(Math.exp(-v))));

/** int16 with an input scale of 2^-12: the raw input is a Q3.12 value. */
export function logisticInt16FixedPoint(x: Int16Array, out: Int16Array): void {
  for (let i = 0; i < out.length; i++) out[i] = fixedPointLogistic(x[i]!, 3, RAW16);
}

type LogisticData =
  | { kind: 'float' }
  | { kind: 'lut'; lut: QuantizedTable }
  | { kind: 'int16'; multiplier: number; leftShift: number };

export const LOGISTIC: KernelRegistration<LogisticData> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8', 'int16']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return { kind: 'float' };
    requireQuantized(ctx, x);
    const output = requireQuantized(ctx, ctx.output(0));
    if (x.dtype === 'int16') {
      if (output.scale !== 1 / 32768) ctx.fail(`output scale must be 1/32768, got ${output.scale}`);
      return { kind: 'int16', ...prepareSigmoidInt16(ctx, false) };
    }
    if (output.scale !== 1 / 256) ctx.fail(`output scale must be 1/256, got ${output.scale}`);
    return { kind: 'lut', lut: prepareTable(ctx, logisticFloat) };
  },
  eval(ctx, data) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (data.kind === 'float') logistic(x as Float32Array, out as Float32Array);
    else if (data.kind === 'lut') lookupTable(x as Int8Array, data.lut, out as Int8Array);
    else if (data.multiplier === 0) logisticInt16FixedPoint(x as Int16Array, out as Int16Array);
    else sigmoidTableInt16(x as Int16Array, out as Int16Array, data.multiplier, data.leftShift, false);
  },
};
