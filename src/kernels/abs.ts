// ABS: |x|. float32, int32, int16 without quantization (integer minimums wrap to themselves, as
// std::abs does in two's complement); int8 and quantized int16 (zero points 0) as |x - zero point|,
// rescaled to the output when the scales differ (elementwise.cc).
import type { KernelRegistration } from './registration.js';
import type { TypedArray } from '../types.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, isQuantized, multiplierOf, unaryQuantization } from './util/quantized.js';
import { multiplyByQuantizedMultiplier, quantizedRange } from './util/quant_math.js';

/** Typed-array stores wrap |INT_MIN| back to INT_MIN. */
export function abs(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < out.length; i++) (out as Float32Array)[i] = Math.abs((x as Float32Array)[i]!);
}

export interface AbsParams {
  readonly inputOffset: number;
  readonly outputOffset: number;
  /** Null when input and output scales are equal. */
  readonly rescale: { multiplier: number; shift: number } | null;
  readonly qmin: number;
  readonly qmax: number;
}

export function absQuantized(x: Int8Array | Int16Array, out: Int8Array | Int16Array, p: AbsParams): void {
  for (let i = 0; i < out.length; i++) {
    const v = Math.abs(x[i]! - p.inputOffset);
    const r = p.outputOffset + (p.rescale === null ? v : multiplyByQuantizedMultiplier(v, p.rescale.multiplier, p.rescale.shift));
    out[i] = r < p.qmin ? p.qmin : r > p.qmax ? p.qmax : r;
  }
}

export const ABS: KernelRegistration<AbsParams | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int32', 'int16', 'int8']);
    const x = ctx.input(0);
    if (!(x.dtype === 'int8' || (x.dtype === 'int16' && isQuantized(x)))) return null;
    const { input, output } = unaryQuantization(ctx);
    const [qmin, qmax] = quantizedRange(x.dtype);
    const rescale = input.scale === output.scale ? null : multiplierOf(ctx, Math.fround(input.scale / output.scale));
    return { inputOffset: input.zeroPoint, outputOffset: output.zeroPoint, rescale, qmin, qmax };
  },
  eval(ctx, quant) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (quant !== null) absQuantized(x as Int8Array, out as Int8Array, quant);
    else abs(x, out);
  },
};
