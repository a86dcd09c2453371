// LOG: natural logarithm (NaN below 0, -inf at 0) (float32).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function log(x: Float32Array, out: Float32Array): void {
  mapUnary(x, out, Math.log);
}

export const LOG: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32']);
  },
  eval(ctx) {
    log(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
