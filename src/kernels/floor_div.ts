// FLOOR_DIV: floor(a / b) with numpy broadcasting (float32, int32, int16, int8). TFLite divides in
// double and rejects any zero divisor, floats included.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, INT32_MAX, INT32_MIN, mapBinary, prepareBinary } from './util/elementwise.js';

export function floorDivFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array): void {
  mapBinary(plan, a, b, out, (x, y) => Math.floor(x / y));
}

/** Only INT_MIN / -1 leaves the type's range: the int32 conversion saturates, narrower stores wrap. */
export function floorDivInt(plan: BroadcastPlan, a: Int32Array | Int16Array | Int8Array, b: Int32Array | Int16Array | Int8Array, out: Int32Array | Int16Array | Int8Array): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => Math.min(Math.max(Math.floor(x / y), INT32_MIN), INT32_MAX));
}

export const FLOOR_DIV: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32', 'int16', 'int8']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const divisor = b.data;
    if ((divisor as Float32Array).includes(0)) ctx.fail('division by zero');
    if (a.dtype === 'float32') {
      floorDivFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array);
    } else {
      floorDivInt(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array);
    }
  },
};
