// Helpers shared by the data-movement kernels (pad, gather, scatter, space/batch/depth reshuffles).
import type { Tensor } from '../../interpreter/tensor.js';
import type { TypedArray } from '../../types.js';
import { checkRank, checkType, isConstant } from '../kernel_util.js';
import type { OpContext } from '../registration.js';
import { copyElements } from './data_movement.js';

/**
 * Element-generic view of a typed array. Kernels that only move elements read and write
 * through it, so one code path serves every dtype (bigint elements for int64 included).
 */
export { type Elements as Elems, elements as elems } from './data_movement.js';

/** Copies `n` elements from `src[srcOff..]` to `dst[dstOff..]`; both arrays have the same element type. */
export function copyRange(dst: TypedArray, dstOff: number, src: TypedArray, srcOff: number, n: number): void {
  copyElements(src, srcOff, dst, dstOff, n);
}

/** Fills `dst[start..end)` with `value` (a bigint for 64-bit arrays). */
export function fillRange(dst: TypedArray, value: number | bigint, start: number, end: number): void {
  (dst as unknown as { fill(v: number | bigint, s: number, e: number): unknown }).fill(value, start, end);
}

/** True when the tensor carries affine quantization parameters. */
export function isQuantized(t: Tensor): boolean {
  return (t.quantization?.scale.length ?? 0) > 0;
}

/**
 * Reads an integer tensor (int8/int16/int32/int64) as plain numbers, failing on values that
 * do not fit an int32 (TFLite keeps shapes, paddings and block sizes in int32).
 */
export function readInt32s(ctx: OpContext, t: Tensor, what: string): number[] {
  const out = new Array<number>(t.data.length);
  for (let i = 0; i < t.data.length; i++) {
    const v = Number(t.data[i]);
    if (!(v >= -0x80000000 && v <= 0x7fffffff)) ctx.fail(`${what} value ${String(t.data[i])} does not fit int32`);
    out[i] = v;
  }
  return out;
}

/** Fails unless every dimension is a non-negative integer that keeps the element count finite. */
export function checkShape(ctx: OpContext, shape: readonly number[], what: string): void {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) ctx.fail(`${what} has invalid dimension ${d} in [${shape}]`);
    n *= d;
  }
  if (n > 0x7fffffff) ctx.fail(`${what} shape [${shape}] has too many elements`);
}

/** A 3-D NHC shape viewed as NH1C (how TFLite runs 3-D SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND); 4-D is kept. */
export function asNhwc(shape: readonly number[]): [number, number, number, number] {
  return shape.length === 3 ? [shape[0]!, shape[1]!, 1, shape[2]!] : [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
}

/**
 * The inputs SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND share: a 3-D or 4-D input, an int32 block_shape of
 * shape [spatial dims] and an int32 `what` (paddings or crops) of shape [spatial dims, 2].
 */
export function checkSpaceBatchInputs(ctx: OpContext, input: Tensor, blockShape: Tensor, amounts: Tensor, what: string): void {
  checkRank(ctx, input, 3, 4);
  checkType(ctx, blockShape, 'int32');
  checkType(ctx, amounts, 'int32');
  const spatial = input.shape.length - 2;
  if (blockShape.shape.length !== 1 || blockShape.shape[0] !== spatial) ctx.fail(`block_shape must have shape [${spatial}], got [${blockShape.shape}]`);
  if (amounts.shape.length !== 2 || amounts.shape[0] !== spatial || amounts.shape[1] !== 2) {
    ctx.fail(`${what} must have shape [${spatial}, 2], got [${amounts.shape}]`);
  }
}

/** The block_shape of SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND and the padding (crop) before each spatial dimension. */
export interface BlockPlan {
  block: number[];
  before: number[];
}

/**
 * The plan at eval: the one from prepare, or, where block_shape or the paddings / crops (inputs 1 and 2)
 * are computed, a new one from `plan` (the output resized to its shape).
 */
export function evalBlockPlan(
  ctx: OpContext, prepared: BlockPlan,
  plan: (ctx: OpContext, input: Tensor, blockShape: Tensor, amounts: Tensor) => BlockPlan & { shape: number[] },
): BlockPlan {
  if (isConstant(ctx.input(1)) && isConstant(ctx.input(2))) return prepared;
  const p = plan(ctx, ctx.input(0), ctx.input(1), ctx.input(2));
  ctx.resizeOutput(0, p.shape);
  return { block: p.block, before: p.before };
}
