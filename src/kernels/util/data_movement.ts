// Helpers shared by the shape and data-movement ops (RESHAPE, SLICE, TILE, ...):
// they only move elements, so they work on any fixed-size dtype's typed array.
import type { Tensor } from '../../interpreter/tensor.js';
import type { DType, TypedArray } from '../../types.js';
import type { OpContext } from '../registration.js';
import { checkType } from '../kernel_util.js';

/** Dtypes whose elements the data-movement kernels copy verbatim. */
export const MOVABLE_TYPES: readonly DType[] = ['float32', 'float16', 'int32', 'int64', 'uint8', 'int8', 'int16', 'bool'];

/** Element-wise view of any typed array (int64 elements are bigints). */
export type Elements = { [i: number]: number | bigint; readonly length: number };

export function elements(a: TypedArray): Elements {
  return a as unknown as Elements;
}

/** Copies `n` elements; `src` and `dst` hold the same dtype. */
export function copyElements(src: TypedArray, srcOff: number, dst: TypedArray, dstOff: number, n: number): void {
  if (n <= 0) return;
  // A whole-tensor copy (RESHAPE and the like) needs no subarray view: 4× faster on small tensors.
  if (srcOff === 0 && dstOff === 0 && n === src.length && n === dst.length) (dst as Uint8Array).set(src as Uint8Array);
  else (dst as Uint8Array).set((src as Uint8Array).subarray(srcOff, srcOff + n), dstOff);
}

/** Fails unless `t` has one of the movable dtypes. */
export function checkMovable(ctx: OpContext, t: Tensor): void {
  checkType(ctx, t, ...MOVABLE_TYPES);
}

/** Fails unless input and output share a dtype. */
export function checkOutputType(ctx: OpContext, input: Tensor, output: Tensor): void {
  if (input.dtype !== output.dtype) ctx.fail(`output '${output.name}' is ${output.dtype}, input '${input.name}' is ${input.dtype}`);
}

/**
 * Fails unless `b` has the scale and zero point of `a` (TFLite's check in kernels that move
 * quantized values without rescaling them: PACK, UNPACK, EXPAND_DIMS, BATCH_TO_SPACE_ND, MIRROR_PAD, ...).
 */
export function checkSameQuantization(ctx: OpContext, a: Tensor, b: Tensor): void {
  if (a.scale !== b.scale || a.zeroPoint !== b.zeroPoint) {
    ctx.fail(`'${b.name}' (scale ${b.scale}, zero point ${b.zeroPoint}) must be quantized as '${a.name}' (scale ${a.scale}, zero point ${a.zeroPoint})`);
  }
}

/** Reads an int32/int64 tensor as numbers (int64 values beyond 2^53 lose precision but stay huge). */
export function readIndexTensor(ctx: OpContext, t: Tensor, what: string): number[] {
  checkType(ctx, t, 'int32', 'int64');
  const d = t.data;
  const out = new Array<number>(d.length);
  for (let i = 0; i < d.length; i++) out[i] = Number(d[i]);
  if (out.length !== t.size) ctx.fail(`${what} tensor holds ${out.length} values, its shape [${t.shape}] needs ${t.size}`);
  return out;
}

export function checkInputCount(ctx: OpContext, ...counts: number[]): void {
  if (!counts.includes(ctx.numInputs)) ctx.fail(`expected ${counts.join(' or ')} inputs, got ${ctx.numInputs}`);
}

export function checkOutputCount(ctx: OpContext, ...counts: number[]): void {
  if (!counts.includes(ctx.numOutputs)) ctx.fail(`expected ${counts.join(' or ')} outputs, got ${ctx.numOutputs}`);
}

/** Fails unless each dim is a non-negative int32 and the element count stays addressable. */
export function checkShape(ctx: OpContext, shape: readonly number[], what: string): void {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0 || d > 0x7fffffff) ctx.fail(`${what} [${shape}] has an invalid dimension ${d}`);
    n *= d;
  }
  if (n > 0x7fffffff) ctx.fail(`${what} [${shape}] has too many elements (${n})`);
}

/**
 * Outer/inner split around `axis`: `outer` = product of dims before it,
 * `inner` = product of dims after it.
 */
export function axisBlocks(shape: readonly number[], axis: number): { outer: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, inner };
}

/**
 * Strided copy over any rank: along dim d, indices start[d], start[d]+stride[d], ...
 * while (stride > 0 ? i < stop : i > stop) (TFLite's StridedSlice loop), written
 * to `output` in row-major order. Returns the number of elements written.
 */
export function stridedCopy(
  inShape: readonly number[], start: readonly number[], stop: readonly number[], stride: readonly number[],
  input: TypedArray, output: TypedArray,
): number {
  const rank = inShape.length;
  if (rank === 0) {
    copyElements(input, 0, output, 0, 1);
    return 1;
  }
  const inStrides = new Array<number>(rank);
  let acc = 1;
  for (let d = rank - 1; d >= 0; d--) {
    inStrides[d] = acc;
    acc *= inShape[d]!;
  }
  const src = elements(input);
  const dst = elements(output);
  const last = rank - 1;
  const lastStart = start[last]!;
  const lastStop = stop[last]!;
  const lastStride = stride[last]!;
  let written = 0;
  const walk = (d: number, base: number): void => {
    const s = stride[d]!;
    const e = stop[d]!;
    if (d === last) {
      if (lastStride === 1) {
        const n = lastStop - lastStart;
        if (n > 0) {
          copyElements(input, base + lastStart, output, written, n);
          written += n;
        }
        return;
      }
      for (let i = lastStart; s > 0 ? i < e : i > e; i += s) dst[written++] = src[base + i]!;
      return;
    }
    for (let i = start[d]!; s > 0 ? i < e : i > e; i += s) walk(d + 1, base + i * inStrides[d]!);
  };
  walk(0, 0);
  return written;
}

/** Normalizes an int32/int64 scalar-like axis value read from a tensor; fails when out of [-rank, rank). */
export function normalizeAxisValue(ctx: OpContext, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) ctx.fail(`axis ${axis} out of range for rank ${rank}`);
  return a;
}

/** Splits `input` along `axis` into consecutive pieces of `sizes[k]` (SPLIT, SPLIT_V). */
export function splitAlong(axis: number, inShape: readonly number[], sizes: readonly number[], input: TypedArray, outputs: readonly TypedArray[]): void {
  const { outer, inner } = axisBlocks(inShape, axis);
  const axisSize = inShape[axis]!;
  for (let b = 0; b < outer; b++) {
    let src = b * axisSize * inner;
    for (let k = 0; k < outputs.length; k++) {
      const n = sizes[k]! * inner;
      copyElements(input, src, outputs[k]!, b * n, n);
      src += n;
    }
  }
}

/** A result or an error message from a reference helper: fails with the message. */
export function orFail<T>(ctx: OpContext, v: T | string): T {
  if (typeof v === 'string') ctx.fail(v);
  return v;
}
