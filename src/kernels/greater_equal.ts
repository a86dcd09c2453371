// GREATER_EQUAL: a >= b with numpy broadcasting, a bool output (float32, int32, int64, int16).
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';
import type { TypedArray } from '../types.js';

export function greaterEqual(plan: BroadcastPlan, a: TypedArray, b: TypedArray, out: Uint8Array): void {
  mapBinary<number | bigint, number>(plan, a, b, out, (x, y) => (x >= y ? 1 : 0));
}

export const GREATER_EQUAL: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32', 'int64', 'int16'], 'bool'),
  eval(ctx, plan) {
    greaterEqual(plan, ctx.input(0).data, ctx.input(1).data, ctx.output(0).data as Uint8Array);
  },
};
