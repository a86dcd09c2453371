// DEPTHWISE_CONV_2D: NHWC input, [1, kH, kW, inC × multiplier] filter, optional
// bias; output channel c × multiplier + m reads input channel c.
import type { KernelRegistration, OpContext } from './registration.js';
import type { DepthwiseConv2DOptions } from '../schema/generated.js';
import { checkRank, checkType } from './kernel_util.js';
import { checkVector, endTap, firstTap, fusedClamp, window2D, type ConvParams } from './util/conv_util.js';

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

interface DepthwiseData {
  params: ConvParams;
}

function prepare(ctx: OpContext<DepthwiseConv2DOptions>): DepthwiseData {
  if (ctx.numInputs < 2 || ctx.numInputs > 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, filter, 'float32');
  checkType(ctx, output, 'float32');
  checkRank(ctx, input, 4);
  checkRank(ctx, filter, 4);
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [one, kH, kW, outC] = filter.shape as [number, number, number, number];
  if (one !== 1) ctx.fail(`filter must have shape [1, h, w, channels], got [${filter.shape}]`);
  // TFLite derives the multiplier from the shapes (the option is redundant).
  if (inC <= 0 || outC % inC !== 0) ctx.fail(`filter channels ${outC} are not a multiple of input channels ${inC}`);
  if (bias) {
    checkType(ctx, bias, 'float32');
    checkVector(ctx, bias.shape, outC, 'bias');
  }
  const o = ctx.options;
  const win = window2D(ctx, o.padding, inH, inW, kH, kW, o.strideH, o.strideW, o.dilationHFactor, o.dilationWFactor);
  const [actMin, actMax] = fusedClamp(ctx, o.fusedActivationFunction);
  ctx.resizeOutput(0, [batches, win.outH, win.outW, outC]);
  return { params: { ...win, actMin, actMax } };
}

function evalDepthwise(ctx: OpContext<DepthwiseConv2DOptions>, data: DepthwiseData): void {
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  depthwiseConv2dFloat(
    data.params, input.shape, input.data as Float32Array, filter.shape, filter.data as Float32Array,
    bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
  );
}

export const DEPTHWISE_CONV_2D: KernelRegistration<DepthwiseData, DepthwiseConv2DOptions> = {
  prepare,
  eval: evalDepthwise,
};
