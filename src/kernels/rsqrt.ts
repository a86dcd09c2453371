// RSQRT: 1 / sqrt(x), both steps in float (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function rsqrt(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, (v) => 1 / Math.fround(Math.sqrt(v)));
}

export const RSQRT: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    rsqrt(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
