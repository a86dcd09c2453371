// ROUND: round half to even (TFLite's RoundToNearest), float32.
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';

/** Nearest integer, ties to the even one. */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d < 0.5 || (d === 0.5 && f % 2 === 0) ? f : f + 1;
}

export function round(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = roundHalfEven(x[i]!);
}

export const ROUND: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    round(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
