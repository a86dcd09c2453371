// Shared prepare-time helpers of the convolution and pooling kernels: option checks,
// output size and padding (TFLite's ComputePaddingHeightWidth), activation clamps.
import type { OpContext } from '../registration.js';
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

/** Pool2DOptions as the pooling kernels read them. */
export interface PoolOptions {
  padding: number;
  strideW: number;
  strideH: number;
  filterWidth: number;
  filterHeight: number;
  fusedActivationFunction: number;
}

/** Window and clamp of AVERAGE_POOL_2D / MAX_POOL_2D: checks one 4-D float32 input and sizes the output. */
export function preparePool(ctx: OpContext<PoolOptions>): ConvParams & { filterH: number; filterW: number } {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
  checkRank(ctx, input, 4);
  const o = ctx.options;
  const filterH = checkPositive(ctx, o.filterHeight, 'filter_height');
  const filterW = checkPositive(ctx, o.filterWidth, 'filter_width');
  const [batches, inH, inW, channels] = input.shape as [number, number, number, number];
  const win = window2D(ctx, o.padding, inH, inW, filterH, filterW, o.strideH, o.strideW);
  // SAME and VALID windows always overlap the input, so no average is empty.
  const [actMin, actMax] = fusedClamp(ctx, o.fusedActivationFunction);
  ctx.resizeOutput(0, [batches, win.outH, win.outW, channels]);
  return { ...win, actMin, actMax, filterH, filterW };
}
