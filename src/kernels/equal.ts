// EQUAL: a == b with numpy broadcasting, a bool output (float32, int32, int64, int16, bool). uint8/int8
// and quantized int16 compare real values: both sides rescaled as comparisons.cc does.
import type { KernelRegistration } from './registration.js';
import { type BroadcastPlan, mapBinary } from './util/elementwise.js';
import { type ComparisonData, type QuantizedArray, compareQuantized, prepareComparison } from './util/quantized.js';
import type { TypedArray } from '../types.js';

export function equal(plan: BroadcastPlan, a: TypedArray, b: TypedArray, out: Uint8Array): void {
  mapBinary<number | bigint, number>(plan, a, b, out, (x, y) => (x === y ? 1 : 0));
}

export const EQUAL: KernelRegistration<ComparisonData> = {
  prepare: (ctx) => prepareComparison(ctx, ['float32', 'int32', 'int64', 'int16', 'bool'], true),
  eval(ctx, { plan, scaling }) {
    const a = ctx.input(0).data;
    const b = ctx.input(1).data;
    const out = ctx.output(0).data as Uint8Array;
    if (scaling !== null) compareQuantized(plan, a as QuantizedArray, b as QuantizedArray, out, scaling, (x, y) => x === y);
    else equal(plan, a, b, out);
  },
};
