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
import { bitsKey, inHeapAtEval, packConstants, scratchOf, simdKernel, stageInHeap, type Scratch } from './tier.js';
import { q8Exports, withQ8, type PackQ8Exports } from './gemm_q8.js';
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
  const layout = `dwconv_q8 ${C}x${taps} ${filterOffset},${inputOffset},${bitsKey(scales)}`;
  return packConstants(wasm, layout, [filter, bias], groups * groupBytes, (buffer, offset) => {
    const w = filter.data as Int8Array | Uint8Array;
    new Uint8Array(buffer, offset, groups * groupBytes).fill(0);
    const headF = new Float32Array(buffer, offset, (groups * groupBytes) >> 2);
    for (let c = 0; c < C; c++) headF[((c >> 3) * groupBytes) / 4 + 8 + (c & 7)] = scales[c]!;
    // Weights, and the bias with the input zero point's share, in wasm.
    const raw = stageInHeap(wasm, new Uint8Array(w.buffer, w.byteOffset, taps * C), 'weights to pack');
    const b = bias === null ? 0 : stageInHeap(wasm, new Uint8Array(bias.data.buffer, bias.data.byteOffset, C * 4), 'bias to pack');
    (wasm.exports as unknown as PackQ8Exports).pack_q8_dw(raw, b, offset, C, taps, groupBytes, filterOffset, inputOffset, filter.dtype === 'int8' ? 1 : 0);
    wasm.heap.freeBlock(raw);
    if (b !== 0) wasm.heap.freeBlock(b);
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
