// LEAKY_RELU: x > 0 ? x : alpha * x. float32; quantized uint8 / int8 / int16 (int16 with zero points
// 0) with one multiplier for each side: s_in / s_out and s_in * alpha / s_out (activations.cc), in
// XNNPACK's 8-bit fixed point where the official runtime delegates the op to it (util/xnnpack.ts).
import type { LeakyReluOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type QuantizedDType, multiplierOf, unaryQuantization } from './util/quantized.js';
import { multiplyByQuantizedMultiplier, quantizedRange } from './util/quant_math.js';
import { type XnnLeakyReluParams, xnnLeakyRelu, xnnLeakyReluParams } from './util/xnnpack.js';

export function leakyRelu(x: Float32Array, out: Float32Array, alpha: number): void {
  const a = Math.fround(alpha);
  for (let i = 0; i < out.length; i++) {
    const v = x[i]!;
    out[i] = v > 0 ? v : v * a;
  }
}

export interface LeakyReluParams {
  readonly inputOffset: number;
  readonly outputOffset: number;
  readonly identityMultiplier: number;
  readonly identityShift: number;
  readonly alphaMultiplier: number;
  readonly alphaShift: number;
  readonly qmin: number;
  readonly qmax: number;
}

/** QuantizeLeakyRelu: each offset input rescaled by its side's multiplier, clamped to the type. */
export function leakyReluQuantized(x: QuantizedArray, out: QuantizedArray, p: LeakyReluParams): void {
  for (let i = 0; i < out.length; i++) {
    const v = x[i]! - p.inputOffset;
    const r = p.outputOffset + (v >= 0
      ? multiplyByQuantizedMultiplier(v, p.identityMultiplier, p.identityShift)
      : multiplyByQuantizedMultiplier(v, p.alphaMultiplier, p.alphaShift));
    out[i] = r < p.qmin ? p.qmin : r > p.qmax ? p.qmax : r;
  }
}

type LeakyReluData = { kind: 'float' } | { kind: 'tflite'; p: LeakyReluParams } | { kind: 'xnnpack'; p: XnnLeakyReluParams };

export const LEAKY_RELU: KernelRegistration<LeakyReluData, LeakyReluOptions> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8', 'int16']);
    const x = ctx.input(0);
    if (x.dtype === 'float32') return { kind: 'float' };
    const out = ctx.output(0);
    const { input, output } = unaryQuantization(ctx);
    // float32 arithmetic, as LeakyReluPrepare computes the ratios.
    const f = Math.fround;
    const alpha = multiplierOf(ctx, f(f(input.scale * f(ctx.options.alpha)) / output.scale));
    const identity = multiplierOf(ctx, f(input.scale / output.scale));
    const xnn = xnnLeakyReluParams(x, out, ctx.options.alpha);
    if (xnn !== null) return { kind: 'xnnpack', p: xnn };
    const [qmin, qmax] = quantizedRange(x.dtype as QuantizedDType);
    return {
      kind: 'tflite',
      p: {
        inputOffset: input.zeroPoint, outputOffset: output.zeroPoint,
        identityMultiplier: identity.multiplier, identityShift: identity.shift,
        alphaMultiplier: alpha.multiplier, alphaShift: alpha.shift, qmin, qmax,
      },
    };
  },
  eval(ctx, data) {
    const x = ctx.input(0).data;
    const out = ctx.output(0).data;
    if (data.kind === 'xnnpack') xnnLeakyRelu(x as Int8Array, out as Int8Array, data.p);
    else if (data.kind === 'tflite') leakyReluQuantized(x as QuantizedArray, out as QuantizedArray, data.p);
    else leakyRelu(x as Float32Array, out as Float32Array, ctx.options.alpha);
  },
};
