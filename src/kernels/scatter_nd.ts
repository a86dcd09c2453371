// SCATTER_ND: a zero tensor of the given shape with `updates` added at the index tuples of
// `indices`; duplicate tuples accumulate (bool: logical or), as in TFLite.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant, numElements, stridesOf } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkShape, fillRange, readInt32s } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'bool'];

/**
 * Reference scatter_nd into `output` (of `outShape`). Returns false when a coordinate lies
 * outside [0, outShape[j]). Integer sums wrap like the C++ types (typed-array stores do that).
 */
export function scatterNd(
  indicesShape: readonly number[], indices: Int32Array, updates: TypedArray, outShape: readonly number[],
  output: TypedArray, isBool = false,
): boolean {
  const nd = indicesShape[indicesShape.length - 1]!;
  const slices = numElements(indicesShape.slice(0, -1));
  const sliceSize = numElements(outShape.slice(nd));
  const strides = stridesOf(outShape);
  fillRange(output, output instanceof BigInt64Array ? 0n : 0, 0, output.length);
  for (let i = 0; i < slices; i++) {
    let to = 0;
    for (let j = 0; j < nd; j++) {
      const c = indices[i * nd + j]!;
      if (!(c >= 0 && c < outShape[j]!)) return false;
      to += c * strides[j]!;
    }
    const from = i * sliceSize;
    if (output instanceof BigInt64Array) {
      const src = updates as BigInt64Array;
      for (let k = 0; k < sliceSize; k++) output[to + k] = output[to + k]! + src[from + k]!;
    } else if (isBool) {
      const dst = output as Uint8Array;
      const src = updates as Uint8Array;
      for (let k = 0; k < sliceSize; k++) dst[to + k] = dst[to + k]! | src[from + k]!;
    } else {
      const dst = output as Float32Array;
      const src = updates as Float32Array;
      for (let k = 0; k < sliceSize; k++) dst[to + k] = dst[to + k]! + src[from + k]!;
    }
  }
  return true;
}

/** TFLite's CheckShapes; returns the output shape. */
function outputShape(ctx: OpContext, indices: Tensor, updates: Tensor, shapeTensor: Tensor): number[] {
  const shape = readInt32s(ctx, shapeTensor, 'shape');
  checkShape(ctx, shape, 'output');
  const outer = indices.shape.length - 1;
  const nd = indices.shape[outer]!;
  for (let i = 0; i < outer; i++) {
    if (indices.shape[i] !== updates.shape[i]) ctx.fail(`indices [${indices.shape}] and updates [${updates.shape}] differ in dimension ${i}`);
  }
  if (nd > shape.length || updates.shape.length - outer !== shape.length - nd) {
    ctx.fail(`updates [${updates.shape}] do not match indices [${indices.shape}] and shape [${shape}]`);
  }
  for (let i = 0; i + outer < updates.shape.length; i++) {
    if (updates.shape[i + outer] !== shape[nd + i]) {
      ctx.fail(`updates [${updates.shape}] do not match indices [${indices.shape}] and shape [${shape}]`);
    }
  }
  return shape;
}

export const SCATTER_ND: KernelRegistration<null> = {
  prepare(ctx) {
    if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const indices = ctx.input(0);
    const updates = ctx.input(1);
    const shape = ctx.input(2);
    checkType(ctx, updates, ...TYPES);
    checkType(ctx, indices, 'int32');
    checkType(ctx, shape, 'int32');
    checkType(ctx, ctx.output(0), updates.dtype);
    if (indices.shape.length < 1 || updates.shape.length < 1) ctx.fail('indices and updates must be at least vectors');
    if (shape.shape.length !== 1) ctx.fail(`shape must be 1-D, got [${shape.shape}]`);
    if (isConstant(shape)) ctx.resizeOutput(0, outputShape(ctx, indices, updates, shape));
    else ctx.markDynamic(0);
    return null;
  },
  eval(ctx) {
    const indices = ctx.input(0);
    const updates = ctx.input(1);
    const shape = ctx.input(2);
    if (!isConstant(shape)) ctx.resizeOutput(0, outputShape(ctx, indices, updates, shape));
    const output = ctx.output(0);
    if (!scatterNd(indices.shape, indices.data as Int32Array, updates.data, output.shape, output.data, updates.dtype === 'bool')) {
      ctx.fail('scatter_nd index out of bounds');
    }
  },
};
