// FLOOR_MOD: a - floor(a / b) * b with numpy broadcasting (float32, int32, int64, int16, int8): the truncated
// remainder, moved by b when its sign differs from b's. Integer zero divisors fail; float ones give NaN.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';

export function floorModFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const r = x % y; // fmod: exact
    return r !== 0 && y < 0 !== r < 0 ? r + y : r;
  });
}

export function floorModInt(plan: BroadcastPlan, a: Int32Array | Int16Array | Int8Array, b: Int32Array | Int16Array | Int8Array, out: Int32Array | Int16Array | Int8Array): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const r = x % y | 0;
    return r !== 0 && y < 0 !== r < 0 ? r + y : r;
  });
}

export function floorModInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array): void {
  mapBinary(plan, a, b, out, (x, y) => {
    const r = x % y;
    return r !== 0n && y < 0n !== r < 0n ? r + y : r;
  });
}

export const FLOOR_MOD: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32', 'int64', 'int16', 'int8']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    if (a.dtype === 'float32') {
      floorModFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array);
    } else if (a.dtype === 'int64') {
      if ((b.data as BigInt64Array).includes(0n)) ctx.fail('division by zero');
      floorModInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array);
    } else {
      if ((b.data as Int32Array).includes(0)) ctx.fail('division by zero');
      floorModInt(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array);
    }
  },
};
