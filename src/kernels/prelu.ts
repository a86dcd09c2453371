// PRELU: x >= 0 ? x : alpha * x, alpha broadcast against x (float32). The broadcast may not grow
// x: the output has x's shape.
import type { KernelRegistration } from './registration.js';
import { sameShape } from './kernel_util.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';

export function prelu(plan: BroadcastPlan, x: Float32Array, alpha: Float32Array, out: Float32Array): void {
  mapBinary(plan, x, alpha, out, (v, a) => (v >= 0 ? v : v * a));
}

export const PRELU: KernelRegistration<BroadcastPlan> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32']);
    const x = ctx.input(0);
    if (!sameShape(plan.shape, x.shape)) ctx.fail(`alpha [${ctx.input(1).shape}] must broadcast to the input's shape [${x.shape}]`);
    return plan;
  },
  eval(ctx, plan) {
    prelu(plan, ctx.input(0).data as Float32Array, ctx.input(1).data as Float32Array, ctx.output(0).data as Float32Array);
  },
};
