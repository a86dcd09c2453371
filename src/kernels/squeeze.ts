// SQUEEZE: drops size-1 dims (all of them, or the listed squeeze_dims) (TFLite squeeze.cc).
import type { SqueezeOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, copyElements, orFail } from './util/data_movement.js';

/** The squeezed shape, or an error message when a listed dim is out of range or not 1. */
export function squeezeShape(inShape: readonly number[], squeezeDims: readonly number[]): number[] | string {
  const rank = inShape.length;
  const drop = new Array<boolean>(rank).fill(false);
  if (squeezeDims.length === 0) {
    for (let i = 0; i < rank; i++) drop[i] = inShape[i] === 1;
  } else {
    for (const d of squeezeDims) {
      const a = d < 0 ? d + rank : d;
      if (!Number.isInteger(a) || a < 0 || a >= rank) return `squeeze dim ${d} out of range for rank ${rank}`;
      if (inShape[a] !== 1) return `cannot squeeze dim ${d} of size ${inShape[a]}`;
      drop[a] = true;
    }
  }
  return inShape.filter((_, i) => !drop[i]);
}

export const SQUEEZE: KernelRegistration<void, SqueezeOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 1);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    if (input.shape.length > 8) ctx.fail(`input rank ${input.shape.length} exceeds 8`);
    ctx.resizeOutput(0, orFail(ctx, squeezeShape(input.shape, ctx.options.squeezeDims ?? [])));
  },
  eval(ctx) {
    const input = ctx.input(0);
    copyElements(input.data, 0, ctx.output(0).data, 0, input.size);
  },
};
