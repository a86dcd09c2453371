// SPLIT_V: pieces of the given size_splits (one -1 inferred) along an axis (TFLite split_v.cc).
import type { SplitVOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, normalizeAxisValue, readIndexTensor, splitAlong } from './util/data_movement.js';

/** Resolves size_splits against a dim of `size`: at most one -1, the rest >= 0 and summing to `size`. */
export function resolveSizeSplits(sizes: readonly number[], size: number): number[] | string {
  const out = sizes.slice();
  let minusOne = -1;
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (v === -1) {
      if (minusOne !== -1) return 'size_splits contains more than one -1';
      minusOne = i;
    } else if (v < 0) {
      return `size_splits contains a negative size ${v}`;
    } else {
      sum += v;
    }
  }
  if (minusOne !== -1) {
    if (sum > size) return `size_splits sum ${sum} exceeds the dimension ${size}`;
    out[minusOne] = size - sum;
  } else if (sum !== size) {
    return `size_splits sum ${sum} differs from the dimension ${size}`;
  }
  return out;
}

interface SplitVData {
  dynamic: boolean;
  axis: number;
  sizes: number[];
}

function resolve(ctx: OpContext<SplitVOptions>): { axis: number; sizes: number[] } {
  const input = ctx.input(0);
  const axisValues = readIndexTensor(ctx, ctx.input(2), 'axis');
  if (axisValues.length !== 1) ctx.fail(`axis must hold one value, got ${axisValues.length}`);
  const axis = normalizeAxisValue(ctx, axisValues[0]!, input.shape.length);
  const sizes = resolveSizeSplits(readIndexTensor(ctx, ctx.input(1), 'size_splits'), input.shape[axis]!);
  if (typeof sizes === 'string') ctx.fail(sizes);
  for (let i = 0; i < sizes.length; i++) {
    const shape = input.shape.slice();
    shape[axis] = sizes[i]!;
    ctx.resizeOutput(i, shape);
  }
  return { axis, sizes };
}

export const SPLIT_V: KernelRegistration<SplitVData, SplitVOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 3);
    const input = ctx.input(0);
    const sizeSplits = ctx.input(1);
    const axisT = ctx.input(2);
    checkMovable(ctx, input);
    if (sizeSplits.dtype !== 'int32' && sizeSplits.dtype !== 'int64') ctx.fail(`size_splits has type ${sizeSplits.dtype}, expected int32 or int64`);
    if (sizeSplits.shape.length !== 1) ctx.fail(`size_splits must be 1-D, its shape is [${sizeSplits.shape}]`);
    if (axisT.dtype !== 'int32') ctx.fail(`axis has type ${axisT.dtype}, expected int32`);
    if (axisT.size !== 1) ctx.fail(`axis must hold one value, its shape is [${axisT.shape}]`);
    const n = ctx.numOutputs;
    if (n !== ctx.options.numSplits) ctx.fail(`num_splits is ${ctx.options.numSplits} but the op has ${n} outputs`);
    if (sizeSplits.size !== n) ctx.fail(`size_splits holds ${sizeSplits.size} sizes for ${n} outputs`);
    for (let i = 0; i < n; i++) {
      if (ctx.output(i).dtype !== input.dtype) ctx.fail(`output ${i} is ${ctx.output(i).dtype}, input is ${input.dtype}`);
    }
    if (!sizeSplits.isConstant || !axisT.isConstant) {
      for (let i = 0; i < n; i++) ctx.markDynamic(i);
      return { dynamic: true, axis: 0, sizes: [] };
    }
    return { dynamic: false, ...resolve(ctx) };
  },
  eval(ctx, data) {
    const { axis, sizes } = data.dynamic ? resolve(ctx) : data;
    const input = ctx.input(0);
    const outputs: TypedArray[] = [];
    for (let i = 0; i < ctx.numOutputs; i++) outputs.push(ctx.output(i).data);
    splitAlong(axis, input.shape, sizes, input.data, outputs);
  },
};
