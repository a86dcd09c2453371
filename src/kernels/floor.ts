// FLOOR: largest integer <= x (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function floor(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, Math.floor);
}

export const FLOOR: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    floor(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
