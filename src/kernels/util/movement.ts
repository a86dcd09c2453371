// Helpers shared by the data-movement kernels (pad, gather, scatter, space/batch/depth reshuffles).
import type { Tensor } from '../../interpreter/tensor.js';
import type { TypedArray } from '../../types.js';
import type { OpContext } from '../registration.js';

/**
 * Element-generic view of a typed array. Kernels that only move elements read and write
 * through it, so one code path serves every dtype (bigint elements for int64 included).
 */
export type Elems = { [i: number]: number | bigint; readonly length: number };

export function elems(a: TypedArray): Elems {
  return a as unknown as Elems;
}

/** Copies `n` elements from `src[srcOff..]` to `dst[dstOff..]`; both arrays have the same element type. */
export function copyRange(dst: TypedArray, dstOff: number, src: TypedArray, srcOff: number, n: number): void {
  if (n <= 0) return;
  (dst as Uint8Array).set((src as Uint8Array).subarray(srcOff, srcOff + n), dstOff);
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
