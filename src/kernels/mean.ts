// MEAN: the average along the axes in input 1 (TFLite reduce.cc EvalMean, reference_ops::Mean).
// Quantized (uint8/int8/int16) means requantize and come with the quantized kernels.
import type { ReducerOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { numElements } from './kernel_util.js';
import { forEachReduced, reducer, type ReduceData, type ReducePlan } from './util/reduce.js';

/**
 * Sums each output's inputs then divides by their count: float32 sums round to float32
 * as they go; int32 sums accumulate in int64 (`acc`) and int64 sums wrap, and integer
 * division truncates toward zero. An empty input gives NaN (0 for integers), as TFLite.
 */
export function meanReference(dtype: DType, plan: ReducePlan, inShape: readonly number[], input: TypedArray, output: TypedArray, acc: BigInt64Array): void {
  const n = numElements(plan.outShape);
  if (numElements(inShape) === 0) {
    if (dtype === 'float32') (output as Float32Array).fill(NaN, 0, n);
    else if (dtype === 'int64') (output as BigInt64Array).fill(0n, 0, n);
    else (output as Int32Array).fill(0, 0, n);
    return;
  }
  if (dtype === 'float32') {
    const x = input as Float32Array;
    const y = output as Float32Array;
    y.fill(0, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { y[o] = y[o]! + x[i]!; });
    for (let o = 0; o < n; o++) y[o] = y[o]! / plan.count;
  } else if (dtype === 'int64') {
    const x = input as BigInt64Array;
    const y = output as BigInt64Array;
    y.fill(0n, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { y[o] = y[o]! + x[i]!; });
    const c = BigInt(plan.count);
    for (let o = 0; o < n; o++) y[o] = y[o]! / c;
  } else {
    const x = input as Int32Array;
    const y = output as Int32Array;
    acc.fill(0n, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { acc[o] = acc[o]! + BigInt(x[i]!); });
    const c = BigInt(plan.count);
    for (let o = 0; o < n; o++) y[o] = Number(acc[o]! / c);
  }
}

export const MEAN: KernelRegistration<ReduceData, ReducerOptions> = reducer({
  dtypes: ['float32', 'int32', 'int64'],
  run(ctx, plan, scratch) {
    const input = ctx.input(0);
    const n = numElements(plan.outShape);
    meanReference(input.dtype, plan, input.shape, input.data, ctx.output(0).data, scratch(input.dtype === 'int32' ? n : 0));
  },
});
