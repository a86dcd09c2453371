// CONV_2D, SIMD tier, 16x8: int16 activations, int8 per-channel filter, int64 bias (or none), with
// a constant filter and bias and one group, bit-exact with the reference kernel (TFLite's
// MultiplyByQuantizedMultiplier on the int64 accumulator; wasm/assembly/gemm_i16.ts). A 1×1
// stride-1 convolution is a GEMM over the input rows; any other goes through i16 im2col tiles
// (wasm/assembly/conv_i16.ts). Everything else (int32 bias, grouped, computed filters, scales
// outside the exact f64 range) runs the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Conv2DOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { CONV_2D as REFERENCE } from '../conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import type { ConvQuant } from '../util/conv_quant.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { floorRequant, gemmWeightStats, i16Exports, packI16Weights, I16_FLOOR, I16_TILE_BYTES, I16_TMP_BYTES } from './gemm_i16.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface ConvI16 {
  params: ConvParams;
  quant: ConvQuant;
  kH: number;
  kW: number;
  pointwise: boolean;
  weights: number;
  blk: number;
  tileRows: number;
  scratch: Scratch;
}

/** CONV_2D for int16 activations on the SIMD tier; the reference kernel where it does not apply. */
export function conv2dI16(wasm: WasmKernels): KernelRegistration {
  const i16 = i16Exports(wasm);
  return simdKernel<RefData, ConvI16>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<Conv2DOptions>, ref) {
      const q = ref.quant;
      if (ref.mode !== 'quantized' || q === null || q.requant !== 'int64') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      if (input.dtype !== 'int16' || output.dtype !== 'int16' || filter.dtype !== 'int8' || !filter.isConstant) return null;
      if ((bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const [, , , inC] = input.shape as [number, number, number, number];
      const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
      if (fC !== inC) return null; // grouped
      const p = ref.params;
      const k = kH * kW * inC;
      const rq = floorRequant(gemmWeightStats(wasm, filter, outC, k, 0), outC, k, bias, q.multipliers, q.shifts);
      if (rq === null) return null;
      const pointwise = kH === 1 && kW === 1 && p.strideH === 1 && p.strideW === 1 && p.padH === 0 && p.padW === 0;
      const weights = packI16Weights(wasm, filter, bias, outC, k, 0, rq);
      const rowBytes = ((k + 1) >> 1) * 4;
      const tileRows = Math.max(4, Math.floor(I16_TILE_BYTES / rowBytes) & ~3);
      const scratch = scratchOf(wasm);
      scratch.reserve(I16_TMP_BYTES + tileRows * rowBytes * (pointwise ? 1 : 2)); // im2col: the A4 tile, then the gathered rows
      return { params: p, quant: q, kH, kW, pointwise, weights, blk: rq.blk, tileRows, scratch };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, outH, outW, outC] = output.shape as [number, number, number, number];
      const pixels = batches * outH * outW;
      if (pixels === 0 || outC === 0) return;
      const p = d.params, q = d.quant;
      const tmp = d.scratch.offset, tile = tmp + I16_TMP_BYTES;
      if (d.pointwise) {
        i16.i16_gemm_rows(
          0, pixels, outC, inC, d.blk, input.heapByteOffset, inC * 2, d.weights, output.heapByteOffset, outC * 2,
          tile, d.tileRows, I16_FLOOR, q.actMin, q.actMax, tmp,
        );
      } else {
        i16.i16_conv2d(
          input.heapByteOffset, output.heapByteOffset, d.weights, tile, tmp, 0, pixels,
          inH, inW, inC, outH, outW, outC, d.kH, d.kW,
          p.strideH, p.strideW, p.dilationH, p.dilationW, p.padH, p.padW, d.tileRows, d.blk, q.actMin, q.actMax,
        );
      }
    },
  });
}
