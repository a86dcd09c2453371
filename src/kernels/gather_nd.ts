// GATHER_ND: slices of params addressed by the index tuples in the last dimension of indices.
import type { DType, TypedArray } from '../types.js';
import { checkType, numElements, stridesOf } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';
import { copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'float16', 'bfloat16', 'int32', 'int64', 'uint8', 'int8', 'int16', 'bool'];

/**
 * Reference gather_nd. Output shape: indicesShape[:-1] + paramsShape[nd:], nd = indicesShape[-1].
 * Returns false when a coordinate lies outside [0, paramsShape[j]).
 */
export function gatherNd(
  paramsShape: readonly number[], params: TypedArray,
  indicesShape: readonly number[], indices: Int16Array | Int32Array | BigInt64Array, output: TypedArray,
): boolean {
  const nd = indicesShape[indicesShape.length - 1]!;
  const slices = numElements(indicesShape.slice(0, -1));
  const sliceSize = numElements(paramsShape.slice(nd));
  const strides = stridesOf(paramsShape);
  for (let i = 0; i < slices; i++) {
    let from = 0;
    for (let j = 0; j < nd; j++) {
      const c = Number(indices[i * nd + j]!);
      if (!(c >= 0 && c < paramsShape[j]!)) return false;
      from += c * strides[j]!;
    }
    copyRange(output, i * sliceSize, params, from, sliceSize);
  }
  return true;
}

export const GATHER_ND: KernelRegistration<null> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const params = ctx.input(0);
    const indices = ctx.input(1);
    checkType(ctx, params, ...TYPES);
    checkType(ctx, indices, 'int32', 'int64', 'int16');
    checkType(ctx, ctx.output(0), params.dtype);
    const rank = params.shape.length;
    if (rank < 1) ctx.fail('params must be at least a vector');
    if (indices.shape.length < 1) ctx.fail('indices must be at least a vector');
    const nd = indices.shape[indices.shape.length - 1]!;
    if (nd > rank) ctx.fail(`index tuples have ${nd} coordinates, params rank is ${rank}`);
    ctx.resizeOutput(0, [...indices.shape.slice(0, -1), ...params.shape.slice(nd)]);
    return null;
  },
  eval(ctx) {
    const params = ctx.input(0);
    const indices = ctx.input(1);
    if (params.size === 0 && indices.size !== 0) ctx.fail('cannot gather from empty params');
    const idx = indices.data as Int16Array | Int32Array | BigInt64Array;
    if (!gatherNd(params.shape, params.data, indices.shape, idx, ctx.output(0).data)) {
      ctx.fail('gather_nd index out of bounds');
    }
  },
};
