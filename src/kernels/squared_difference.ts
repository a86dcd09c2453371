// SQUARED_DIFFERENCE: (a - b)^2 with numpy broadcasting (float32, int32).
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';

export function squaredDifferenceFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const d = Math.fround(x - y);
    return d * d;
  });
}

export function squaredDifferenceInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const d = (x - y) | 0;
    return Math.imul(d, d);
  });
}

export const SQUARED_DIFFERENCE: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    if (a.dtype === 'float32') {
      squaredDifferenceFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array);
    } else {
      squaredDifferenceInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array);
    }
  },
};
