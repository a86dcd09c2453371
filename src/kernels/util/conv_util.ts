// Shared prepare-time helpers of the convolution and pooling kernels: option checks,
// output size and padding (TFLite's ComputePaddingHeightWidth), activation clamps.
import type { OpContext } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import { activationRange, checkActivation, checkRank, checkType, convPadding, Padding } from '../kernel_util.js';

/** Spatial geometry of a 2-D window op over NHWC data. */
export interface Window2D {
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  /** Padding before the first row / column (the extra odd pixel goes after, as in TFLite). */
  padH: number;
  padW: number;
  outH: number;
  outW: number;
}

/** Fails unless `v` is a positive integer (strides, dilations, filter sizes from the model). */
export function checkPositive(ctx: OpContext, v: number, what: string): number {
  if (!Number.isInteger(v) || v <= 0) ctx.fail(`${what} must be a positive integer, got ${v}`);
  return v;
}

export function checkPadding(ctx: OpContext, padding: number): void {
  if (padding !== Padding.SAME && padding !== Padding.VALID) ctx.fail(`unknown padding ${padding}`);
}

/**
 * Output size and padding of a window of `filterH`×`filterW` taps sliding over
 * `inH`×`inW`; fails on bad options and on a negative output size.
 */
export function window2D(
  ctx: OpContext, padding: number, inH: number, inW: number, filterH: number, filterW: number,
  strideH: number, strideW: number, dilationH = 1, dilationW = 1,
): Window2D {
  checkPadding(ctx, padding);
  checkPositive(ctx, strideH, 'stride_h');
  checkPositive(ctx, strideW, 'stride_w');
  checkPositive(ctx, dilationH, 'dilation_h');
  checkPositive(ctx, dilationW, 'dilation_w');
  const outH = outSize(padding, inH, filterH, strideH, dilationH);
  const outW = outSize(padding, inW, filterW, strideW, dilationW);
  if (outH < 0 || outW < 0) ctx.fail(`filter ${filterH}x${filterW} does not fit input ${inH}x${inW}`);
  return {
    strideH, strideW, dilationH, dilationW,
    padH: convPadding(strideH, dilationH, inH, filterH, outH),
    padW: convPadding(strideW, dilationW, inW, filterW, outW),
    outH, outW,
  };
}

/** TFLite's ComputeOutSize, with C's truncating division (a window larger than the input gives 0 or less). */
function outSize(padding: number, inSize: number, filterSize: number, stride: number, dilation: number): number {
  if (padding === Padding.SAME) return Math.trunc((inSize + stride - 1) / stride);
  return Math.trunc((inSize - ((filterSize - 1) * dilation + 1) + stride) / stride);
}

/**
 * The clamp of a fused activation in TFLite's float kernels (CalculateActivationRange):
 * only RELU, RELU6 and RELU_N1_TO_1 clamp; TANH and SIGN_BIT are accepted and ignored.
 */
export function fusedClamp(ctx: OpContext, activation: number): [number, number] {
  checkActivation(ctx, activation);
  return activationRange(activation);
}

/** Window geometry plus the fused activation's clamp: the parameters of the reference loops. */
export interface ConvParams extends Window2D {
  actMin: number;
  actMax: number;
}

/** Checks that `shape` is [n] (a bias). */
export function checkVector(ctx: OpContext, shape: readonly number[], n: number, what: string): void {
  if (shape.length !== 1 || shape[0] !== n) ctx.fail(`${what} has shape [${shape}], expected [${n}]`);
}

/** First filter tap `k` with `origin + k * dilation >= 0`. */
export function firstTap(origin: number, dilation: number): number {
  return origin >= 0 ? 0 : Math.floor((dilation - 1 - origin) / dilation);
}

/** One past the last filter tap `k < taps` with `origin + k * dilation < size`. */
export function endTap(origin: number, dilation: number, taps: number, size: number): number {
  const last = size - 1 - origin;
  if (last < 0) return 0;
  return Math.min(taps, Math.floor(last / dilation) + 1);
}

/** The operands of CONV_2D and DEPTHWISE_CONV_2D. */
export interface ConvOperands {
  input: Tensor;
  filter: Tensor;
  bias: Tensor | null;
  output: Tensor;
}

/**
 * The checks CONV_2D and DEPTHWISE_CONV_2D start with: 2 or 3 inputs (the bias optional), one
 * output, a 4-D float32 / uint8 / int8 / int16 input and a 4-D filter.
 */
export function convOperands(ctx: OpContext): ConvOperands {
  if (ctx.numInputs < 2 || ctx.numInputs > 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), filter = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16');
  checkRank(ctx, input, 4);
  checkRank(ctx, filter, 4);
  return { input, filter, bias, output };
}

/** The options of a convolution's window and fused activation. */
export interface ConvWindowOptions {
  padding: number;
  strideW: number;
  strideH: number;
  dilationWFactor: number;
  dilationHFactor: number;
  fusedActivationFunction: number;
}

/** The parameters of a convolution's reference loops: window2D and fusedClamp of options `o`. */
export function convParams(ctx: OpContext, o: ConvWindowOptions, inH: number, inW: number, kH: number, kW: number): ConvParams {
  const win = window2D(ctx, o.padding, inH, inW, kH, kW, o.strideH, o.strideW, o.dilationHFactor, o.dilationWFactor);
  const [actMin, actMax] = fusedClamp(ctx, o.fusedActivationFunction);
  return { ...win, actMin, actMax };
}

/** A float32 convolution's checks: float32 output, float32 or (hybrid) int8 filter, float32 bias [outC]. */
export function checkFloatConv(ctx: OpContext, { filter, bias, output }: ConvOperands, outC: number): void {
  checkType(ctx, output, 'float32');
  checkType(ctx, filter, 'float32', 'int8');
  if (bias) {
    checkType(ctx, bias, 'float32');
    checkVector(ctx, bias.shape, outC, 'bias');
  }
}
