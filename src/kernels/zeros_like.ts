// ZEROS_LIKE: zeros of the input's shape and type (float32, int32, int64).
import type { KernelRegistration } from './registration.js';
import { prepareUnary } from './util/elementwise.js';

export const ZEROS_LIKE: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int32', 'int64']);
  },
  eval(ctx) {
    const out = ctx.output(0).data;
    if (out instanceof BigInt64Array) out.fill(0n);
    else (out as Float32Array).fill(0);
  },
};
