// DEPTHWISE_CONV_2D, SIMD tier, 8-bit: int8 (per-channel) and uint8 (per-tensor, filter zero point)
// with depth multiplier 1 and a constant filter and bias, bit-exact with the reference kernel
// (wasm/assembly/dwconv_q8.ts: 3×3 unrolled, any other window through the general loop). Other
// multipliers, 16x8, hybrid and float nodes run `base` (the reference kernel by default).
import type { KernelRegistration, OpContext } from '../registration.js';
import type { DepthwiseConv2DOptions } from '../../schema/generated.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { DEPTHWISE_CONV_2D as REFERENCE } from '../depthwise_conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import type { ConvQuant } from '../util/conv_quant.js';
import { inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';
import { q8Exports, withQ8 } from './gemm_q8.js';
import { parallelRows, WORK_PER_OP } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface DwQ8 {
  params: ConvParams;
  quant: ConvQuant;
  kH: number;
  kW: number;
  weights: number;
  u8: number;
  scratch: Scratch;
  /** Bytes of the scratch's tap-pointer area; the zero-point row follows it. */
  ptrsBytes: number;
  /** Bytes between the threads' scratch blocks (one per thread of wasm.pool). */
  scratchStride: number;
}

/**
 * Packs a [1, kH, kW, C] 8-bit filter, its int32 bias and fp32 scales for q8_dwconv: per group of
 * 8 channels [bias' i32[8], scale f32[8]] and, per tap pair, the pair's (w + filterOffset) i16
 * weights interleaved per channel (channels 0–3, then 4–7); bias' = bias + inputOffset · Σ_taps w'
 * (mod 2^32) takes the input zero point out of the accumulator. Returns the byte offset.
 */
export function packQ8Depthwise(
  wasm: WasmKernels, filter: Tensor, bias: Tensor | null, C: number, taps: number,
  filterOffset: number, inputOffset: number, scales: Float32Array,
): number {
  const pairs = (taps + 1) >> 1;
  const groups = Math.ceil(C / 8);
  const groupBytes = 64 + pairs * 32;
  const layout = `dwconv_q8 ${C}x${taps} ${filterOffset},${inputOffset},${Array.from(scales).join(',')}`;
  return packConstants(wasm, layout, [filter, bias], groups * groupBytes, (buffer, offset) => {
    const w = filter.data as Int8Array | Uint8Array;
    const b = bias === null ? null : (bias.data as Int32Array);
    new Uint8Array(buffer, offset, groups * groupBytes).fill(0);
    for (let g = 0; g < groups; g++) {
      const base = offset + g * groupBytes;
      const head = new Int32Array(buffer, base, 16);
      const headF = new Float32Array(buffer, base, 16);
      const body = new Int16Array(buffer, base + 64, pairs * 16);
      for (let j = 0; j < 8 && g * 8 + j < C; j++) {
        const c = g * 8 + j;
        let sum = 0;
        for (let t = 0; t < taps; t++) {
          const wt = w[t * C + c]! + filterOffset;
          sum += wt;
          body[(t >> 1) * 16 + (j >> 2) * 8 + (j & 3) * 2 + (t & 1)] = wt;
        }
        head[j] = ((b === null ? 0 : b[c]!) + Math.imul(inputOffset, sum)) | 0;
        headF[8 + j] = scales[c]!;
      }
    }
  });
}

/** DEPTHWISE_CONV_2D for 8-bit activations on the SIMD tier; other nodes go to `base`. */
export function depthwiseConv2dQ8(wasm: WasmKernels, base: KernelRegistration = REFERENCE): KernelRegistration {
  const q8 = q8Exports(wasm);
  const reg = simdKernel<RefData, DwQ8>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<DepthwiseConv2DOptions>, ref) {
      const q = ref.quant;
      if (ref.mode !== 'quantized' || q === null || q.requant !== 'float') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      if (input.dtype !== 'int8' && input.dtype !== 'uint8') return null;
      if (output.dtype !== input.dtype || !filter.isConstant || (bias !== null && (!bias.isConstant || bias.dtype !== 'int32'))) return null;
      if (!inHeapAtEval(input)) return null;
      const inC = input.shape[3]!;
      const [, kH, kW, outC] = filter.shape as [number, number, number, number];
      if (outC !== inC) return null; // depth multiplier > 1
      const taps = kH * kW;
      const weights = packQ8Depthwise(wasm, filter, bias, outC, taps, q.filterOffset, q.inputOffset, q.scales);
      const ptrsBytes = (4 * (taps + 1) + 63) & ~63;
      const scratch = scratchOf(wasm);
      const scratchStride = (ptrsBytes + outC + 16 + 63) & ~63;
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { params: ref.params, quant: q, kH, kW, weights, u8: input.dtype === 'uint8' ? 1 : 0, scratch, ptrsBytes, scratchStride };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, C] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW * C === 0) return;
      const p = d.params, q = d.quant;
      const ptrs = d.scratch.offset;
      // threads: split by output rows when large enough, each thread with its own scratch block
      if (wasm.pool && parallelRows(
        wasm.pool, 'q8_dwconv',
        { batches, outH, inImageBytes: inH * inW * C, outRowBytes: outW * C, strideH: p.strideH, padH: p.padH },
        input.heapByteOffset, output.heapByteOffset, 2 * batches * outH * outW * C * d.kH * d.kW * WORK_PER_OP.depthwise,
        (inAt, outAt, images, rows, padH) => [
          inAt, outAt, d.weights, ptrs + d.ptrsBytes, ptrs, images, inH, inW, C, rows, outW, d.kH, d.kW,
          p.strideH, p.strideW, p.dilationH, p.dilationW, padH, p.padW, -q.inputOffset, d.u8, q.outputOffset, q.actMin, q.actMax,
        ],
        { args: [3, 4], stride: d.scratchStride },
      )) return;
      q8.q8_dwconv(
        input.heapByteOffset, output.heapByteOffset, d.weights, ptrs + d.ptrsBytes, ptrs,
        batches, inH, inW, C, outH, outW, d.kH, d.kW, p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW,
        -q.inputOffset, d.u8, q.outputOffset, q.actMin, q.actMax,
      );
    },
  });
  return withQ8(reg, base);
}
