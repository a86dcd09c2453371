// RELU_N1_TO_1: min(max(-1, x), 1) (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function reluN1To1(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => Math.max(-1, Math.min(v, 1)));
}

export const RELU_N1_TO_1: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    reluN1To1(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
