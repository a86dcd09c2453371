// SIGN: -1, 0 or 1 by the sign of x (float32, float64, int32); (0 < x) - (x < 0), so NaN gives 0.
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function sign(x: Float32Array | Float64Array | Int32Array, out: Float32Array | Float64Array | Int32Array): void {
  mapUnary<number, number>(x, out, (v) => (v > 0 ? 1 : v < 0 ? -1 : 0));
}

export const SIGN: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'float64', 'int32']);
  },
  eval(ctx) {
    sign(ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
