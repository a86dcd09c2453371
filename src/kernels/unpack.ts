// UNPACK: splits the input along an axis into num outputs with that axis removed (TFLite unpack.cc).
import type { UnpackOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { axisBlocks, checkInputCount, checkMovable, checkSameQuantization, copyElements } from './util/data_movement.js';

/** Writes slice k along `axis` of `input` into `outputs[k]`. */
export function unpack(axis: number, inShape: readonly number[], input: TypedArray, outputs: readonly TypedArray[]): void {
  const { outer, inner } = axisBlocks(inShape, axis);
  const n = outputs.length;
  for (let b = 0; b < outer; b++) {
    for (let k = 0; k < n; k++) copyElements(input, (b * n + k) * inner, outputs[k]!, b * inner, inner);
  }
}

export const UNPACK: KernelRegistration<number, UnpackOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 1);
    const input = ctx.input(0);
    checkMovable(ctx, input);
    const rank = input.shape.length;
    const axis = ctx.options.axis < 0 ? ctx.options.axis + rank : ctx.options.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis >= rank) ctx.fail(`axis ${ctx.options.axis} out of range for rank ${rank}`);
    const num = ctx.options.num;
    if (ctx.numOutputs !== num) ctx.fail(`num is ${num} but the op has ${ctx.numOutputs} outputs`);
    if (input.shape[axis] !== num) ctx.fail(`num is ${num} but dim ${axis} of the input has size ${input.shape[axis]}`);
    const outShape = input.shape.filter((_, i) => i !== axis);
    for (let i = 0; i < num; i++) {
      if (ctx.output(i).dtype !== input.dtype) ctx.fail(`output ${i} is ${ctx.output(i).dtype}, input is ${input.dtype}`);
      checkSameQuantization(ctx, input, ctx.output(i));
      ctx.resizeOutput(i, outShape);
    }
    return axis;
  },
  eval(ctx, axis) {
    const outputs: TypedArray[] = [];
    for (let i = 0; i < ctx.numOutputs; i++) outputs.push(ctx.output(i).data);
    const input = ctx.input(0);
    unpack(axis, input.shape, input.data, outputs);
  },
};
