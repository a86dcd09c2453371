// SQRT: square root (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function sqrt(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, Math.sqrt);
}

export const SQRT: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    sqrt(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
