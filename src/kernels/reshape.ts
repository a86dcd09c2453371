// RESHAPE: same elements, new shape (TFLite reshape.cc).
import type { ReshapeOptions } from '../schema/generated.js';
import type { Tensor } from '../interpreter/tensor.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { numElements } from './kernel_util.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, checkShape, copyElements, readIndexTensor } from './util/data_movement.js';

/**
 * Resolves a requested shape against `inCount` elements: at most one -1 (inferred),
 * other dims >= 0, zero dims allowed (TFLite's reshape_utils ResolveOutputShape).
 * Returns an error message or the shape.
 */
export function resolveReshape(inShape: readonly number[], requested: readonly number[]): number[] | string {
  const inCount = numElements(inShape);
  let nonZeroIn = 1;
  for (const d of inShape) if (d !== 0) nonZeroIn *= d;
  const out = requested.slice();
  let stretch = -1;
  let outCount = 1;
  let nonZeroOut = 1;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (v === -1) {
      if (stretch !== -1) return `new shape [${requested}] has more than one -1`;
      stretch = i;
      continue;
    }
    if (!Number.isInteger(v) || v < 0) return `new shape [${requested}] has a negative dimension`;
    if (v !== 0) nonZeroOut *= v;
    outCount *= v;
  }
  if (stretch !== -1) {
    const inferred = inCount === 0 && outCount !== 0 ? 0 : Math.floor(nonZeroIn / nonZeroOut);
    if (inferred > 0x7fffffff) return `inferred dimension of [${requested}] overflows`;
    out[stretch] = inferred;
    outCount *= inferred;
  }
  if (outCount !== inCount) return `cannot reshape [${inShape}] (${inCount} elements) to [${requested}] (${outCount} elements)`;
  return out;
}

interface ReshapeData {
  /** The shape comes from a non-constant shape tensor: size the output in eval. */
  dynamic: boolean;
}

/** The shape tensor is used when it is an int32 vector; otherwise the new_shape option (TFLite's ShapeIsVector). */
function shapeTensor(ctx: OpContext<ReshapeOptions>): Tensor | null {
  const s = ctx.numInputs === 2 ? ctx.optionalInput(1) : null;
  return s !== null && s.shape.length === 1 && s.dtype === 'int32' ? s : null;
}

function requestedShape(ctx: OpContext<ReshapeOptions>): number[] {
  const s = shapeTensor(ctx);
  if (s !== null) return readIndexTensor(ctx, s, 'shape');
  const opt = ctx.options.newShape ?? [];
  // Legacy models write [0] for a scalar.
  return opt.length === 1 && opt[0] === 0 ? [] : opt.slice();
}

function outputShape(ctx: OpContext<ReshapeOptions>): number[] {
  const input = ctx.input(0);
  const shape = resolveReshape(input.shape, requestedShape(ctx));
  if (typeof shape === 'string') ctx.fail(shape);
  checkShape(ctx, shape, 'output shape');
  return shape;
}

export const RESHAPE: KernelRegistration<ReshapeData, ReshapeOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 1, 2);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const output = ctx.output(0);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, output);
    const s = shapeTensor(ctx);
    if (s !== null && !s.isConstant) {
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
