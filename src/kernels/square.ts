// SQUARE: x * x (float32).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';

export function square(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = x[i]!;
    out[i] = v * v;
  }
}

export const SQUARE: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    square(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
