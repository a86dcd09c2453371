// The SIMD tier's 16x8 (int16 activations, 8-bit weights) machinery: the i16 wasm exports, the
// per-column requantization constants of the i16 GEMM (wasm/assembly/gemm_i16.ts) with the bounds
// that make its f64 arithmetic exact, the weight packing, and the router that sends a node with
// int16 activations to the i16 registration and everything else to the op's other registration.
import type { KernelRegistration } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { packConstants, stageInHeap } from './tier.js';

/** The i16 functions of wasm/assembly (gemm_i16.ts, conv_i16.ts, dwconv_i16.ts). Offsets and strides in bytes. */
export interface I16KernelExports {
  /** Rows [row0, row0 + rows) of k int16 values · packed B, `tileRows` rows at a time packed into `scratch`. */
  i16_gemm_rows(
    row0: number, rows: number, n: number, k: number, blk: number, a: number, lda: number, w: number, c: number, ldc: number,
    scratch: number, tileRows: number, mode: number, lo: number, hi: number, tmp: number,
  ): void;
  /** Output pixels [pix0, pix0 + count) of an NHWC convolution (one group) by im2col tiles in `scratch`. */
  i16_conv2d(
    input: number, output: number, w: number, scratch: number, tmp: number, pix0: number, count: number,
    inH: number, inW: number, inC: number, outH: number, outW: number, outC: number,
    kH: number, kW: number, strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number,
    tileRows: number, blk: number, lo: number, hi: number,
  ): void;
  /** Per row of n rows of k int8 weights (+ offset): Σ|w| into sums (i32); returns max |w|. */
  i16_weight_sums(w: number, n: number, k: number, offset: number, sums: number): number;
  /** The panel bodies of n rows of k int8 weights (+ offset) in the packed block at dst. */
  i16_pack_panels(w: number, n: number, k: number, offset: number, dst: number): void;
  /** Output rows [row0, row0 + rows) (row = b·outH + oy) of a depthwise convolution, multiplier 1. */
  i16_dwconv(
    input: number, output: number, w: number, zbuf: number, ptrs: number, row0: number, rows: number,
    inH: number, inW: number, C: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number, lo: number, hi: number,
  ): void;
}

export function i16Exports(wasm: WasmKernels): I16KernelExports {
  return wasm.exports as unknown as I16KernelExports;
}

/** How i16_gemm finishes its outputs (wasm/assembly/gemm_i16.ts). */
export const I16_FLOOR = 0;
export const I16_FC64 = 1;
export const I16_FC32 = 2;

/** Output columns per panel, and bytes of a panel's header. */
const NR = 8;
const HEADER = 192;
/** Bytes of the GEMM's tmp area (4 rows × 8 f64). */
export const I16_TMP_BYTES = 256;
/** Bytes of one packed A tile (i16): about 32 KiB, at least one 4-row block. */
export const I16_TILE_BYTES = 32 * 1024;

/** Largest |int16 activation|. */
const MAX_X = 32768;

/**
 * Per output column: y = acc · m + c in f64, exact (wasm/assembly/gemm_i16.ts), plus FC's scale
 * or fixed-point multiplier, and the k-pairs per i32 block.
 */
export interface I16Requant {
  mode: number;
  m: Float64Array;
  c: Float64Array;
  /** I16_FC64: double scales per column. */
  scales?: Float64Array;
  /** I16_FC32: multipliers and shifts per column. */
  multipliers?: Int32Array;
  shifts?: Int32Array;
  /** k-pairs per i32 block of accumulation. */
  blk: number;
  /** The parameters this was computed from, besides the weights and bias (the packing's cache key). */
  key: string;
}

/** Bias values as exact numbers, or null when one is not (|b| ≥ 2^53). */
function biasValues(bias: Tensor | null, n: number): Float64Array | null {
  const out = new Float64Array(n);
  if (bias === null) return out;
  const data = bias.data as Int32Array | BigInt64Array;
  for (let j = 0; j < n; j++) {
    const v = Number(data[j]!);
    if (!(Math.abs(v) < 2 ** 53)) return null;
    out[j] = v;
  }
  return out;
}

/** Σ|w| per output column (the bound of |acc| / 32768), and the largest |w|. */
export interface WeightStats {
  sums: ArrayLike<number>;
  maxAbs: number;
}

/** The first `count` bytes of an 8-bit tensor's data. */
function int8Bytes(t: Tensor, count: number): Uint8Array {
  return new Uint8Array(t.data.buffer, t.data.byteOffset, count);
}

/**
 * WeightStats of constant int8 weights [n, k] (+ offset), row j = output column j, computed in
 * wasm on a copy in the heap (these loops in JS would weigh on a model's cold start).
 */
export function gemmWeightStats(wasm: WasmKernels, weights: Tensor, n: number, k: number, offset: number): WeightStats {
  const heap = wasm.heap;
  const w = stageInHeap(wasm, int8Bytes(weights, n * k), 'staged weights');
  const sums = heap.alloc(4 * n, 64, 'weight sums');
  const maxAbs = i16Exports(wasm).i16_weight_sums(w, n, k, offset, sums);
  const out = new Int32Array(heap.buffer, sums, n).slice();
  heap.freeBlock(sums);
  heap.freeBlock(w);
  return { sums: out, maxAbs };
}

/** k-pairs per exact i32 block: all of K when no column's |acc| can reach 2^31, else as many as stay below. */
function blockPairs({ sums, maxAbs }: WeightStats, kp: number): number {
  let all = true;
  for (let j = 0; j < sums.length; j++) all &&= sums[j]! * MAX_X < 2 ** 31;
  if (all) return Math.max(kp, 1);
  return Math.max(1, Math.floor((2 ** 31 - 1) / (2 * MAX_X * maxAbs)));
}

/**
 * The FLOOR requantization of TFLite's 16x8 convolutions (MultiplyByQuantizedMultiplier on the
 * int64 acc + bias, util/quant_math.ts multiplyByQuantizedMultiplierInt64) of n output columns of
 * k taps whose weights have `stats`. Null when the f64 form cannot be exact for some column (then
 * the node runs the reference kernel).
 */
export function floorRequant(
  stats: WeightStats, n: number, k: number, bias: Tensor | null, multipliers: Int32Array, shifts: Int32Array,
): I16Requant | null {
  const b = biasValues(bias, n);
  if (b === null) return null;
  const { sums } = stats;
  const m = new Float64Array(n), c = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const multiplier = multipliers[multipliers.length > 1 ? j : 0]!;
    const shift = shifts[shifts.length > 1 ? j : 0]!;
    if (multiplier < 0 || shift < -31 || shift > 14) return null;
    const r = multiplier < 0x7fff0000 ? (multiplier + 32768) >> 16 : 0x7fff;
    const t = 15 - shift;
    const bound = sums[j]! * MAX_X + Math.abs(b[j]!);
    // y's numerator 2·(acc + bias)·r + 1 below 2^53; |acc + bias| within the reference's 2^47.
    if (!(2 * bound * r + 1 < 2 ** 53 && bound < 2 ** 47)) return null;
    m[j] = r * 2 ** -t;
    c[j] = (2 * b[j]! * r + 1) * 2 ** -(t + 1);
  }
  return { mode: I16_FLOOR, m, c, blk: blockPairs(stats, (k + 1) >> 1), key: `floor ${multipliers.join()}|${shifts.join()}` };
}

/**
 * FULLY_CONNECTED's requantizations: y = acc + bias exactly (m = 1, c = bias), then 'int64'
 * (round(y · scale) in double) or 'single' (ruy's fixed point on y wrapped to int32). Null where
 * the sum may not be exact or a shift is out of the wasm code's range.
 */
export function fcRequant(
  stats: WeightStats, n: number, k: number, filterOffset: number, bias: Tensor | null,
  rounding: 'int64' | 'single', scales: Float64Array, multipliers: Int32Array, shifts: Int32Array,
): I16Requant | null {
  const c = biasValues(bias, n);
  if (c === null) return null;
  for (let j = 0; j < n; j++) if (!(stats.sums[j]! * MAX_X + Math.abs(c[j]!) < 2 ** 53)) return null;
  const m = new Float64Array(n).fill(1);
  const blk = blockPairs(stats, (k + 1) >> 1);
  if (rounding === 'int64') {
    return { mode: I16_FC64, m, c, blk, scales: Float64Array.from({ length: n }, (_, j) => scales[scales.length > 1 ? j : 0]!), key: `fc64 ${filterOffset} ${scales.join()}` };
  }
  const mult = Int32Array.from({ length: n }, (_, j) => multipliers[multipliers.length > 1 ? j : 0]!);
  const sh = Int32Array.from({ length: n }, (_, j) => shifts[shifts.length > 1 ? j : 0]!);
  if (mult.some((x) => x < 0) || sh.some((s) => s < -31 || s > 30)) return null;
  return { mode: I16_FC32, m, c, blk, multipliers: mult, shifts: sh, key: `fc32 ${filterOffset} ${mult.join()}|${sh.join()}` };
}

/**
 * Packs constant 8-bit weights [n, k] (row j = output column j: CONV_2D's OHWI filter and
 * FULLY_CONNECTED's weights) as (w + filterOffset) in i16 with the requantization constants into
 * the i16 GEMM's panels: ceil(n/8) panels of a 192-byte header [m f64[8], c f64[8], scale f64[8] |
 * multiplier i32[8] + shift i32[8]] and ceil(k/2) k-pairs of 8 columns × 2 depths (32 bytes),
 * zero-padded past n and k. Returns the byte offset.
 */
export function packI16Weights(wasm: WasmKernels, weights: Tensor, bias: Tensor | null, n: number, k: number, filterOffset: number, rq: I16Requant): number {
  const kp = (k + 1) >> 1;
  const panels = Math.ceil(n / NR);
  const panelBytes = HEADER + kp * 32;
  return packConstants(wasm, `gemm_i16 ${n}x${k} ${filterOffset} ${rq.key}`, [weights, bias], panels * panelBytes, (_, offset) => {
    const heap = wasm.heap;
    const staged = stageInHeap(wasm, int8Bytes(weights, n * k), 'staged weights');
    i16Exports(wasm).i16_pack_panels(staged, n, k, filterOffset, offset);
    heap.freeBlock(staged);
    const head = new Float64Array(heap.buffer, offset, (panels * panelBytes) / 8);
    const headI = new Int32Array(heap.buffer, offset, (panels * panelBytes) / 4);
    for (let p = 0; p < panels; p++) {
      const base = p * panelBytes;
      head.fill(0, base / 8, (base + HEADER) / 8);
      for (let col = 0; col < Math.min(NR, n - p * NR); col++) {
        const j = p * NR + col;
        head[base / 8 + col] = rq.m[j]!;
        head[base / 8 + 8 + col] = rq.c[j]!;
        if (rq.scales) head[base / 8 + 16 + col] = rq.scales[j]!;
        if (rq.multipliers) headI[base / 4 + 32 + col] = rq.multipliers[j]!;
        if (rq.shifts) headI[base / 4 + 40 + col] = rq.shifts[j]!;
      }
    }
  });
}

/**
 * A registration that prepares and runs nodes whose input 0 (or output 0) is int16 with `i16`, all
 * others with `base` (the choice is made in prepare and kept with the node's data).
 */
export function withI16(i16: KernelRegistration, base: KernelRegistration, which: 'input' | 'output' = 'input'): KernelRegistration {
  const mine = new WeakSet<object>();
  return {
    prepare(ctx) {
      if ((which === 'input' ? ctx.inputs[0] : ctx.outputs[0])?.dtype !== 'int16') return base.prepare(ctx);
      const data = i16.prepare(ctx);
      if (typeof data === 'object' && data !== null) mine.add(data);
      return data;
    },
    eval(ctx, data) {
      if (typeof data === 'object' && data !== null && mine.has(data)) i16.eval(ctx, data);
      else base.eval(ctx, data);
    },
  };
}
