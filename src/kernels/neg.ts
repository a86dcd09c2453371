// NEG: -x (float32, int32, int16, int8, int64; integer minimums wrap to themselves).
import type { KernelRegistration } from './registration.js';
import { mapUnary, prepareUnary } from './util/elementwise.js';

export function negFloat(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = -x[i]!;
}

/** The typed-array store wraps -INT_MIN back to INT_MIN. */
export function negInt(x: Int32Array | Int16Array | Int8Array, out: Int32Array | Int16Array | Int8Array): void {
  mapUnary<number, number>(x, out, (v) => -v);
}

export function negInt64(x: BigInt64Array, out: BigInt64Array): void {
  mapUnary(x, out, (v) => BigInt.asIntN(64, -v));
}

export const NEG: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, ['float32', 'int32', 'int16', 'int8', 'int64']);
  },
  eval(ctx) {
    const x = ctx.input(0);
    const out = ctx.output(0).data;
    if (x.dtype === 'float32') negFloat(x.data as Float32Array, out as Float32Array);
    else if (x.dtype === 'int64') negInt64(x.data as BigInt64Array, out as BigInt64Array);
    else negInt(x.data as Int32Array, out as Int32Array);
  },
};
