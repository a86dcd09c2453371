// Shared by RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR: a 4-D NHWC input and an int32
// size tensor [newHeight, newWidth]; the output is [batch, newHeight, newWidth, channels].
import type { DType } from '../../types.js';
import type { KernelRegistration, OpContext } from '../registration.js';
import { checkType, isConstant } from '../kernel_util.js';
import { checkCounts, checkSameDtype } from './reduce.js';

export interface ResizeGeometry {
  batches: number;
  inH: number;
  inW: number;
  depth: number;
  outH: number;
  outW: number;
}

function geometry(ctx: OpContext, minSize: number): ResizeGeometry {
  const input = ctx.input(0);
  const size = ctx.input(1);
  const outH = size.data[0] as number;
  const outW = size.data[1] as number;
  if (!(outH >= minSize && outW >= minSize)) ctx.fail(`output size [${outH}, ${outW}] must be ${minSize > 0 ? 'positive' : 'non-negative'}`);
  const [batches, inH, inW, depth] = input.shape as [number, number, number, number];
  if ((inH === 0 || inW === 0) && batches * depth * outH * outW > 0) ctx.fail(`cannot resize an empty [${input.shape}] image to [${outH}, ${outW}]`);
  ctx.resizeOutput(0, [batches, outH, outW, depth]);
  return { batches, inH, inW, depth, outH, outW };
}

/**
 * The prepare/eval pair of a resize op: `run` computes output 0 from the geometry.
 * `minSize` is the smallest output height/width accepted.
 */
export function resizeKernel<O>(
  dtypes: readonly DType[],
  minSize: number,
  validate: (ctx: OpContext<O>) => void,
  run: (ctx: OpContext<O>, g: ResizeGeometry) => void,
): KernelRegistration<{ geometry: ResizeGeometry | null }, O> {
  return {
    prepare(ctx) {
      checkCounts(ctx, 2, 1);
      const input = ctx.input(0);
      const size = ctx.input(1);
      checkType(ctx, input, ...dtypes);
      checkSameDtype(ctx, input, ctx.output(0));
      if (input.shape.length !== 4) ctx.fail(`input must be 4-D (NHWC), has shape [${input.shape}]`);
      checkType(ctx, size, 'int32');
      if (size.shape.length !== 1 || size.shape[0] !== 2) ctx.fail(`size tensor '${size.name}' must have shape [2], has [${size.shape}]`);
      validate(ctx);
      if (!isConstant(size)) {
        ctx.markDynamic(0);
        return { geometry: null };
      }
      return { geometry: geometry(ctx as OpContext, minSize) };
    },
    eval(ctx, data) {
      run(ctx, data.geometry ?? geometry(ctx as OpContext, minSize));
    },
  };
}
