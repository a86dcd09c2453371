// ABS: |x| (float32, int32, and int16 without quantization). Integer minimums wrap to themselves,
// as std::abs does in two's complement.
import type { KernelRegistration } from './registration.js';
import type { TypedArray } from '../types.js';
import { mapUnary, prepareUnary, rejectQuantized } from './util/elementwise.js';

/** Typed-array stores wrap |INT_MIN| back to INT_MIN. */
export function abs(x: TypedArray, out: TypedArray): void {
  mapUnary(x as Float32Array, out as Float32Array, Math.abs);
}

export const ABS: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int32', 'int16']);
    rejectQuantized(ctx, ctx.input(0));
  },
  eval(ctx) {
    abs(ctx.input(0).data, ctx.output(0).data);
  },
};
