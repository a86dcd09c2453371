// RELU_0_TO_1: min(max(0, x), 1) (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function relu0To1(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => Math.max(0, Math.min(v, 1)));
}

export const RELU_0_TO_1: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    relu0To1(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
