// CONV_2D: NHWC input, OHWI filter, optional bias; SAME/VALID padding, strides,
// dilations, fused activation, and grouped convolution (input channels =
// filter input channels × groups), as TFLite. Float32; uint8 (per-tensor, filter zero point);
// int8 (per-channel); int16 activations with int8 filter (16x8); hybrid float32 with int8 filter.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Conv2DOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import { checkFloatConv, convOperands, convParams, endTap, firstTap, type ConvParams } from './util/conv_util.js';
import {
  checkBiasType16, checkQuantBias, hybridChannelScales, hybridScratch, loadBias, prepareConvQuant, quantizeHybridInput,
  quantKindOf, requantize, type ConvQuant, type HybridScratch, type QuantArray,
} from './util/conv_quant.js';

/**
 * Reference float convolution. `filterShape` is [outC, kH, kW, inC / groups]; the
 * output channels split evenly over the groups.
 */
export function conv2dFloat(
  p: ConvParams,
  inShape: readonly number[], input: Float32Array,
  filterShape: readonly number[], filter: Float32Array,
  bias: Float32Array | null,
  outShape: readonly number[], output: Float32Array,
): void {
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const [outC, kH, kW, fC] = filterShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW, actMin, actMax } = p;
  const perGroup = outC / (inC / fC);
  const fRowStride = kW * fC;
  const fOcStride = kH * fRowStride;
  const inRowStride = inW * inC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        for (let oc = 0; oc < outC; oc++) {
          const inCh = Math.floor(oc / perGroup) * fC;
          let acc = bias !== null ? bias[oc]! : 0;
          for (let ky = ky0; ky < ky1; ky++) {
            const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride + inCh;
            const fRow = oc * fOcStride + ky * fRowStride;
            for (let kx = kx0; kx < kx1; kx++) {
              const i0 = inRow + (ix0 + kx * dilationW) * inC;
              const f0 = fRow + kx * fC;
              for (let c = 0; c < fC; c++) acc += input[i0 + c]! * filter[f0 + c]!;
            }
          }
          output[o++] = acc < actMin ? actMin : acc > actMax ? actMax : acc;
        }
      }
    }
  }
}

/**
 * Reference quantized convolution (TFLite's reference_ops::Conv for uint8,
 * reference_integer_ops::ConvPerChannel for int8 and 16x8): accumulates
 * (filter + filterOffset) · (input + inputOffset) over the taps inside the input, adds the bias,
 * requantizes per output channel (see util/conv_quant.ts), adds the output zero point and clamps.
 */
export function conv2dQuantized(
  p: ConvParams, q: ConvQuant,
  inShape: readonly number[], input: QuantArray,
  filterShape: readonly number[], filter: Int8Array | Uint8Array,
  outShape: readonly number[], output: QuantArray,
): void {
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const [outC, kH, kW, fC] = filterShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW } = p;
  const { inputOffset, filterOffset, bias } = q;
  const perGroup = outC / (inC / fC);
  const fRowStride = kW * fC;
  const fOcStride = kH * fRowStride;
  const inRowStride = inW * inC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        for (let oc = 0; oc < outC; oc++) {
          const inCh = Math.floor(oc / perGroup) * fC;
          // Exact in a double (|acc| < 2^53); requantize applies the int32 wrap-around where C has it.
          let acc = 0;
          for (let ky = ky0; ky < ky1; ky++) {
            const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride + inCh;
            const fRow = oc * fOcStride + ky * fRowStride;
            for (let kx = kx0; kx < kx1; kx++) {
              const i0 = inRow + (ix0 + kx * dilationW) * inC;
              const f0 = fRow + kx * fC;
              for (let c = 0; c < fC; c++) acc += (filter[f0 + c]! + filterOffset) * (input[i0 + c]! + inputOffset);
            }
          }
          output[o++] = requantize(q, acc + bias[oc]!, oc);
        }
      }
    }
  }
}

/**
 * Reference hybrid convolution: float output from the int8-quantized input `input` (zero point
 * and scale per batch, or per input pixel with `pixelwise`, which needs a 1x1 filter) and an
 * int8 filter: acc · channel scale · input scale + bias, clamped, in float32 arithmetic
 * (TFLite's HybridConvPerChannel).
 */
export function conv2dHybrid(
  p: ConvParams,
  inShape: readonly number[], input: Int8Array, offsets: Int32Array, factors: Float32Array, pixelwise: boolean,
  filterShape: readonly number[], filter: Int8Array, channelScales: Float32Array,
  bias: Float32Array | null,
  outShape: readonly number[], output: Float32Array,
): void {
  const f = Math.fround;
  const [batches, inH, inW, inC] = inShape as [number, number, number, number];
  const [outC, kH, kW, fC] = filterShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, dilationH, dilationW, padH, padW, actMin, actMax } = p;
  const perGroup = outC / (inC / fC);
  const fRowStride = kW * fC;
  const fOcStride = kH * fRowStride;
  const inRowStride = inW * inC;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    let offset = offsets[b]!, factor = factors[b]!;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        if (pixelwise) {
          // 1x1 filter: the one input pixel's quantization.
          const px = (b * inH + iy0) * inW + ix0;
          offset = offsets[px]!;
          factor = factors[px]!;
        }
        for (let oc = 0; oc < outC; oc++) {
          const inCh = Math.floor(oc / perGroup) * fC;
          let acc = 0;
          for (let ky = ky0; ky < ky1; ky++) {
            const inRow = inBatch + (iy0 + ky * dilationH) * inRowStride + inCh;
            const fRow = oc * fOcStride + ky * fRowStride;
            for (let kx = kx0; kx < kx1; kx++) {
              const i0 = inRow + (ix0 + kx * dilationW) * inC;
              const f0 = fRow + kx * fC;
              for (let c = 0; c < fC; c++) acc += filter[f0 + c]! * (input[i0 + c]! - offset);
            }
          }
          let v = f(f(f(acc | 0) * channelScales[oc]!) * factor);
          if (bias !== null) v = f(v + bias[oc]!);
          output[o++] = v < actMin ? actMin : v > actMax ? actMax : v;
        }
      }
    }
  }
}

type Mode = 'float' | 'quantized' | 'hybrid';

interface ConvData {
  params: ConvParams;
  mode: Mode;
  quant: ConvQuant | null;
  hybrid: HybridScratch | null;
  /** Hybrid: the filter's per-channel scales (a per-tensor scale repeated). */
  channelScales: Float32Array | null;
  /** Hybrid input quantized per pixel rather than per batch. */
  pixelwise: boolean;
}

function prepare(ctx: OpContext<Conv2DOptions>): ConvData {
  const operands = convOperands(ctx);
  const { input, filter, bias, output } = operands;
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
  if (fC <= 0 || inC % fC !== 0) ctx.fail(`input channels ${inC} are not a multiple of filter channels ${fC}`);
  const groups = inC / fC;
  if (outC % groups !== 0) ctx.fail(`output channels ${outC} do not split into ${groups} groups`);
  const o = ctx.options;
  const params = convParams(ctx, o, inH, inW, kH, kW);
  const data: ConvData = {
    params, mode: 'float', quant: null, hybrid: null, channelScales: null, pixelwise: false,
  };
  if (input.dtype === 'float32') {
    checkFloatConv(ctx, operands, outC);
    if (filter.dtype === 'int8') {
      // Hybrid, as the official runtime computes it (its XNNPACK delegate takes these convolutions):
      // the input is quantized asymmetrically per pixel for a pointwise convolution (1x1 filter,
      // stride 1, one group), per batch otherwise, whatever the filter's scales. (TFLite's own
      // kernel would use symmetric input quantization when all filter scales are equal.)
      const fq = filter.quantization;
      if (fq && fq.scale.length > 1 && filter.shape[fq.quantizedDimension] !== fq.scale.length) {
        ctx.fail(`filter's quantized dimension ${fq.quantizedDimension} does not have ${fq.scale.length} channels`);
      }
      data.mode = 'hybrid';
      data.channelScales = hybridChannelScales(ctx, filter, outC);
      data.pixelwise = kH === 1 && kW === 1 && o.strideH === 1 && o.strideW === 1 && groups === 1;
      data.hybrid = hybridScratch(input.size, data.pixelwise ? batches * inH * inW : batches);
    }
  } else {
    const kind = quantKindOf(ctx, input, output);
    checkType(ctx, filter, kind === 'uint8' ? 'uint8' : 'int8');
    if (kind !== 'uint8' && filter.quantization?.zeroPoint.some((z) => z !== 0)) ctx.fail('filter zero points must be 0');
    // 16x8 accumulates in int64, or in int32 with an int32 bias (the official runtime's kernel for
    // int32 biases, which are only allowed with quantized_bias_type INT32).
    const requant = kind === 'int16' ? checkBiasType16(ctx, o.quantizedBiasType, bias) : 'float';
    if (bias) checkQuantBias(ctx, kind, bias, outC, true);
    data.mode = 'quantized';
    data.quant = prepareConvQuant(ctx, kind, input, filter, bias, output, o.fusedActivationFunction, outC, requant);
  }
  ctx.resizeOutput(0, [batches, params.outH, params.outW, outC]);
  return data;
}

function evalConv(ctx: OpContext<Conv2DOptions>, data: ConvData): void {
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  if (data.mode === 'quantized') {
    const q = data.quant!;
    loadBias(q, bias);
    conv2dQuantized(
      data.params, q, input.shape, input.data as QuantArray, filter.shape, filter.data as Int8Array | Uint8Array,
      output.shape, output.data as QuantArray,
    );
  } else if (data.mode === 'hybrid') {
    const h = data.hybrid!;
    quantizeHybridInput(input.data as Float32Array, h.factors.length, h);
    conv2dHybrid(
      data.params, input.shape, h.quantized, h.offsets, h.factors, data.pixelwise, filter.shape, filter.data as Int8Array, data.channelScales!,
      bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
    );
  } else {
    conv2dFloat(
      data.params, input.shape, input.data as Float32Array, filter.shape, filter.data as Float32Array,
      bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
    );
  }
}

export const CONV_2D: KernelRegistration<ConvData, Conv2DOptions> = { prepare, eval: evalConv };
