// ELU: x < 0 ? e^x - 1 : x (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function elu(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => (v < 0 ? Math.expm1(v) : v));
}

export const ELU: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    elu(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
