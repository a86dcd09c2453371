// DIV: a / b with numpy broadcasting and a fused activation (float32, int32). Integer division
// truncates toward zero and fails on a zero divisor, as TFLite does; float division by zero gives
// +-inf (or NaN for 0/0).
import type { DivOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import {
  type BroadcastPlan, clamp, floatActivationRange, int32ActivationRange, mapBinary, prepareBinary,
} from './util/elementwise.js';

export function divFloat(plan: BroadcastPlan, a: Float32Array, b: Float32Array, out: Float32Array, activation: number): void {
  const [lo, hi] = floatActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp(x / y, lo, hi));
}

/** The divisor must hold no zero. */
export function divInt32(plan: BroadcastPlan, a: Int32Array, b: Int32Array, out: Int32Array, activation: number): void {
  const [lo, hi] = int32ActivationRange(activation);
  mapBinary(plan, a, b, out, (x, y) => clamp((x / y) | 0, lo, hi));
}

export const DIV: KernelRegistration<BroadcastPlan, DivOptions> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32']),
  eval(ctx, plan) {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const out = ctx.output(0).data;
    const act = ctx.options.fusedActivationFunction;
    if (a.dtype === 'float32') {
      divFloat(plan, a.data as Float32Array, b.data as Float32Array, out as Float32Array, act);
    } else {
      if ((b.data as Int32Array).includes(0)) ctx.fail('division by zero');
      divInt32(plan, a.data as Int32Array, b.data as Int32Array, out as Int32Array, act);
    }
  },
};
