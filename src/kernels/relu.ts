// RELU: max(0, x) (std::max(0.f, x), which maps NaN to 0) (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function relu(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => (0 < v ? v : 0));
}

export const RELU: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    relu(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
