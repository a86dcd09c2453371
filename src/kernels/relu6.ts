// RELU6: min(max(0, x), 6): float32, and quantized uint8, int8 and int16 (int16 with zero points 0),
// rescaled to the output then clamped to the bounds quantized on the output scale (TFLite's ReluX).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type ReluXParams, prepareReluX, reluX, requireQuantized } from './util/quantized.js';

export function relu6(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(x[i]!, 6));
}

export const RELU6: KernelRegistration<ReluXParams | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8', 'int16']);
    if (ctx.input(0).dtype === 'float32') return null;
    requireQuantized(ctx, ctx.input(0));
    requireQuantized(ctx, ctx.output(0));
    return prepareReluX(ctx, 0, 6);
  },
  eval(ctx, quant) {
    if (quant !== null) reluX(ctx.input(0).data as QuantizedArray, ctx.output(0).data as QuantizedArray, quant);
    else relu6(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
