// TRANSPOSE_CONV: inputs output_shape (int32 [4]), weights [outC, kH, kW, inC],
// input NHWC, optional bias (version ≥ 3); padding, strides, fused activation. Float32; uint8
// (per-tensor, weights zero point); int8 (per-channel); int16 activations with int8 weights and an
// int64 or int32 bias (16x8).
import type { KernelRegistration, OpContext } from './registration.js';
import type { TransposeConvOptions } from '../schema/generated.js';
import { checkRank, checkType, convOutSize, convPadding, isConstant, numElements, readInts } from './kernel_util.js';
import { checkPadding, checkPositive, checkVector, fusedClamp } from './util/conv_util.js';
import { SlidingWindows } from './util/windows.js';
import {
  checkBiasType16, checkQuantBias, loadBias, prepareConvQuant, quantKindOf, requantize, type ConvQuant, type QuantArray,
} from './util/conv_quant.js';

export interface TransposeConvParams {
  strideH: number;
  strideW: number;
  /** Output rows / columns cropped before the first one. */
  padH: number;
  padW: number;
  actMin: number;
  actMax: number;
}

/**
 * Reference float transposed convolution: every input pixel scatters
 * `input · weights[oc, ky, kx, :]` onto output pixel (iy·strideH − padH + ky, ix·strideW − padW + kx);
 * pixels that fall outside the output are dropped. Bias and clamp come last.
 */
export function transposeConvFloat(
  p: TransposeConvParams,
  inShape: readonly number[], input: Float32Array,
  filterShape: readonly number[], filter: Float32Array,
  bias: Float32Array | null,
  outShape: readonly number[], output: Float32Array,
): void {
  const [batches, , , inC] = inShape as [number, number, number, number];
  const [outC, kH, kW] = filterShape as [number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { actMin, actMax } = p;
  const fRowStride = kW * inC;
  const fOcStride = kH * fRowStride;
  const outRowStride = outW * outC;
  output.fill(0);
  for (const w = new SlidingWindows({ ...p, filterH: kH, filterW: kW }, outShape, inShape); w.next();) {
    const { g: i0, base, ky0, ky1, kx0, kx1 } = w;
    for (let ky = ky0; ky < ky1; ky++) {
      const outRow = base + ky * outRowStride;
      for (let kx = kx0; kx < kx1; kx++) {
        const o0 = outRow + kx * outC;
        for (let oc = 0; oc < outC; oc++) {
          const f0 = oc * fOcStride + ky * fRowStride + kx * inC;
          let acc = 0;
          for (let c = 0; c < inC; c++) acc += input[i0 + c]! * filter[f0 + c]!;
          output[o0 + oc] = output[o0 + oc]! + acc;
        }
      }
    }
  }
  const total = batches * outH * outRowStride;
  for (let o = 0; o < total; o += outC) {
    for (let oc = 0; oc < outC; oc++) {
      let v = output[o + oc]!;
      if (bias !== null) v += bias[oc]!;
      output[o + oc] = v < actMin ? actMin : v > actMax ? actMax : v;
    }
  }
}

/**
 * Reference quantized transposed convolution (TFLite's reference_ops::TransposeConv for uint8,
 * reference_integer_ops::TransposeConv for int8 and 16x8): scatters
 * (input + inputOffset) · (weights + filterOffset) into `scratch` (one accumulator per output
 * element), then adds the bias and requantizes per output channel (see util/conv_quant.ts).
 */
export function transposeConvQuantized(
  p: TransposeConvParams, q: ConvQuant,
  inShape: readonly number[], input: QuantArray,
  filterShape: readonly number[], filter: Int8Array | Uint8Array,
  outShape: readonly number[], output: QuantArray, scratch: Float64Array,
): void {
  const [batches, , , inC] = inShape as [number, number, number, number];
  const [outC, kH, kW] = filterShape as [number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { inputOffset, filterOffset, bias } = q;
  const fRowStride = kW * inC;
  const fOcStride = kH * fRowStride;
  const outRowStride = outW * outC;
  const total = batches * outH * outRowStride;
  scratch.fill(0, 0, total);
  for (const w = new SlidingWindows({ ...p, filterH: kH, filterW: kW }, outShape, inShape); w.next();) {
    const { g: i0, base, ky0, ky1, kx0, kx1 } = w;
    for (let ky = ky0; ky < ky1; ky++) {
      const outRow = base + ky * outRowStride;
      for (let kx = kx0; kx < kx1; kx++) {
        const o0 = outRow + kx * outC;
        for (let oc = 0; oc < outC; oc++) {
          const f0 = oc * fOcStride + ky * fRowStride + kx * inC;
          let acc = 0;
          for (let c = 0; c < inC; c++) acc += (input[i0 + c]! + inputOffset) * (filter[f0 + c]! + filterOffset);
          scratch[o0 + oc] = scratch[o0 + oc]! + acc;
        }
      }
    }
  }
  for (let o = 0; o < total; o += outC) {
    for (let oc = 0; oc < outC; oc++) output[o + oc] = requantize(q, scratch[o + oc]! + bias[oc]!, oc);
  }
}

interface TransposeConvData {
  strideH: number;
  strideW: number;
  actMin: number;
  actMax: number;
  /** Known when the output shape is constant; otherwise computed in eval. */
  params: TransposeConvParams | null;
  quant: ConvQuant | null;
  /** Quantized kernels' accumulators, one per output element (grown in eval for a dynamic output). */
  scratch: Float64Array;
}

/** Checks the requested output shape and derives the padding from it (as TFLite: padding of a conv from output to input). */
function paramsFor(ctx: OpContext<TransposeConvOptions>, d: TransposeConvData, shape: number[]): TransposeConvParams {
  const input = ctx.input(2), weights = ctx.input(1);
  if (shape.length !== 4) ctx.fail(`output_shape must have 4 elements, got ${shape.length}`);
  if (shape.some((v) => !Number.isInteger(v) || v <= 0)) ctx.fail(`invalid output_shape [${shape}]`);
  if (shape[0] !== input.shape[0]) ctx.fail(`output batch ${shape[0]} differs from input batch ${input.shape[0]}`);
  if (shape[3] !== weights.shape[0]) ctx.fail(`output channels ${shape[3]} differ from weights' ${weights.shape[0]}`);
  const padding = ctx.options.padding;
  const kH = weights.shape[1]!, kW = weights.shape[2]!;
  const outH = shape[1]!, outW = shape[2]!;
  return {
    strideH: d.strideH, strideW: d.strideW, actMin: d.actMin, actMax: d.actMax,
    padH: convPadding(d.strideH, 1, outH, kH, convOutSize(padding, outH, kH, d.strideH)),
    padW: convPadding(d.strideW, 1, outW, kW, convOutSize(padding, outW, kW, d.strideW)),
  };
}

function prepare(ctx: OpContext<TransposeConvOptions>): TransposeConvData {
  if (ctx.numInputs < 3 || ctx.numInputs > 4) ctx.fail(`expected 3 or 4 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const outShape = ctx.input(0), weights = ctx.input(1), input = ctx.input(2), bias = ctx.optionalInput(3), output = ctx.output(0);
  checkType(ctx, outShape, 'int32');
  checkRank(ctx, outShape, 1);
  checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16');
  checkRank(ctx, weights, 4);
  checkRank(ctx, input, 4);
  if (input.shape[3] !== weights.shape[3]) {
    ctx.fail(`input channels ${input.shape[3]} differ from weights' ${weights.shape[3]}`);
  }
  const o = ctx.options;
  checkPadding(ctx, o.padding);
  const [actMin, actMax] = fusedClamp(ctx, o.fusedActivationFunction);
  const outC = weights.shape[0]!;
  const d: TransposeConvData = {
    strideH: checkPositive(ctx, o.strideH, 'stride_h'),
    strideW: checkPositive(ctx, o.strideW, 'stride_w'),
    actMin, actMax, params: null, quant: null, scratch: new Float64Array(0),
  };
  if (input.dtype === 'float32') {
    checkType(ctx, weights, 'float32');
    checkType(ctx, output, 'float32');
    if (bias) {
      checkType(ctx, bias, 'float32');
      checkVector(ctx, bias.shape, outC, 'bias');
    }
  } else {
    const kind = quantKindOf(ctx, input, output);
    checkType(ctx, weights, kind === 'uint8' ? 'uint8' : 'int8');
    // 16x8 accumulates in the bias type: int64, or int32 with an int32 bias.
    const requant = kind === 'int16' ? checkBiasType16(ctx, o.quantizedBiasType, bias) : 'float';
    if (bias) checkQuantBias(ctx, kind, bias, outC, true, kind !== 'uint8');
    d.quant = prepareConvQuant(ctx, kind, input, weights, bias, output, o.fusedActivationFunction, outC, requant);
  }
  if (isConstant(outShape)) {
    const shape = readInts(outShape);
    d.params = paramsFor(ctx, d, shape);
    ctx.resizeOutput(0, shape);
    if (d.quant !== null) d.scratch = new Float64Array(numElements(shape));
  } else {
    ctx.markDynamic(0);
  }
  return d;
}

function evalTransposeConv(ctx: OpContext<TransposeConvOptions>, data: TransposeConvData): void {
  let params = data.params;
  if (params === null) {
    const shape = readInts(ctx.input(0));
    params = paramsFor(ctx, data, shape);
    ctx.resizeOutput(0, shape);
    if (data.quant !== null && data.scratch.length < numElements(shape)) data.scratch = new Float64Array(numElements(shape));
  }
  const weights = ctx.input(1), input = ctx.input(2), bias = ctx.optionalInput(3), output = ctx.output(0);
  if (data.quant !== null) {
    loadBias(data.quant, bias);
    transposeConvQuantized(
      params, data.quant, input.shape, input.data as QuantArray, weights.shape, weights.data as Int8Array | Uint8Array,
      output.shape, output.data as QuantArray, data.scratch,
    );
    return;
  }
  transposeConvFloat(
    params, input.shape, input.data as Float32Array, weights.shape, weights.data as Float32Array,
    bias ? (bias.data as Float32Array) : null, output.shape, output.data as Float32Array,
  );
}

export const TRANSPOSE_CONV: KernelRegistration<TransposeConvData, TransposeConvOptions> = {
  prepare,
  eval: evalTransposeConv,
};
