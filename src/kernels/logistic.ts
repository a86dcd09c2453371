// LOGISTIC: 1 / (1 + e^-x) (float32), with TFLite's cutoffs: 1 above ~16.6, e^x below -9.
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

const CUTOFF_UPPER = 16.619047164916992;
const CUTOFF_LOWER = -9;

export function logisticValue(v: number): number {
  if (v > CUTOFF_UPPER) return 1;
  if (v < CUTOFF_LOWER) return Math.exp(v);
  return 1 / (1 + Math.exp(-v));
}

export function logistic(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, logisticValue);
}

export const LOGISTIC: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    logistic(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
