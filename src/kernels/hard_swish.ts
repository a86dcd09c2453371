// HARD_SWISH: x * relu6(x + 3) / 6 (float32), each step rounded to float as TFLite computes it.
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

const f = Math.fround;

export function hardSwishValue(v: number): number {
  const t = f(v + 3);
  const r = t < 0 ? 0 : t > 6 ? 6 : t;
  return f(f(v * r) / 6);
}

export function hardSwish(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, hardSwishValue);
}

export const HARD_SWISH: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    hardSwish(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
