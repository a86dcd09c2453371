// Shared parts of the builtin pooling kernels (AVERAGE_POOL_2D, MAX_POOL_2D): parameters and prepare.
// (Their windows, and MediaPipe's MaxPoolingWithArgmax2D's, are walked with util/windows.ts.)
import type { OpContext } from '../registration.js';
import type { Pool2DOptions } from '../../schema/generated.js';
import { checkRank, checkType } from '../kernel_util.js';
import { checkPositive, fusedClamp, window2D, type ConvParams } from './conv_util.js';
import { calculateActivationRangeQuantized } from './quant_math.js';
import { affineOf } from './quant_dense.js';

export interface PoolParams extends ConvParams {
  filterH: number;
  filterW: number;
  /** Integer kernel: actMin / actMax are then the quantized clamp. */
  quantized: boolean;
}

export type QuantArray = Uint8Array | Int8Array | Int16Array;

/**
 * Window and clamp of AVERAGE_POOL_2D / MAX_POOL_2D: one 4-D float32, uint8, int8 or int16 input,
 * an output of the same type; sizes the output.
 */
export function preparePool(ctx: OpContext<Pool2DOptions>): PoolParams {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), output = ctx.output(0);
  checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16');
  checkType(ctx, output, input.dtype);
  checkRank(ctx, input, 4);
  const o = ctx.options;
  const filterH = checkPositive(ctx, o.filterHeight, 'filter_height');
  const filterW = checkPositive(ctx, o.filterWidth, 'filter_width');
  const [batches, inH, inW, channels] = input.shape as [number, number, number, number];
  const win = window2D(ctx, o.padding, inH, inW, filterH, filterW, o.strideH, o.strideW);
  // SAME and VALID windows always overlap the input, so no average is empty.
  let [actMin, actMax] = fusedClamp(ctx, o.fusedActivationFunction);
  const quantized = input.dtype !== 'float32';
  if (quantized) {
    affineOf(ctx, input);
    const out = affineOf(ctx, output);
    [actMin, actMax] = calculateActivationRangeQuantized(o.fusedActivationFunction, output.dtype as 'uint8' | 'int8' | 'int16', out.scale, out.zeroPoint);
  }
  ctx.resizeOutput(0, [batches, win.outH, win.outW, channels]);
  return { ...win, actMin, actMax, filterH, filterW, quantized };
}
