// CONV_2D, SIMD tier, 8-bit: int8 (per-channel filter) and uint8 (per-tensor, filter zero point)
// with a constant filter and bias and one group, bit-exact with the reference kernel (XNNPACK's
// fp32 requantization). A 1×1 stride-1 convolution is a GEMM over the input rows; any other goes
// through i16 im2col tiles (wasm/assembly/conv_q8.ts). Everything else (16x8, hybrid, grouped,
// computed filters) runs the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Conv2DOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { CONV_2D as REFERENCE } from '../conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import type { ConvQuant } from '../util/conv_quant.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { packQ8Weights, q8Exports, Q8_FP32 } from './gemm_q8.js';
import { parallelQ8GemmRows, parallelRows, WORK_PER_OP } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface ConvQ8 {
  params: ConvParams;
  quant: ConvQuant;
  kH: number;
  kW: number;
  pointwise: boolean;
  weights: number;
  u8: number;
  tileRows: number;
  scratch: Scratch;
  /** Bytes between the threads' scratch blocks (one per thread of wasm.pool). */
  scratchStride: number;
}

/** Bytes of one widened A tile (i16): about 32 KiB, at least one 4-row GEMM block (tileRows % 4 = 0). */
export const Q8_TILE_BYTES = 32 * 1024;

/** CONV_2D for int8 / uint8 activations on the SIMD tier; the reference kernel where it does not apply. */
export function conv2dQ8(wasm: WasmKernels): KernelRegistration {
  const q8 = q8Exports(wasm);
  return simdKernel<RefData, ConvQ8>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<Conv2DOptions>, ref) {
      const q = ref.quant;
      if (ref.mode !== 'quantized' || q === null || q.requant !== 'float') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      if (input.dtype !== 'int8' && input.dtype !== 'uint8') return null;
      if (output.dtype !== input.dtype || !filter.isConstant || (bias !== null && (!bias.isConstant || bias.dtype !== 'int32'))) return null;
      if (!inHeapAtEval(input)) return null;
      const [, , , inC] = input.shape as [number, number, number, number];
      const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
      if (fC !== inC) return null; // grouped
      const p = ref.params;
      const pointwise = kH === 1 && kW === 1 && p.strideH === 1 && p.strideW === 1 && p.padH === 0 && p.padW === 0;
      const k = kH * kW * inC;
      const weights = packQ8Weights(wasm, filter, bias, outC, k, q.filterOffset, { mode: Q8_FP32, scales: q.scales });
      const rowBytes = ((k + 1) >> 1) * 4;
      const tileRows = Math.max(4, Math.floor(Q8_TILE_BYTES / rowBytes) & ~3);
      const scratch = scratchOf(wasm);
      // im2col: the A4 tile, then the gathered rows; one such block per thread.
      const scratchStride = Math.ceil((tileRows * rowBytes * (pointwise ? 1 : 2)) / 64) * 64;
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { params: p, quant: q, kH, kW, pointwise, weights, u8: input.dtype === 'uint8' ? 1 : 0, tileRows, scratch, scratchStride };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, outH, outW, outC] = output.shape as [number, number, number, number];
      const pixels = batches * outH * outW;
      if (pixels === 0 || outC === 0) return;
      const p = d.params, q = d.quant;
      const pool = wasm.pool; // threads: split by rows (or column panels) when large enough
      if (d.pointwise) {
        if (pool && parallelQ8GemmRows(pool, pixels, outC, {
          k: inC, a: input.heapByteOffset, lda: inC, w: d.weights, c: output.heapByteOffset, ldc: outC,
          scratch: d.scratch.offset, scratchStride: d.scratchStride, tileRows: d.tileRows,
          zpIn: -q.inputOffset, u8: d.u8, mode: Q8_FP32, zp: q.outputOffset, lo: q.actMin, hi: q.actMax, tmp: 0,
        })) return;
        q8.q8_gemm_rows(
          pixels, outC, inC, input.heapByteOffset, inC, d.weights, output.heapByteOffset, outC, d.scratch.offset, d.tileRows,
          -q.inputOffset, d.u8, Q8_FP32, q.outputOffset, q.actMin, q.actMax, 0,
        );
      } else {
        if (pool && parallelRows(
          pool, 'q8_conv2d',
          { batches, outH, inImageBytes: inH * inW * inC, outRowBytes: outW * outC, strideH: p.strideH, padH: p.padH },
          input.heapByteOffset, output.heapByteOffset, 2 * pixels * outC * d.kH * d.kW * inC * WORK_PER_OP.gemmQ8,
          (inAt, outAt, images, rows, padH) => [
            inAt, outAt, d.weights, d.scratch.offset, images, inH, inW, inC, rows, outW, outC, d.kH, d.kW,
            p.strideH, p.strideW, p.dilationH, p.dilationW, padH, p.padW, d.tileRows, -q.inputOffset, d.u8, q.outputOffset, q.actMin, q.actMax,
          ],
          { args: [3], stride: d.scratchStride },
        )) return;
        q8.q8_conv2d(
          input.heapByteOffset, output.heapByteOffset, d.weights, d.scratch.offset,
          batches, inH, inW, inC, outH, outW, outC, d.kH, d.kW,
          p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW, d.tileRows,
          -q.inputOffset, d.u8, q.outputOffset, q.actMin, q.actMax,
        );
      }
    },
  });
}
