// CAST: converts between float16/32/64, int8/16/32/64, uint8/16/32 and bool as C++ static_cast
// does (TFLite's cast.cc): float to integer truncates toward zero, integer to integer wraps, anything
// to bool is x != 0, and float16 goes through float32 (round to nearest even).
import type { KernelRegistration } from './registration.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, floatToHalf, halfToFloat } from './kernel_util.js';
import { INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, prepareUnary } from './util/elementwise.js';

const CAST_TYPES: DType[] = ['float16', 'float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'bool'];

/** int64 to the nearest float32, ties to even (Number() alone would round twice above 2^53). */
export function int64ToFloat32(v: bigint): number {
  const a = v < 0n ? -v : v;
  if (a <= 2n ** 53n) return Math.fround(Number(v));
  const shift = BigInt(a.toString(2).length - 24);
  let mant = a >> shift;
  const rem = a - (mant << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (mant & 1n) === 1n)) mant++;
  const r = Number(mant << shift);
  return v < 0n ? -r : r;
}

/** Truncation clamped to [lo, hi], NaN giving `nan`: wasm's trunc_sat and the runtime's vector paths. */
function saturate(v: number, lo: number, hi: number, nan = 0): number {
  if (Number.isNaN(v)) return nan;
  return v <= lo ? lo : v >= hi ? hi : Math.trunc(v);
}

function floatToInt64(v: number): bigint {
  if (Number.isNaN(v)) return 0n;
  return v >= 2 ** 63 ? INT64_MAX : v < -(2 ** 63) ? INT64_MIN : BigInt(Math.trunc(v));
}

type Convert = (v: number | bigint) => number | bigint;

const UNSIGNED = new Set<DType>(['uint8', 'uint16', 'uint32']);

/**
 * Float to a 32-bit-or-narrower integer. Out-of-range values are undefined behaviour in C++; this
 * follows the official runtime (its wasm build): truncation saturated to int32 (uint32 for unsigned
 * targets, NaN giving 0), then wrapped to the target width by the typed-array store, except on its
 * saturating float32 paths to uint8, int16 and int32 (where NaN gives INT32_MAX).
 */
function floatToNarrowInt(from: DType, to: DType): (v: number) => number {
  if (from === 'float32') {
    if (to === 'uint8') return (v) => saturate(v, 0, 255);
    if (to === 'int16') return (v) => saturate(v, -32768, 32767);
    if (to === 'int32') return (v) => saturate(v, INT32_MIN, INT32_MAX, INT32_MAX);
  }
  return UNSIGNED.has(to) ? (v) => saturate(v, 0, 4294967295) : (v) => saturate(v, INT32_MIN, INT32_MAX);
}

/** The element conversion into `to` from a source read as numbers (bigints for int64). */
function converter(from: DType, to: DType): Convert {
  const fromFloat = from === 'float16' || from === 'float32' || from === 'float64';
  const toF32 = (v: number | bigint): number => (typeof v === 'bigint' ? int64ToFloat32(v) : v);
  switch (to) {
    case 'bool': return (v) => (v != 0 ? 1 : 0); // NaN != 0
    case 'float32': return toF32;
    case 'float64': return (v) => Number(v);
    case 'float16': return (v) => floatToHalf(Math.fround(toF32(v)));
    case 'int64':
      return (v) => (typeof v === 'bigint' ? v : fromFloat ? floatToInt64(v) : BigInt(v));
    default: {
      // int32, uint32, int16, uint16, int8, uint8: integer sources wrap in the typed-array store.
      if (!fromFloat) return (v) => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v);
      const f = floatToNarrowInt(from, to);
      return (v) => f(v as number);
    }
  }
}

export function cast(from: DType, x: TypedArray, to: DType, out: TypedArray): void {
  const convert = converter(from, to);
  const n = out.length;
  if (from === 'int64' && (to === 'int32' || to === 'uint32')) {
    // BigInt.asIntN(32, v) is the low (little-endian: first) int32 word: read it without BigInts.
    const words = new Int32Array(x.buffer, x.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) out[i] = words[2 * i]!;
  } else if (from === 'float16') {
    for (let i = 0; i < n; i++) out[i] = convert(halfToFloat(x[i] as number));
  } else {
    for (let i = 0; i < n; i++) out[i] = convert(x[i]!);
  }
}

export const CAST: KernelRegistration<void> = {
  prepare(ctx) {
    prepareUnary(ctx, CAST_TYPES, ctx.output(0).dtype);
    checkType(ctx, ctx.output(0), ...CAST_TYPES);
  },
  eval(ctx) {
    const x = ctx.input(0);
    const out = ctx.output(0);
    cast(x.dtype, x.data, out.dtype, out.data);
  },
};
