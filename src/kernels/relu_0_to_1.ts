// RELU_0_TO_1: min(max(0, x), 1): float32, and quantized uint8 and int8, rescaled to the output
// then clamped to the bounds quantized on the output scale (TFLite's ReluX).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';
import { type QuantizedArray, type ReluXParams, prepareReluX, reluX, requireQuantized } from './util/quantized.js';

export function relu0To1(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(x[i]!, 1));
}

export const RELU_0_TO_1: KernelRegistration<ReluXParams | null> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'uint8', 'int8']);
    if (ctx.input(0).dtype === 'float32') return null;
    requireQuantized(ctx, ctx.input(0));
    requireQuantized(ctx, ctx.output(0));
    return prepareReluX(ctx, 0, 1);
  },
  eval(ctx, quant) {
    if (quant !== null) reluX(ctx.input(0).data as QuantizedArray, ctx.output(0).data as QuantizedArray, quant);
    else relu0To1(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
