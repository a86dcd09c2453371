// ONE_HOT: a new axis of length `depth` holding on_value where it equals the index, off_value
// elsewhere (indices outside [0, depth) give all off_value).
import type { Tensor } from '../interpreter/tensor.js';
import type { OneHotOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant, numElements } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { elems } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'bool'];

/**
 * Reference one_hot: viewing indices as [prefix, suffix] (split at `axis`), output is
 * [prefix, depth, suffix] with output(i, j, k) = indices(i, k) == j ? on : off.
 * int64 indices compare by their low 32 bits, as TFLite's int cast does.
 */
export function oneHot(
  indicesShape: readonly number[], indices: Int32Array | BigInt64Array, axis: number, depth: number,
  on: number | bigint, off: number | bigint, output: TypedArray,
): void {
  const prefix = numElements(indicesShape.slice(0, axis));
  if (prefix === 0) return;
  const suffix = indices.length / prefix;
  const out = elems(output);
  let o = 0;
  for (let i = 0; i < prefix; i++) {
    for (let j = 0; j < depth; j++) {
      for (let k = 0; k < suffix; k++) {
        const v = indices[i * suffix + k]!;
        const idx = typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v;
        out[o++] = idx === j ? on : off;
      }
    }
  }
}

function outputShape(ctx: OpContext, indices: Tensor, depthTensor: Tensor, axis: number): number[] {
  const depth = Number(depthTensor.data[0]);
  if (!(depth >= 0)) ctx.fail(`depth must be >= 0, got ${depth}`);
  const shape = [...indices.shape];
  shape.splice(axis, 0, depth);
  if (numElements(shape) > 0x7fffffff) ctx.fail(`output shape [${shape}] has too many elements`);
  return shape;
}

export const ONE_HOT: KernelRegistration<{ axis: number }> = {
  prepare(ctx) {
    if (ctx.numInputs !== 4) ctx.fail(`expected 4 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const indices = ctx.input(0);
    const depth = ctx.input(1);
    const on = ctx.input(2);
    const off = ctx.input(3);
    checkType(ctx, on, ...TYPES);
    checkType(ctx, off, on.dtype);
    checkType(ctx, ctx.output(0), on.dtype);
    checkType(ctx, indices, 'int32', 'int64');
    checkType(ctx, depth, 'int32');
    const rank = indices.shape.length;
    const { axis: a } = ctx.options as OneHotOptions;
    const axis = a === -1 ? rank : a;
    if (!(axis >= 0 && axis <= rank)) ctx.fail(`axis ${a} out of range for indices rank ${rank}`);
    if (depth.size !== 1 || on.size !== 1 || off.size !== 1) ctx.fail('depth, on_value and off_value must be scalars');
    if (isConstant(depth)) ctx.resizeOutput(0, outputShape(ctx, indices, depth, axis));
    else ctx.markDynamic(0);
    return { axis };
  },
  eval(ctx, { axis }) {
    const indices = ctx.input(0);
    const depth = ctx.input(1);
    if (!isConstant(depth)) ctx.resizeOutput(0, outputShape(ctx, indices, depth, axis));
    const output = ctx.output(0);
    const depthValue = output.shape[axis]!;
    oneHot(indices.shape, indices.data as Int32Array | BigInt64Array, axis, depthValue,
      ctx.input(2).data[0]!, ctx.input(3).data[0]!, output.data);
  },
};
