// SELECT_V2 (tf.where v2): out = cond ? x : y with numpy broadcasting over all three inputs.
import type { KernelRegistration } from './registration.js';
import type { TypedArray } from '../types.js';
import { checkSelectTypes } from './select.js';
import { type BroadcastPlan, planBroadcast } from './util/elementwise.js';

export function selectV2(plan: BroadcastPlan, cond: Uint8Array, x: TypedArray, y: TypedArray, out: TypedArray): void {
  const [ic, ix, iy] = plan.index;
  for (let i = 0; i < out.length; i++) {
    out[i] = cond[ic ? ic[i]! : i] !== 0 ? x[ix ? ix[i]! : i]! : y[iy ? iy[i]! : i]!;
  }
}

export const SELECT_V2: KernelRegistration<BroadcastPlan> = {
  prepare(ctx) {
    checkSelectTypes(ctx);
    return planBroadcast(ctx, [ctx.input(0), ctx.input(1), ctx.input(2)]);
  },
  eval(ctx, plan) {
    selectV2(plan, ctx.input(0).data as Uint8Array, ctx.input(1).data, ctx.input(2).data, ctx.output(0).data);
  },
};
