// CONV_2D: NHWC input, OHWI filter, optional bias; SAME/VALID padding, strides,
// dilations, fused activation, and grouped convolution (input channels =
// filter input channels × groups), as TFLite.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Conv2DOptions } from '../schema/generated.js';
import { checkRank, checkType } from './kernel_util.js';
import { checkVector, endTap, firstTap, fusedClamp, window2D, type ConvParams } from './util/conv_util.js';

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

interface ConvData {
  params: ConvParams;
}

function prepare(ctx: OpContext<Conv2DOptions>): ConvData {
  if (ctx.numInputs < 2 || ctx.numInputs > 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, filter, 'float32');
  checkType(ctx, output, 'float32');
  checkRank(ctx, input, 4);
  checkRank(ctx, filter, 4);
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
  if (fC <= 0 || inC % fC !== 0) ctx.fail(`input channels ${inC} are not a multiple of filter channels ${fC}`);
  const groups = inC / fC;
  if (outC % groups !== 0) ctx.fail(`output channels ${outC} do not split into ${groups} groups`);
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

function evalConv(ctx: OpContext<Conv2DOptions>, data: ConvData): void {
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  conv2dFloat(
    data.params, input.shape, input.data as Float32Array, filter.shape, filter.data as Float32Array,
    bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
  );
}

export const CONV_2D: KernelRegistration<ConvData, Conv2DOptions> = { prepare, eval: evalConv };
