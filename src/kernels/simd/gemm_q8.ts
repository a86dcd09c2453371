// The SIMD tier's 8-bit (int8 / uint8) machinery: the q8 wasm exports, the weight packing of the
// q8 GEMM (wasm/assembly/gemm_q8.ts), and the router that sends a node with 8-bit activations to
// the q8 registration and everything else to the op's other SIMD (or reference) registration.
import type { KernelRegistration } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { bitsKey, packConstants, stageInHeap } from './tier.js';

/**
 * The q8 functions of wasm/assembly (gemm_q8.ts, conv_q8.ts, dwconv_q8.ts). Offsets and strides in
 * bytes; `u8`: activations and outputs are uint8 (1) or int8 (0).
 */
export interface Q8KernelExports {
  /** A (i16, kp k-pairs, in the 4-row interleaved A4 layout) · packed B, requantized to 8 bits (Q8_* mode). */
  q8_gemm(
    m: number, n: number, kp: number, a: number, w: number, c: number, ldc: number,
    mode: number, u8: number, zp: number, lo: number, hi: number, tmp: number,
  ): void;
  /** 8-bit rows (k values) · packed B, `tileRows` rows (a multiple of 4) at a time widened into `scratch`. */
  q8_gemm_rows(
    rows: number, n: number, k: number, a: number, lda: number, w: number, c: number, ldc: number, scratch: number, tileRows: number,
    zpIn: number, u8: number, mode: number, zp: number, lo: number, hi: number, tmp: number,
  ): void;
  /** NHWC convolution (one group) by i16 im2col tiles of `tileRows` output pixels (scratch: 2 tiles), fp32 requantization. */
  q8_conv2d(
    input: number, output: number, w: number, scratch: number,
    batches: number, inH: number, inW: number, inC: number, outH: number, outW: number, outC: number,
    kH: number, kW: number, strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number,
    tileRows: number, zpIn: number, u8: number, zp: number, lo: number, hi: number,
  ): void;
  /** Depthwise convolution, multiplier 1; zbuf: C + 16 bytes, ptrs: 4·(kH·kW + 1) bytes of scratch. */
  q8_dwconv(
    input: number, output: number, w: number, zbuf: number, ptrs: number,
    batches: number, inH: number, inW: number, C: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number,
    zpIn: number, u8: number, zp: number, lo: number, hi: number,
  ): void;
}

export function q8Exports(wasm: WasmKernels): Q8KernelExports {
  return wasm.exports as unknown as Q8KernelExports;
}

/** Requantization modes of q8_gemm (wasm/assembly/gemm_q8.ts). */
export const Q8_FP32 = 0;
export const Q8_SINGLE = 1;
export const Q8_DOUBLE = 2;

/** Output columns per panel, and bytes of a panel's header. */
export const Q8_NR = 8;
const Q8_HEADER = 128;

/** How a packed GEMM's accumulators become outputs, per output column. */
export interface Q8Requant {
  mode: number;
  /** Q8_FP32: float32 scales, one per column. */
  scales?: Float32Array;
  /** Fixed-point modes: multipliers and shifts, one per column or one for all. */
  multipliers?: Int32Array;
  shifts?: Int32Array;
}

/**
 * Packs constant 8-bit weights [n, k] (row j = output column j: CONV_2D's OHWI filter and
 * FULLY_CONNECTED's weights) as (w + filterOffset) in i16, with the int32 bias [n] and the
 * requantization parameters, into the q8 GEMM's panels: ceil(n/8) panels of a 128-byte header
 * [bias i32[8], scale f32[8], multiplier i32[8], shift i32[8]] and ceil(k/2) k-pairs of 8 columns
 * × 2 depths (32 bytes), zero-padded past n and k. Returns the byte offset.
 */
export function packQ8Weights(
  wasm: WasmKernels, weights: Tensor, bias: Tensor | null, n: number, k: number, filterOffset: number, rq: Q8Requant,
): number {
  const kp = (k + 1) >> 1;
  const panels = Math.ceil(n / Q8_NR);
  const panelBytes = Q8_HEADER + kp * 32;
  const none = new Int32Array(0);
  const params = `${rq.mode},${filterOffset}|${bitsKey(rq.scales ?? none)}|${bitsKey(rq.multipliers ?? none)}|${bitsKey(rq.shifts ?? none)}`;
  return packConstants(wasm, `gemm_q8 ${n}x${k} ${params}`, [weights, bias], panels * panelBytes, (buffer, offset) => {
    const w = weights.data as Int8Array | Uint8Array;
    const b = bias === null ? null : (bias.data as Int32Array);
    new Uint8Array(buffer, offset, panels * panelBytes).fill(0);
    const head = new Int32Array(buffer, offset, (panels * panelBytes) >> 2);
    const headF = new Float32Array(buffer, offset, (panels * panelBytes) >> 2);
    for (let j = 0; j < n; j++) {
      const h = ((j >> 3) * panelBytes) / 4 + (j & 7);
      head[h] = b === null ? 0 : b[j]!;
      if (rq.scales) headF[h + 8] = rq.scales[j]!;
      if (rq.multipliers) head[h + 16] = rq.multipliers[rq.multipliers.length > 1 ? j : 0]!;
      if (rq.shifts) head[h + 24] = rq.shifts[rq.shifts.length > 1 ? j : 0]!;
    }
    // The bodies in wasm: k-pair d/2, column c, depth parity d&1 of (w + filterOffset) as i16.
    const raw = stageInHeap(wasm, new Uint8Array(w.buffer, w.byteOffset, n * k), 'weights to pack');
    (wasm.exports as unknown as PackQ8Exports).pack_q8_gemm(raw, offset, n, k, panelBytes, filterOffset, weights.dtype === 'int8' ? 1 : 0);
    wasm.heap.freeBlock(raw);
  });
}

/** wasm/assembly/pack_q8.ts */
export interface PackQ8Exports {
  pack_q8_gemm(src: number, dst: number, n: number, k: number, panelBytes: number, filterOffset: number, signed: number): void;
  pack_q8_dw(src: number, bias: number, dst: number, C: number, taps: number, groupBytes: number, filterOffset: number, inputOffset: number, signed: number): void;
}

/** Whether an 8-bit node's activations are int8 or uint8 (what the q8 kernels take). */
export function isQ8(dtype: string | undefined): dtype is 'int8' | 'uint8' {
  return dtype === 'int8' || dtype === 'uint8';
}

/**
 * A registration that prepares and runs nodes whose input 0 is int8 or uint8 with `q8`, all
 * others with `base` (the choice is made in prepare and kept with the node's data).
 */
export function withQ8(q8: KernelRegistration, base: KernelRegistration): KernelRegistration {
  const mine = new WeakSet<object>();
  return {
    prepare(ctx) {
      if (!isQ8(ctx.inputs[0]?.dtype)) return base.prepare(ctx);
      const data = q8.prepare(ctx);
      if (typeof data === 'object' && data !== null) mine.add(data);
      return data;
    },
    eval(ctx, data) {
      if (typeof data === 'object' && data !== null && mine.has(data)) q8.eval(ctx, data);
      else base.eval(ctx, data);
    },
  };
}
