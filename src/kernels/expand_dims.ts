// EXPAND_DIMS: inserts a size-1 dim at the axis given by a scalar int32/int64 tensor (TFLite expand_dims.cc).
import type { ExpandDimsOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, checkSameQuantization, copyElements, readIndexTensor } from './util/data_movement.js';

/** The input shape with a 1 inserted at `axis` in [-(rank+1), rank]; an error message otherwise. */
export function expandDimsShape(inShape: readonly number[], axis: number): number[] | string {
  const rank = inShape.length;
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (!Number.isInteger(a) || a < 0 || a > rank) return `axis ${axis} out of range for rank ${rank}`;
  const out = inShape.slice();
  out.splice(a, 0, 1);
  return out;
}

interface ExpandDimsData {
  dynamic: boolean;
}

function outputShape(ctx: OpContext): number[] {
  const axis = readIndexTensor(ctx, ctx.input(1), 'axis');
  if (axis.length !== 1) ctx.fail(`axis must hold one value, got ${axis.length}`);
  const shape = expandDimsShape(ctx.input(0).shape, axis[0]!);
  if (typeof shape === 'string') ctx.fail(shape);
  return shape;
}

export const EXPAND_DIMS: KernelRegistration<ExpandDimsData, ExpandDimsOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const axis = ctx.input(1);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    checkSameQuantization(ctx, input, ctx.output(0));
    if (axis.dtype !== 'int32' && axis.dtype !== 'int64') ctx.fail(`axis has type ${axis.dtype}, expected int32 or int64`);
    if (axis.size !== 1) ctx.fail(`axis must hold one value, its shape is [${axis.shape}]`);
    if (!axis.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true };
    }
    ctx.resizeOutput(0, outputShape(ctx));
    return { dynamic: false };
  },
  eval(ctx, data) {
    if (data.dynamic) ctx.resizeOutput(0, outputShape(ctx));
    const input = ctx.input(0);
    copyElements(input.data, 0, ctx.output(0).data, 0, input.size);
  },
};
