// SUB: a - b with numpy broadcasting and a fused activation (float32, int32, int64).
import type { SubOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import {
  type BroadcastPlan, clamp, clampBig, floatActivationRange, int32ActivationRange, int64ActivationRange, mapBinary,
  prepareBinary,
} from './util/elementwise.js';

export function subFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x - y, lo, hi));
}

export function subInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((x - y) | 0, lo, hi));
}

export function subInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, activation: number): void {
  const [lo, hi] = int64ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clampBig(BigInt.asIntN(64, x - y), lo, hi));
}

export const SUB: KernelRegistration<BroadcastPlan, SubOptions> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32', 'int64']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (a.dtype === 'float32') subFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    else if (a.dtype === 'int32') subInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    else subInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array, act);
  },
};
