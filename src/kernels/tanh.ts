// TANH: hyperbolic tangent. float32; uint8/int8 through a 256-entry table of the float function;
// int16 (zero points 0, output scale 2^-15) with gemmlowp's fixed-point tanh for an input scale of
// 2^-12 or 2^-11, the interpolated sigmoid table otherwise (activations.cc).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import {
  type QuantizedTable, lookupTable, prepareSigmoidInt16, prepareTable, requireQuantized, sigmoidTableInt16,
} from './util/quantized.js';
import { RAW16, fixedPointTanh } from './util/quant_math.js';

export function tanh(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.tanh(x[i]!);
}

const tanhFloat = (v: number): number => Math.fround(Math.tanh(v));

/**
 * int16 with an input scale of 2^-12 (leftShift 0) or 2^-11 (leftShift 1, the input doubled with
 * int16 saturation): the raw input is a Q3.12 value.
 */
export function tanhInt16FixedPoint(x: Int16Array, out: Int16Array, leftShift: number): void {
  for (let i = 0; i < out.length; i++) {
    let v = x[i]!;
    if (leftShift === 1) v = v > 16383 ? 32767 : v < -16383 ? -32768 : v * 2;
    out[i] = fixedPointTanh(v, 3, RAW16);
  }
}

type TanhData =
  | { kind: 'float' }
  | { kind: 'lut'; lut: QuantizedTable }
  | { kind: 'int16'; multiplier: number; leftShift: number };

export const TANH: KernelRegistration<TanhData> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8', 'int16']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return { kind: 'float' };
    requireQuantized(ctx, x);
    requireQuantized(ctx, ctx.output(0));
    if (x.dtype === 'int16') return { kind: 'int16', ...prepareSigmoidInt16(ctx, true) };
    return { kind: 'lut', lut: prepareTable(ctx, tanhFloat) };
  },
  eval(ctx, data) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (data.kind === 'float') tanh(x as Float32Array, out as Float32Array);
    else if (data.kind === 'lut') lookupTable(x as Int8Array, data.lut, out as Int8Array);
    else if (data.multiplier === 0) tanhInt16FixedPoint(x as Int16Array, out as Int16Array, data.leftShift);
    else sigmoidTableInt16(x as Int16Array, out as Int16Array, data.multiplier, data.leftShift, true);
  },
};
