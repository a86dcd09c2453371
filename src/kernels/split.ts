// SPLIT: num_splits equal pieces along the axis given by input 0 (an int32 scalar) (TFLite split.cc).
import type { SplitOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, normalizeAxisValue, readIndexTensor, splitAlong } from './util/data_movement.js';

interface SplitData {
  dynamic: boolean;
  axis: number;
}

/** Sizes every output; returns the normalized axis. */
function resizeOutputs(ctx: OpContext<SplitOptions>): number {
  const input = ctx.input(1);
  const axisValues = readIndexTensor(ctx, ctx.input(0), 'axis');
  if (axisValues.length !== 1) ctx.fail(`axis must hold one value, got ${axisValues.length}`);
  const axis = normalizeAxisValue(ctx, axisValues[0]!, input.shape.length);
  const n = ctx.options.numSplits;
  const size = input.shape[axis]!;
  if (size % n !== 0) ctx.fail(`dim ${axis} of size ${size} does not split evenly into ${n}`);
  const outShape = input.shape.slice();
  outShape[axis] = size / n;
  for (let i = 0; i < n; i++) ctx.resizeOutput(i, outShape);
  return axis;
}

export const SPLIT: KernelRegistration<SplitData, SplitOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    const axisT = ctx.input(0);
    const input = ctx.input(1);
    checkMovable(ctx, input);
    if (axisT.dtype !== 'int32') ctx.fail(`axis has type ${axisT.dtype}, expected int32`);
    if (axisT.size !== 1) ctx.fail(`axis must hold one value, its shape is [${axisT.shape}]`);
    const n = ctx.options.numSplits;
    if (!(n >= 1)) ctx.fail(`num_splits must be positive, got ${n}`);
    if (ctx.numOutputs !== n) ctx.fail(`num_splits is ${n} but the op has ${ctx.numOutputs} outputs`);
    for (let i = 0; i < n; i++) {
      if (ctx.output(i).dtype !== input.dtype) ctx.fail(`output ${i} is ${ctx.output(i).dtype}, input is ${input.dtype}`);
    }
    if (!axisT.isConstant) {
      for (let i = 0; i < n; i++) ctx.markDynamic(i);
      return { dynamic: true, axis: 0 };
    }
    return { dynamic: false, axis: resizeOutputs(ctx) };
  },
  eval(ctx, data) {
    const axis = data.dynamic ? resizeOutputs(ctx) : data.axis;
    const input = ctx.input(1);
    const outputs: TypedArray[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < ctx.numOutputs; i++) {
      const o = ctx.output(i);
      outputs.push(o.data);
      sizes.push(o.shape[axis]!);
    }
    splitAlong(axis, input.shape, sizes, input.data, outputs);
  },
};
