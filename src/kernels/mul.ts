// MUL: a * b with numpy broadcasting and a fused activation (float32, int32, int64,
// int16 without quantization; quantized types come with the quantized tier).
import type { MulOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import {
  type BroadcastPlan, clamp, clampBig, floatActivationRange, int32ActivationRange, int64ActivationRange, mapBinary,
  prepareBinary, rejectQuantized,
} from './util/elementwise.js';

export function mulFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x * y, lo, hi));
}

export function mulInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(Math.imul(x, y), lo, hi));
}

/** Non-quantized int16: the result wraps to int16 before the activation clamps it. */
export function mulInt16(plan: BroadcastPlan, a: Int16Array, b: Int16Array, out: Int16Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((Math.imul(x, y) << 16) >> 16, lo, hi));
}

export function mulInt64(plan: BroadcastPlan, a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, activation: number): void {
  const [lo, hi] = int64ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clampBig(BigInt.asIntN(64, x * y), lo, hi));
}

export const MUL: KernelRegistration<BroadcastPlan, MulOptions> = {
  prepare(ctx) {
    const plan = prepareBinary(ctx, ['float32', 'int32', 'int64', 'int16']);
    if (ctx.input(0).dtype === 'int16') rejectQuantized(ctx, ctx.input(0));
    return plan;
  },
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (a.dtype === 'float32') mulFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    else if (a.dtype === 'int32') mulInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    else if (a.dtype === 'int16') mulInt16(plan, a.data as Int16Array, b.data as Int16Array, out as Int16Array, act);
    else mulInt64(plan, a.data as BigInt64Array, b.data as BigInt64Array, out as BigInt64Array, act);
  },
};
