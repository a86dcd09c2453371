// CONV_2D, SIMD tier: float32 with a constant filter and bias and one group. A 1×1 stride-1
// convolution is a GEMM straight on the NHWC input; any other goes through im2col tiles
// (wasm/assembly/conv_f32.ts). Everything else (quantized, hybrid, grouped, computed filters)
// runs the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Conv2DOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { CONV_2D as REFERENCE } from '../conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import { packGemmWeights, inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { conv2dQ8 } from './conv_2d_q8.js'; // q8
import { withQ8 } from './gemm_q8.js'; // q8
import { parallelConv2dF32, parallelGemmF32 } from '../../wasm/splits.js'; // threads

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface ConvSimd {
  params: ConvParams;
  kH: number;
  kW: number;
  /** 1×1, stride 1, no padding, more than 4 output channels: the input is the GEMM's A as it is. */
  pointwise: boolean;
  weights: number;
  scratch: Scratch;
  /** Bytes between the threads' blocks in `scratch` (packed GEMM rows, or gathered im2col rows). */
  tileStride: number;
}

export function conv2dSimd(wasm: WasmKernels): KernelRegistration {
  const { exports } = wasm;
  // q8: int8/uint8 nodes go to the 8-bit kernels, all others to this one.
  return withQ8(conv2dQ8(wasm), simdKernel<RefData, ConvSimd>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<Conv2DOptions>, ref) {
      if (ref.mode !== 'float') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2);
      if (filter.dtype !== 'float32' || !filter.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const [, , , inC] = input.shape as [number, number, number, number];
      const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
      if (fC !== inC) return null; // grouped
      const p = ref.params;
      // Up to 4 output channels, conv2d_f32's half-width tile beats the GEMM's 8-column one.
      const pointwise = kH === 1 && kW === 1 && p.strideH === 1 && p.strideW === 1 && p.padH === 0 && p.padW === 0 && outC > 4;
      const k = kH * kW * inC;
      const weights = packGemmWeights(wasm, filter, bias, outC, k);
      const scratch = scratchOf(wasm);
      // Per thread of wasm.pool, 16·K bytes: the GEMM's packed rows, or conv2d_f32's four gathered im2col rows.
      const tileStride = Math.ceil((16 * k) / 64) * 64;
      scratch.reserve(tileStride * (wasm.pool?.threads ?? 1));
      return { params: p, kH, kW, pointwise, weights, scratch, tileStride };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, outH, outW, outC] = output.shape as [number, number, number, number];
      const pixels = batches * outH * outW;
      if (pixels === 0) return;
      const p = d.params;
      const pool = wasm.pool; // threads: split the GEMM across wasm.pool when it is large enough
      if (d.pointwise) {
        const gemm = { m: pixels, n: outC, k: inC, a: input.heapByteOffset, lda: inC * 4, w: d.weights, c: output.heapByteOffset, ldc: outC * 4 };
        if (pool && parallelGemmF32(pool, gemm, p.actMin, p.actMax, d.scratch.offset, d.tileStride)) return;
        exports.gemm_f32(pixels, outC, inC, gemm.a, gemm.lda, d.weights, gemm.c, gemm.ldc, p.actMin, p.actMax, d.scratch.offset);
      } else {
        if (pool && parallelConv2dF32(pool, {
          input: input.heapByteOffset, output: output.heapByteOffset, weights: d.weights, scratch: d.scratch.offset, scratchStride: d.tileStride,
          batches, inH, inW, inC, outH, outW, outC, kH: d.kH, kW: d.kW, strideH: p.strideH, strideW: p.strideW,
          dilationH: p.dilationH, dilationW: p.dilationW, padH: p.padH, padW: p.padW, tileRows: 4, lo: p.actMin, hi: p.actMax,
        })) return;
        exports.conv2d_f32(
          input.heapByteOffset, output.heapByteOffset, d.weights, d.scratch.offset,
          batches, inH, inW, inC, outH, outW, outC, d.kH, d.kW,
          p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW, 4, p.actMin, p.actMax,
        );
      }
    },
  }));
}
