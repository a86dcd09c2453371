// EXP: e^x (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function exp(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, Math.exp);
}

export const EXP: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    exp(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
