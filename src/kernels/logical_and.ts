// LOGICAL_AND: a && b over bool tensors with numpy broadcasting.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';

export function logicalAnd(plan: BroadcastPlan, a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  mapBinary(plan, a, b, out, (x, y) => (x !== 0 && y !== 0 ? 1 : 0));
}

export const LOGICAL_AND: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['bool']),
  eval(ctx, plan) {
    logicalAnd(plan, ctx.input(0).data as Uint8Array, ctx.input(1).data as Uint8Array, ctx.output(0).data as Uint8Array);
  },
};
