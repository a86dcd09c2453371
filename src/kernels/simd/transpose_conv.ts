// TRANSPOSE_CONV and MediaPipe's Convolution2DTransposeBias, SIMD tier: float32 with constant
// weights and bias. GEMM of the input [N·H·W, inC] with the weights packed as [inC, kH·kW·outC]
// into a scratch tile of columns, then a col2im scatter-add into the output, which starts as the
// bias; fused activation last (wasm/assembly/tconv_f32.ts). Quantized nodes, computed weights or
// bias, and a computed output_shape (dynamic output) run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { TransposeConvOptions } from '../../schema/generated.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { TRANSPOSE_CONV as REFERENCE, type TransposeConvParams } from '../transpose_conv.js';
import { Convolution2DTransposeBias as MP_REFERENCE } from '../../mediapipe/convolution_2d_transpose_bias.js';
import { GEMM_NR, inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';
import { parallelRows, WORK_PER_OP } from '../../wasm/splits.js';

/** wasm/assembly/tconv_f32.ts's export (not in KernelExports: looked up on the instance). */
type TconvF32 = (
  input: number, output: number, weights: number, bias: number, scratch: number,
  batches: number, inH: number, inW: number, inC: number, outH: number, outW: number, outC: number,
  kH: number, kW: number, strideH: number, strideW: number, padH: number, padW: number,
  tileRows: number, lo: number, hi: number,
) => void;

interface TconvSimd {
  params: TransposeConvParams;
  kH: number;
  kW: number;
  /** Packed weights, and the bias (outC floats) or 0. */
  weights: number;
  bias: number;
  /** Input pixels per GEMM tile, and the scratch that holds one tile of columns (and the GEMM's packed rows). */
  tileRows: number;
  scratch: Scratch;
  /** Bytes between the threads' blocks in `scratch` (one per thread of wasm.pool). */
  scratchStride: number;
}

/** Bytes of one column tile: about 64 KiB, at least one 4-row GEMM block. */
const TILE_BYTES = 64 * 1024;

function tconvExport(wasm: WasmKernels): TconvF32 | null {
  const f = (wasm.exports as unknown as { tconv_f32?: TconvF32 }).tconv_f32;
  return typeof f === 'function' ? f : null;
}

/**
 * Packs constant weights [outC, kH, kW, inC] into GEMM panels (zero bias) of n = kH·kW·outC
 * columns in (ky, kx, oc) order, depth inC: column (ky·kW + kx)·outC + oc is weights[oc, ky, kx, :].
 */
export function packTconvWeights(wasm: WasmKernels, weights: Tensor): number {
  const [outC, kH, kW, inC] = weights.shape as [number, number, number, number];
  const n = kH * kW * outC, k = inC;
  const panels = Math.ceil(n / GEMM_NR);
  const panelFloats = (k + 1) * GEMM_NR;
  return packConstants(wasm, `tconv_f32 ${outC}x${kH}x${kW}x${inC}`, [weights], panels * panelFloats * 4, (buffer, offset) => {
    const w = weights.data as Float32Array;
    const dst = new Float32Array(buffer, offset, panels * panelFloats);
    dst.fill(0);
    for (let j = 0; j < n; j++) {
      const oc = j % outC, tap = (j - oc) / outC; // tap = ky·kW + kx
      const base = Math.floor(j / GEMM_NR) * panelFloats + GEMM_NR + (j % GEMM_NR);
      const src = (oc * kH * kW + tap) * inC;
      for (let d = 0; d < k; d++) dst[base + d * GEMM_NR] = w[src + d]!;
    }
  });
}

function packBias(wasm: WasmKernels, bias: Tensor): number {
  const n = bias.data.length;
  return packConstants(wasm, 'tconv_f32 bias', [bias], Math.max(4, n * 4), (buffer, offset) => {
    new Float32Array(buffer, offset, n).set(bias.data as Float32Array);
  });
}

/** The SIMD data for a float node, or null (reference) when the weights or bias are computed. */
function prepareSimd(
  wasm: WasmKernels, params: TransposeConvParams, input: Tensor, weights: Tensor, bias: Tensor | null,
): TconvSimd | null {
  if (tconvExport(wasm) === null) return null;
  if (input.dtype !== 'float32' || weights.dtype !== 'float32' || !weights.isConstant) return null;
  if (bias !== null && (bias.dtype !== 'float32' || !bias.isConstant)) return null;
  if (!inHeapAtEval(input)) return null;
  const [outC, kH, kW, inC] = weights.shape as [number, number, number, number];
  if (outC * kH * kW * inC === 0) return null;
  const n = kH * kW * outC;
  const weightsOffset = packTconvWeights(wasm, weights);
  const biasOffset = bias === null ? 0 : packBias(wasm, bias);
  const tileRows = Math.max(4, Math.floor(TILE_BYTES / (n * 4)) & ~3);
  const scratch = scratchOf(wasm);
  const scratchStride = Math.ceil((tileRows * n * 4 + 16 * inC) / 64) * 64; // the column tile, then the GEMM's packed rows
  scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
  return { params, kH, kW, weights: weightsOffset, bias: biasOffset, tileRows, scratch, scratchStride };
}

function evalSimd(wasm: WasmKernels, input: Tensor, output: Tensor, d: TconvSimd): void {
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [, outH, outW, outC] = output.shape as [number, number, number, number];
  if (batches * outH * outW * outC === 0) return;
  const p = d.params;
  const call = (inAt: number, outAt: number, images: number, rows: number, rowsOut: number): number[] => [
    inAt, outAt, d.weights, d.bias, d.scratch.offset, images, rows, inW, inC, rowsOut, outW, outC, d.kH, d.kW,
    p.strideH, p.strideW, p.padH, p.padW, d.tileRows, p.actMin, p.actMax,
  ];
  // threads: where the windows of input rows tile the output rows exactly (kH = strideH, no
  // vertical padding: MediaPipe's 2×2 stride-2 upsampling), ranges of input rows write disjoint
  // output rows: split by input rows (each writing its strideH output rows), each thread with its
  // own column tile.
  if (wasm.pool && d.kH === p.strideH && p.padH === 0 && outH === inH * p.strideH && parallelRows(
    wasm.pool, 'tconv_f32',
    { batches, outH: inH, inImageBytes: inH * inW * inC * 4, outRowBytes: p.strideH * outW * outC * 4, strideH: 1, padH: 0 },
    input.heapByteOffset, output.heapByteOffset, 2 * batches * inH * inW * inC * d.kH * d.kW * outC * WORK_PER_OP.gemmF32,
    (image, outAt, images, rows, _padH, iy) => call(image + iy * inW * inC * 4, outAt, images, rows, rows * p.strideH),
    { args: [4], stride: d.scratchStride },
  )) return;
  tconvExport(wasm)!(...(call(input.heapByteOffset, output.heapByteOffset, batches, inH, outH) as Parameters<TconvF32>));
}

type RefData = ReturnType<typeof REFERENCE.prepare>;

/** TRANSPOSE_CONV (inputs: output_shape, weights, input, optional bias) on the SIMD tier. */
export function transposeConvSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<RefData, TconvSimd>(wasm, REFERENCE, {
    inPlace: [2],
    prepare(ctx: OpContext<TransposeConvOptions>, ref) {
      // params === null: the output shape is computed (dynamic output); quant: 8/16-bit.
      if (ref.params === null || ref.quant !== null) return null;
      return prepareSimd(wasm, ref.params, ctx.input(2), ctx.input(1), ctx.optionalInput(3));
    },
    eval(ctx, d) {
      evalSimd(wasm, ctx.input(2), ctx.output(0), d);
    },
  }) as KernelRegistration;
}

/** MediaPipe's Convolution2DTransposeBias (inputs: input, weights, bias) on the SIMD tier. */
export function convolution2DTransposeBiasSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<TransposeConvParams, TconvSimd>(wasm, MP_REFERENCE, {
    inPlace: [0],
    prepare(ctx, params) {
      return prepareSimd(wasm, params, ctx.input(0), ctx.input(1), ctx.input(2));
    },
    eval(ctx, d) {
      evalSimd(wasm, ctx.input(0), ctx.output(0), d);
    },
  }) as KernelRegistration;
}
