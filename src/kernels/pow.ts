// POW: a ** b with numpy broadcasting (float32, int32). Integer exponents must be non-negative.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, INT32_MAX, INT32_MIN, mapBinary, prepareBinary } from './util/elementwise.js';

/** C's pow, which (unlike Math.pow) gives 1 for pow(1, y) and pow(-1, +-inf). */
export function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

export function powFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array): void {
  mapBinary(plan, a, b, out, cPow);
}

/** std::pow in double, converted back to int32 (saturating where the power overflows). */
export function powInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const p = Math.pow(x, y);
    return p >= INT32_MAX ? INT32_MAX : p <= INT32_MIN ? INT32_MIN : Math.trunc(p);
  });
}

export const POW: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    if (a.dtype === 'float32') {
      powFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array);
    } else {
      if ((b.data as Int32Array).some((e) => e < 0)) ctx.fail('POW does not support negative exponents for int32');
      powInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array);
    }
  },
};
