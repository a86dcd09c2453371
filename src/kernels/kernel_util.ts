// Shared helpers for kernels (TFLite's kernel_util): checks, shapes, broadcasting, activations.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType } from '../types.js';
import type { OpContext } from './registration.js';

// ActivationFunctionType of schema.fbs.
export const Activation = { NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3, TANH: 4, SIGN_BIT: 5 } as const;
// Padding of schema.fbs.
export const Padding = { SAME: 0, VALID: 1 } as const;

export function checkType(ctx: OpContext, t: Tensor, ...allowed: DType[]): void {
  if (!allowed.includes(t.dtype)) ctx.fail(`tensor '${t.name}' has type ${t.dtype}, expected ${allowed.join(' or ')}`);
}

export function checkSameType(ctx: OpContext, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) ctx.fail(`type mismatch: '${a.name}' is ${a.dtype}, '${b.name}' is ${b.dtype}`);
}

export function checkRank(ctx: OpContext, t: Tensor, ...ranks: number[]): void {
  if (!ranks.includes(t.shape.length)) ctx.fail(`tensor '${t.name}' has rank ${t.shape.length}, expected ${ranks.join(' or ')}`);
}

export function checkMaxRank(ctx: OpContext, t: Tensor, max: number): void {
  if (t.shape.length > max) ctx.fail(`tensor '${t.name}' has rank ${t.shape.length}, at most ${max} supported`);
}

export function numElements(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** Normalizes a possibly negative axis; fails when out of range. */
export function normalizeAxis(ctx: OpContext, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= Math.max(rank, 1)) ctx.fail(`axis ${axis} out of range for rank ${rank}`);
  return a;
}

/** Numpy-style broadcast of two shapes; fails when incompatible. */
export function broadcastShapes(ctx: OpContext, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) ctx.fail(`shapes [${a}] and [${b}] cannot be broadcast`);
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For each output element (row-major over `outShape`), the flat index into a tensor
 * of `inShape` broadcast to it. Precomputed once in prepare by broadcasting kernels.
 */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const rank = outShape.length;
  const total = numElements(outShape);
  const idx = new Int32Array(total);
  const inStrides = new Array<number>(rank).fill(0);
  let acc = 1;
  for (let i = rank - 1; i >= 0; i--) {
    const d = inShape[inShape.length - rank + i] ?? 1;
    inStrides[i] = d === 1 ? 0 : acc;
    acc *= d;
  }
  const counter = new Array<number>(rank).fill(0);
  let flat = 0;
  for (let o = 0; o < total; o++) {
    idx[o] = flat;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]!++;
      flat += inStrides[d]!;
      if (counter[d]! < outShape[d]!) break;
      flat -= inStrides[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
  return idx;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Float clamp range of a fused activation. */
export function activationRange(activation: number): [number, number] {
  switch (activation) {
    case Activation.RELU: return [0, Infinity];
    case Activation.RELU6: return [0, 6];
    case Activation.RELU_N1_TO_1: return [-1, 1];
    default: return [-Infinity, Infinity];
  }
}

/** Applies a fused activation to one float value (TANH and SIGN_BIT included). */
export function applyActivation(x: number, activation: number): number {
  switch (activation) {
    case Activation.NONE: return x;
    case Activation.RELU: return x < 0 ? 0 : x;
    case Activation.RELU6: return x < 0 ? 0 : x > 6 ? 6 : x;
    case Activation.RELU_N1_TO_1: return x < -1 ? -1 : x > 1 ? 1 : x;
    case Activation.TANH: return Math.tanh(x);
    case Activation.SIGN_BIT: return Math.sign(x);
    default: return x;
  }
}

export function checkActivation(ctx: OpContext, activation: number): void {
  if (!(activation >= 0 && activation <= 5)) ctx.fail(`unknown fused activation ${activation}`);
}

/** Output size of a conv/pool along one dimension (TFLite's ComputeOutSize). */
export function convOutSize(padding: number, inSize: number, filterSize: number, stride: number, dilation = 1): number {
  const effective = (filterSize - 1) * dilation + 1;
  if (padding === Padding.SAME) return Math.floor((inSize + stride - 1) / stride);
  return Math.floor((inSize - effective + stride) / stride);
}

/** Padding before the first element along one dimension (TFLite's ComputePaddingWithOffset). */
export function convPadding(stride: number, dilation: number, inSize: number, filterSize: number, outSize: number): number {
  const effective = (filterSize - 1) * dilation + 1;
  const total = Math.max((outSize - 1) * stride + effective - inSize, 0);
  return Math.floor(total / 2);
}

/** Reads a constant or computed int32/int64 tensor as plain numbers. */
export function readInts(t: Tensor): number[] {
  const out = new Array<number>(t.data.length);
  for (let i = 0; i < t.data.length; i++) out[i] = Number(t.data[i]);
  return out;
}

/** True when the tensor's values are known at prepare time. */
export function isConstant(t: Tensor): boolean {
  return t.allocation === 'constant';
}

const f16buf = new DataView(new ArrayBuffer(4));
/** IEEE half (as its 16 bits) to a JS number. */
export function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m === 0 ? s * Infinity : NaN;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** A JS number to IEEE half bits, rounding to nearest even. */
export function floatToHalf(x: number): number {
  f16buf.setFloat32(0, x);
  const f = f16buf.getUint32(0);
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  let mant = f & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let r = mant >> shift;
    const rem = mant & ((1 << shift) - 1);
    if (rem > half || (rem === half && (r & 1))) r++;
    return sign | r;
  }
  let r = mant >> 13;
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (r & 1))) {
    r++;
    if (r === 0x400) {
      r = 0;
      e++;
      if (e >= 31) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | r;
}
