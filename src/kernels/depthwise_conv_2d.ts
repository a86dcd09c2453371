// DEPTHWISE_CONV_2D: NHWC input, [1, kH, kW, inC × multiplier] filter, optional
// bias; output channel c × multiplier + m reads input channel c. Float32; uint8 (per-tensor,
// filter zero point); int8 (per-channel); int16 activations with int8 filter and int64 bias
// (16x8); hybrid float32 with int8 per-channel filter.
import type { KernelRegistration, OpContext } from './registration.js';
import type { DepthwiseConv2DOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import { checkFloatConv, checkVector, convOperands, convParams, endTap, firstTap, type ConvParams } from './util/conv_util.js';
import {
  checkQuantBias, hybridChannelScales, hybridScratch, loadBias, prepareConvQuant, quantizeHybridInput, quantKindOf,
  requantize, type ConvQuant, type HybridScratch, type QuantArray,
} from './util/conv_quant.js';

/** Reference float depthwise convolution; the multiplier is outC / inC. */
export function depthwiseConv2dFloat(
  p: ConvParams,
  inShape: readonly number[], input: Float32Array,
  filterShape: readonly number[], filter: Float32Array,
  bias: Float32Array | null,
  outShape: readonly number[], output: Float32Array,
): void {
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const kH = filterShape[1]!, kW = filterShape[2]!, outC = filterShape[3]!;
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW, actMin, actMax } = p;
  const mult = outC / inC;
  const inRowStride = inW * inC;
  const fRowStride = kW * outC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        // The output pixel accumulates in place: channels are contiguous in input, filter and output.
        for (let c = 0; c < outC; c++) output[o + c] = bias !== null ? bias[c]! : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = inRow + (ix0 + kx * dilationW) * inC;
            const f0 = ky * fRowStride + kx * outC;
            if (mult === 1) {
              for (let c = 0; c < outC; c++) output[o + c] = output[o + c]! + input[i0 + c]! * filter[f0 + c]!;
            } else {
              for (let ic = 0, oc = 0; ic < inC; ic++) {
                const x = input[i0 + ic]!;
                for (let m = 0; m < mult; m++, oc++) output[o + oc] = output[o + oc]! + x * filter[f0 + oc]!;
              }
            }
          }
        }
        for (let c = 0; c < outC; c++) {
          const v = output[o + c]!;
          output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
        }
        o += outC;
      }
    }
  }
}

/**
 * Reference quantized depthwise convolution (TFLite's reference_ops::DepthwiseConv for uint8,
 * reference_integer_ops::DepthwiseConvPerChannel for int8 and 16x8), requantized as
 * util/conv_quant.ts describes. `acc` is a scratch of outC accumulators.
 */
export function depthwiseConv2dQuantized(
  p: ConvParams, q: ConvQuant,
  inShape: readonly number[], input: QuantArray,
  filterShape: readonly number[], filter: Int8Array | Uint8Array,
  outShape: readonly number[], output: QuantArray, acc: Float64Array,
): void {
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const kH = filterShape[1]!, kW = filterShape[2]!, outC = filterShape[3]!;
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW } = p;
  const { inputOffset, filterOffset, bias } = q;
  const mult = outC / inC;
  const inRowStride = inW * inC;
  const fRowStride = kW * outC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        acc.fill(0);
        for (let ky = ky0; ky < ky1; ky++) {
          const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = inRow + (ix0 + kx * dilationW) * inC;
            const f0 = ky * fRowStride + kx * outC;
            for (let ic = 0, oc = 0; ic < inC; ic++) {
              const x = input[i0 + ic]! + inputOffset;
              for (let m = 0; m < mult; m++, oc++) acc[oc] = acc[oc]! + (filter[f0 + oc]! + filterOffset) * x;
            }
          }
        }
        for (let oc = 0; oc < outC; oc++) output[o++] = requantize(q, acc[oc]! + bias[oc]!, oc);
      }
    }
  }
}

/**
 * Reference hybrid depthwise convolution (TFLite's DepthwiseConvHybridPerChannel): int8 input
 * quantized per batch (asymmetric), acc · (channel scale × input scale) + bias in float32.
 * `acc` is a scratch of outC accumulators, `scale` one of outC floats.
 */
export function depthwiseConv2dHybrid(
  p: ConvParams,
  inShape: readonly number[], input: Int8Array, offsets: Int32Array, factors: Float32Array,
  filterShape: readonly number[], filter: Int8Array, channelScales: Float32Array,
  bias: Float32Array | null,
  outShape: readonly number[], output: Float32Array, acc: Float64Array, scale: Float32Array,
): void {
  const f = Math.fround;
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const kH = filterShape[1]!, kW = filterShape[2]!, outC = filterShape[3]!;
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW, actMin, actMax } = p;
  const mult = outC / inC;
  const inRowStride = inW * inC;
  const fRowStride = kW * outC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    const offset = offsets[b]!;
    for (let oc = 0; oc < outC; oc++) scale[oc] = channelScales[oc]! * factors[b]!;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        acc.fill(0);
        for (let ky = ky0; ky < ky1; ky++) {
          const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = inRow + (ix0 + kx * dilationW) * inC;
            const f0 = ky * fRowStride + kx * outC;
            for (let ic = 0, oc = 0; ic < inC; ic++) {
              const x = input[i0 + ic]! - offset;
              for (let m = 0; m < mult; m++, oc++) acc[oc] = acc[oc]! + filter[f0 + oc]! * x;
            }
          }
        }
        for (let oc = 0; oc < outC; oc++) {
          let v = f(f(acc[oc]! | 0) * scale[oc]!);
          if (bias !== null) v = f(v + bias[oc]!);
          output[o++] = v < actMin ? actMin : v > actMax ? actMax : v;
        }
      }
    }
  }
}

type Mode = 'float' | 'quantized' | 'hybrid';

interface DepthwiseData {
  params: ConvParams;
  mode: Mode;
  quant: ConvQuant | null;
  hybrid: HybridScratch | null;
  channelScales: Float32Array | null;
  /** Per-output-channel scratch: accumulators and (hybrid) combined scales. */
  acc: Float64Array;
  scale: Float32Array;
}

function prepare(ctx: OpContext<DepthwiseConv2DOptions>): DepthwiseData {
  const operands = convOperands(ctx);
  const { input, filter, bias, output } = operands;
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [one, kH, kW, outC] = filter.shape as [number, number, number, number];
  if (one !== 1) ctx.fail(`filter must have shape [1, h, w, channels], got [${filter.shape}]`);
  // TFLite derives the multiplier from the shapes (the option is redundant).
  if (inC <= 0 || outC % inC !== 0) ctx.fail(`filter channels ${outC} are not a multiple of input channels ${inC}`);
  const o = ctx.options;
  const params = convParams(ctx, o, inH, inW, kH, kW);
  const data: DepthwiseData = {
    params, mode: 'float', quant: null, hybrid: null, channelScales: null,
    acc: new Float64Array(0), scale: new Float32Array(0),
  };
  if (input.dtype === 'float32') {
    checkFloatConv(ctx, operands, outC);
    if (filter.dtype === 'int8') {
      // TFLite's hybrid kernel reads one scale per output channel.
      const fq = filter.quantization;
      if (fq && (fq.scale.length !== outC || fq.quantizedDimension !== 3)) {
        ctx.fail(`hybrid filter needs ${outC} per-channel scales along dimension 3`);
      }
      data.mode = 'hybrid';
      data.hybrid = hybridScratch(input.size, batches);
      data.channelScales = hybridChannelScales(ctx, filter, outC);
      data.acc = new Float64Array(outC);
      data.scale = new Float32Array(outC);
    }
  } else {
    const kind = quantKindOf(ctx, input, output);
    checkType(ctx, filter, kind === 'uint8' ? 'uint8' : 'int8');
    if (bias) {
      checkQuantBias(ctx, kind, bias, outC, false);
      checkVector(ctx, bias.shape, outC, 'bias');
    }
    data.mode = 'quantized';
    data.quant = prepareConvQuant(ctx, kind, input, filter, bias, output, o.fusedActivationFunction, outC, kind === 'int16' ? 'int64' : 'float');
    data.acc = new Float64Array(outC);
  }
  ctx.resizeOutput(0, [batches, params.outH, params.outW, outC]);
  return data;
}

function evalDepthwise(ctx: OpContext<DepthwiseConv2DOptions>, data: DepthwiseData): void {
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  if (data.mode === 'quantized') {
    const q = data.quant!;
    loadBias(q, bias);
    depthwiseConv2dQuantized(
      data.params, q, input.shape, input.data as QuantArray, filter.shape, filter.data as Int8Array | Uint8Array,
      output.shape, output.data as QuantArray, data.acc,
    );
  } else if (data.mode === 'hybrid') {
    const h = data.hybrid!;
    quantizeHybridInput(input.data as Float32Array, input.shape[0]!, h);
    depthwiseConv2dHybrid(
      data.params, input.shape, h.quantized, h.offsets, h.factors, filter.shape, filter.data as Int8Array, data.channelScales!,
      bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array, data.acc, data.scale,
    );
  } else {
    depthwiseConv2dFloat(
      data.params, input.shape, input.data as Float32Array, filter.shape, filter.data as Float32Array,
      bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
    );
  }
}

export const DEPTHWISE_CONV_2D: KernelRegistration<DepthwiseData, DepthwiseConv2DOptions> = {
  prepare,
  eval: evalDepthwise,
};
