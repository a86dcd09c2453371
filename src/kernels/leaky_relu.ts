// LEAKY_RELU: x > 0 ? x : alpha * x (float32).
import type { LeakyReluOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function leakyRelu(x: Float32Array, out: Float32Array, alpha: number): void {
  const a = Math.fround(alpha);
  mapUnary(x, out, (v) => (v > 0 ? v : v * a));
}

export const LEAKY_RELU: KernelRegistration<void, LeakyReluOptions> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    leakyRelu(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array, ctx.options.alpha);
  },
};
