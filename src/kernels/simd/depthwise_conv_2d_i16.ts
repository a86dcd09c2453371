// DEPTHWISE_CONV_2D, SIMD tier, 16x8: int16 activations, int8 per-channel filter, int64 bias (or
// none), depth multiplier 1, constant filter and bias; bit-exact with the reference kernel
// (wasm/assembly/dwconv_i16.ts: 3×3 unrolled, any other window through the general loop). Other
// multipliers, and windows whose sums could leave int32, run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { DepthwiseConv2DOptions } from '../../schema/generated.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { DEPTHWISE_CONV_2D as REFERENCE } from '../depthwise_conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import type { ConvQuant } from '../util/conv_quant.js';
import { inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';
import { floorRequant, i16Exports, type I16Requant, type WeightStats } from './gemm_i16.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface DwI16 {
  params: ConvParams;
  quant: ConvQuant;
  kH: number;
  kW: number;
  weights: number;
  scratch: Scratch;
  /** Bytes of the scratch's tap-pointer area; the zero row follows it. */
  ptrsBytes: number;
}

/**
 * Packs a [1, kH, kW, C] int8 filter and its requantization constants for i16_dwconv: per group
 * of 8 channels [m f64[8], c f64[8]] and, per tap pair, the pair's i16 weights interleaved per
 * channel (channels 0–3, then 4–7). Returns the byte offset.
 */
function packI16Depthwise(wasm: WasmKernels, filter: Tensor, bias: Tensor | null, C: number, taps: number, rq: I16Requant): number {
  const pairs = (taps + 1) >> 1;
  const groups = Math.ceil(C / 8);
  const groupBytes = 128 + pairs * 32;
  return packConstants(wasm, `dwconv_i16 ${C}x${taps} ${rq.key}`, [filter, bias], groups * groupBytes, (buffer, offset) => {
    const w = filter.data as Int8Array;
    new Uint8Array(buffer, offset, groups * groupBytes).fill(0);
    const head = new Float64Array(buffer, offset, (groups * groupBytes) / 8);
    const body = new Int16Array(buffer, offset, (groups * groupBytes) / 2);
    for (let g = 0; g < groups; g++) {
      const base = g * groupBytes;
      for (let j = 0; j < 8 && g * 8 + j < C; j++) {
        const c = g * 8 + j;
        head[base / 8 + j] = rq.m[c]!;
        head[base / 8 + 8 + j] = rq.c[c]!;
        const dst = (base + 128) / 2 + (j >> 2) * 8 + (j & 3) * 2;
        for (let t = 0; t < taps; t++) body[dst + (t >> 1) * 16 + (t & 1)] = w[t * C + c]!;
      }
    }
  });
}

/** WeightStats of a depthwise filter [1, kH, kW, C] (tap t of channel j at t·C + j). */
function depthwiseStats(weights: Int8Array, C: number, taps: number): WeightStats {
  const sums = new Float64Array(C);
  let maxAbs = 0;
  for (let t = 0; t < taps; t++) {
    for (let j = 0; j < C; j++) {
      const a = Math.abs(weights[t * C + j]!);
      sums[j] = sums[j]! + a;
      if (a > maxAbs) maxAbs = a;
    }
  }
  return { sums, maxAbs };
}

/** DEPTHWISE_CONV_2D for int16 activations on the SIMD tier; the reference kernel where it does not apply. */
export function depthwiseConv2dI16(wasm: WasmKernels): KernelRegistration {
  const i16 = i16Exports(wasm);
  return simdKernel<RefData, DwI16>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<DepthwiseConv2DOptions>, ref) {
      const q = ref.quant;
      if (ref.mode !== 'quantized' || q === null || q.requant !== 'int64') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      if (input.dtype !== 'int16' || output.dtype !== 'int16' || filter.dtype !== 'int8' || !filter.isConstant) return null;
      if ((bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const C = input.shape[3]!;
      const [, kH, kW, outC] = filter.shape as [number, number, number, number];
      if (outC !== C) return null; // depth multiplier > 1
      const taps = kH * kW;
      const rq = floorRequant(depthwiseStats(filter.data as Int8Array, C, taps), C, taps, bias, q.multipliers, q.shifts);
      // One i32 accumulator per channel: its sums must fit.
      if (rq === null || rq.blk < (taps + 1) >> 1) return null;
      const weights = packI16Depthwise(wasm, filter, bias, C, taps, rq);
      const ptrsBytes = (4 * (taps + 1) + 63) & ~63;
      const scratch = scratchOf(wasm);
      scratch.reserve(ptrsBytes + 2 * C + 16);
      return { params: ref.params, quant: q, kH, kW, weights, scratch, ptrsBytes };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, C] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW * C === 0) return;
      const p = d.params, q = d.quant;
      const ptrs = d.scratch.offset;
      i16.i16_dwconv(
        input.heapByteOffset, output.heapByteOffset, d.weights, ptrs + d.ptrsBytes, ptrs, 0, batches * outH,
        inH, inW, C, outH, outW, d.kH, d.kW, p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW, q.actMin, q.actMax,
      );
    },
  });
}
