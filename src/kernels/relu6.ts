// RELU6: min(max(0, x), 6) (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function relu6(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => Math.max(0, Math.min(v, 6)));
}

export const RELU6: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    relu6(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
