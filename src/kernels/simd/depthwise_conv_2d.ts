// DEPTHWISE_CONV_2D, SIMD tier: float32 with a constant filter and bias and at least 4 output
// channels (wasm/assembly/dwconv_f32.ts): 3×3 and 5×5 windows (dilation 1, any stride and
// padding) have specialized interiors, any other window a loop over the taps. A depth multiplier
// above 1 first expands the input's channels into scratch, zero-padded; small images (border
// columns over 1/8 of a row) are padded there too, so that no pixel takes the bounds-checked path. Quantized and hybrid filters,
// computed filters and fewer than 4 channels run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { DepthwiseConv2DOptions } from '../../schema/generated.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { DEPTHWISE_CONV_2D as REFERENCE } from '../depthwise_conv_2d.js';
import type { ConvParams } from '../util/conv_util.js';
import { inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';
import { f32Exports } from './f32_util.js';
import { parallelRows, WORK_PER_OP } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface DepthwiseSimd {
  params: ConvParams;
  kH: number;
  kW: number;
  /** Output channels (input channels × multiplier). */
  channels: number;
  multiplier: number;
  weights: number;
  scratch: Scratch;
  /**
   * Whether the input is first copied into scratch, zero-padded (and channel-expanded): with a
   * multiplier above 1, or where the border columns are more than 1/8 of the output row.
   */
  padded: boolean;
  /** The padded input's height and width (the extent the windows cover). */
  pH: number;
  pW: number;
  /** Bytes of the zero row and row addresses the kernel keeps in scratch: one such block per thread. */
  rowsBytes: number;
  /** Byte offset in the scratch of the padded input (after the threads' blocks). */
  paddedAt: number;
}

/**
 * Packs the [1, kH, kW, C] filter and the bias (zeros when null) into the heap: per 4-channel
 * block b, starting at channel min(4b, C − 4): bias[4], then the block's 4 weights of every tap in
 * (ky, kx) order. Returns the byte offset.
 */
export function packDepthwiseWeights(wasm: WasmKernels, filter: Tensor, bias: Tensor | null, taps: number, c: number): number {
  const blocks = Math.ceil(c / 4);
  const blockFloats = 4 * (taps + 1);
  return packConstants(wasm, `dwconv_f32 ${taps}x${c}`, [filter, bias], blocks * blockFloats * 4, (buffer, offset) => {
    const f = filter.data as Float32Array;
    const b = bias === null ? null : (bias.data as Float32Array);
    const dst = new Float32Array(buffer, offset, blocks * blockFloats);
    for (let k = 0; k < blocks; k++) {
      const s = Math.min(4 * k, c - 4);
      const base = k * blockFloats;
      for (let l = 0; l < 4; l++) {
        dst[base + l] = b === null ? 0 : b[s + l]!;
        for (let t = 0; t < taps; t++) dst[base + 4 + 4 * t + l] = f[t * c + s + l]!;
      }
    }
  });
}

const align64 = (n: number): number => Math.ceil(n / 64) * 64;

export function depthwiseConv2dF32Simd(wasm: WasmKernels): KernelRegistration {
  const exports = f32Exports(wasm);
  return simdKernel<RefData, DepthwiseSimd>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<DepthwiseConv2DOptions>, ref) {
      if (ref.mode !== 'float') return null;
      const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2);
      if (filter.dtype !== 'float32' || !filter.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, kH, kW, channels] = filter.shape as [number, number, number, number];
      if (channels < 4) return null;
      const multiplier = channels / inC;
      const weights = packDepthwiseWeights(wasm, filter, bias, kH * kW, channels);
      const p = ref.params;
      const [, outH, outW] = ctx.output(0).shape as [number, number, number, number];
      // Output columns whose window lies inside the input (wasm/assembly/dwconv_f32.ts's interior).
      const span = (kW - 1) * p.dilationW;
      const first = Math.min(Math.ceil(p.padW / p.strideW), outW);
      const end = inW - 1 - span + p.padW >= 0 ? Math.min(Math.floor((inW - 1 - span + p.padW) / p.strideW) + 1, outW) : 0;
      const border = outW - Math.max(0, end - first);
      const padded = multiplier > 1 || border * 8 > outW;
      const pH = (outH - 1) * p.strideH + (kH - 1) * p.dilationH + 1;
      const pW = (outW - 1) * p.strideW + span + 1;
      const scratch = scratchOf(wasm);
      // Per thread: a zero row and the row addresses of the input the kernel reads; then the padded input.
      const rowW = padded ? pW : inW;
      const rowsBytes = align64(rowW * channels * 4) + align64(kH * 4);
      const paddedAt = rowsBytes * (wasm.pool?.threads ?? 1);
      scratch.reserve(paddedAt + (padded ? batches * pH * pW * channels * 4 : 0));
      return { params: p, kH, kW, channels, multiplier, weights, scratch, padded, pH, pW, rowsBytes, paddedAt };
    },
    eval(ctx, d) {
      const input = ctx.input(0), output = ctx.output(0);
      const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
      const [, outH, outW] = output.shape as [number, number, number, number];
      if (batches * outH * outW === 0) return;
      const p = d.params;
      const scratch = d.scratch.offset;
      let src = input.heapByteOffset, srcH = inH, srcW = inW, padH = p.padH, padW = p.padW;
      if (d.padded) {
        src = scratch + d.paddedAt;
        exports.pad_input_f32(input.heapByteOffset, src, batches, inH, inW, inC, d.multiplier, d.pH, d.pW, p.padH, p.padW);
        [srcH, srcW, padH, padW] = [d.pH, d.pW, 0, 0];
      }
      const C = d.channels;
      const conv = (inAt: number, outAt: number, images: number, rows: number, top: number): number[] => [
        inAt, outAt, d.weights, scratch, images, srcH, srcW, C, rows, outW, d.kH, d.kW,
        p.strideH, p.strideW, p.dilationH, p.dilationW, top, padW, p.actMin, p.actMax,
      ];
      // threads: split by output rows when large enough, each thread with its own zero row and row addresses
      if (wasm.pool && parallelRows(
        wasm.pool, 'dwconv_f32', { batches, outH, inImageBytes: srcH * srcW * C * 4, outRowBytes: outW * C * 4, strideH: p.strideH, padH },
        src, output.heapByteOffset, 2 * batches * outH * outW * C * d.kH * d.kW * WORK_PER_OP.depthwise, conv,
        { args: [3], stride: d.rowsBytes },
      )) return;
      const args = conv(src, output.heapByteOffset, batches, outH, padH);
      exports.dwconv_f32(...(args as Parameters<typeof exports.dwconv_f32>));
    },
  });
}
