// SIN: sine (float32).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';

export function sin(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.sin(x[i]!);
}

export const SIN: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    sin(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
