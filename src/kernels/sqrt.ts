// SQRT: square root (float32).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';

export function sqrt(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(x[i]!);
}

export const SQRT: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    sqrt(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
