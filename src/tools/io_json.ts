// The oracle's JSON tensor format and seeded inputs, shared by the CLI and tests.
import type { DType, TypedArray } from '../types.js';
import { halfToFloat, floatToHalf } from '../kernels/kernel_util.js';

export interface JsonTensor {
  name: string;
  index?: number;
  dtype: DType;
  shape: number[];
  values: (number | string)[];
}

/** The oracle's mulberry32 generator (same stream ⇒ same inputs as run-ref.mjs --seed). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Fills `out` as run-ref.mjs does: float in [-1,1], ints full range, int32/int64 in [0,10). */
export function fillSeeded(dtype: DType, out: TypedArray, next: () => number): void {
  for (let i = 0; i < out.length; i++) {
    const u = next();
    switch (dtype) {
      case 'float32': case 'float64': out[i] = -1 + 2 * (u / 4294967296); break;
      case 'float16': out[i] = floatToHalf(-1 + 2 * (u / 4294967296)); break;
      case 'int8': out[i] = (u >>> 24) - 128; break;
      case 'uint8': out[i] = u >>> 24; break;
      case 'int16': out[i] = (u >>> 16) - 32768; break;
      case 'uint16': out[i] = u >>> 16; break;
      case 'bool': out[i] = u & 1; break;
      case 'int64': case 'uint64': (out as BigInt64Array)[i] = BigInt(u % 10); break;
      default: out[i] = u % 10;
    }
  }
}

/** JSON values: numbers, non-finite floats as strings, float16 as their float value. */
export function toJsonValues(dtype: DType, data: TypedArray): (number | string)[] {
  const out = new Array<number | string>(data.length);
  for (let i = 0; i < data.length; i++) {
    const raw = data[i]!;
    const v = typeof raw === 'bigint' ? Number(raw) : dtype === 'float16' ? halfToFloat(raw) : raw;
    out[i] = Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  }
  return out;
}

export function fromJsonValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return Number.NaN;
}
