// REVERSE_V2: reverses the input along the axes of a 1-D int32 tensor. Like TFLite, the
// axes (after normalizing negatives) must be distinct and contiguous.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkMaxRank, checkType, isConstant, numElements, readInts } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'float16', 'bfloat16', 'int32', 'int64', 'uint8', 'int8', 'int16', 'bool'];
const MAX_RANK = 8;

/** The reversed axes as a contiguous range [first, last]; null when there are none. */
function axisRange(ctx: OpContext, input: Tensor, axisTensor: Tensor): [number, number] | null {
  const rank = input.shape.length;
  const axes = readInts(axisTensor).map((v) => {
    const a = v < 0 ? v + rank : v;
    if (!(a >= 0 && a < rank)) ctx.fail(`axis ${v} out of range for rank ${rank}`);
    return a;
  }).sort((x, y) => x - y);
  for (let i = 1; i < axes.length; i++) {
    if (axes[i] !== axes[i - 1]! + 1) ctx.fail(`axes [${axes}] must be distinct and contiguous`);
  }
  return axes.length === 0 ? null : [axes[0]!, axes[axes.length - 1]!];
}

/**
 * Reference reverse over the contiguous axes [first, last]: reversing each of them is
 * reversing their combined (flattened) index.
 */
export function reverse(shape: readonly number[], first: number, last: number, input: TypedArray, output: TypedArray): void {
  const outer = numElements(shape.slice(0, first));
  const mid = numElements(shape.slice(first, last + 1));
  const inner = numElements(shape.slice(last + 1));
  for (let o = 0; o < outer; o++) {
    for (let m = 0; m < mid; m++) {
      copyRange(output, (o * mid + m) * inner, input, (o * mid + mid - 1 - m) * inner, inner);
    }
  }
}

export const REVERSE_V2: KernelRegistration<null> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    const axis = ctx.input(1);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, axis, 'int32');
    checkType(ctx, ctx.output(0), input.dtype);
    checkMaxRank(ctx, input, MAX_RANK);
    if (axis.shape.length !== 1) ctx.fail(`axis must be 1-D, got shape [${axis.shape}]`);
    if (axis.size > input.shape.length) ctx.fail(`${axis.size} axes given for rank ${input.shape.length}`);
    if (isConstant(axis)) axisRange(ctx, input, axis);
    ctx.resizeOutput(0, input.shape);
    return null;
  },
  eval(ctx) {
    const input = ctx.input(0);
    const output = ctx.output(0);
    const range = axisRange(ctx, input, ctx.input(1));
    if (range === null) copyRange(output.data, 0, input.data, 0, input.size);
    else reverse(input.shape, range[0], range[1], input.data, output.data);
  },
};
