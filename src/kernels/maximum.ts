// MAXIMUM: elementwise max with numpy broadcasting (float32, int32, int64, int8, uint8, int16).
// Raw values are compared: TFLite does no rescaling for quantized tensors either.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './util/elementwise.js';
import type { TypedArray } from '../types.js';

/** TFLite's MaximumOp: x > y ? x : y (so a NaN in y wins, one in x loses). */
export function maximum(plan: BroadcastPlan, a: TypedArray, b: TypedArray, out: TypedArray): void {
  mapBinary<number | bigint, number | bigint>(plan, a, b, out, (x, y) => (x > y ? x : y));
}

export const MAXIMUM: KernelRegistration<BroadcastPlan> = {
  prepare: (ctx) => prepareBinary(ctx, ['float32', 'int32', 'int64', 'int8', 'uint8', 'int16']),
  eval(ctx, plan) {
    maximum(plan, ctx.input(0).data, ctx.input(1).data, ctx.output(0).data);
  },
};
