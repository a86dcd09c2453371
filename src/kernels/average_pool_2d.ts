// AVERAGE_POOL_2D: mean over the part of each window that lies inside the input
// (padding is not counted, as TFLite), then the fused activation's clamp.
// uint8 / int8 / int16 work on the raw values (input and output share scale and zero point in
// TFLite's kernels): the sum divided by the count, rounded half away from zero.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Pool2DOptions } from '../schema/generated.js';
import { checkRank, checkType } from './kernel_util.js';
import { checkPositive, endTap, firstTap, fusedClamp, window2D, type ConvParams } from './util/conv_util.js';
import { calculateActivationRangeQuantized } from './util/quant_math.js';
import { affineOf } from './util/quant_dense.js';

export interface PoolParams extends ConvParams {
  filterH: number;
  filterW: number;
  /** Integer kernel: actMin / actMax are then the quantized clamp. */
  quantized: boolean;
}

/** Reference float average pooling over NHWC data. */
export function averagePoolFloat(
  p: PoolParams, inShape: readonly number[], input: Float32Array, outShape: readonly number[], output: Float32Array,
): void {
  const [batches, inH, inW, ch] = inShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, padH, padW, filterH, filterW, actMin, actMax } = p;
  const inRowStride = inW * ch;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padH;
      const ky0 = firstTap(y0, 1), ky1 = endTap(y0, 1, filterH, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padW;
        const kx0 = firstTap(x0, 1), kx1 = endTap(x0, 1, filterW, inW);
        output.fill(0, o, o + ch);
        for (let ky = ky0; ky < ky1; ky++) {
          const row = inBatch + (y0 + ky) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = row + (x0 + kx) * ch;
            for (let c = 0; c < ch; c++) output[o + c] = output[o + c]! + input[i0 + c]!;
          }
        }
        const count = (ky1 - ky0) * (kx1 - kx0);
        for (let c = 0; c < ch; c++) {
          const v = output[o + c]! / count;
          output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
        }
      }
    }
  }
}

export type QuantArray = Uint8Array | Int8Array | Int16Array;

/**
 * Reference integer average pooling over NHWC data (reference_integer_ops::AveragePool): the window
 * sum divided by the count of in-bounds taps, rounded half away from zero, clamped.
 */
export function averagePoolQuantized(
  p: PoolParams, inShape: readonly number[], input: QuantArray, outShape: readonly number[], output: QuantArray,
): void {
  const [batches, inH, inW, ch] = inShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, padH, padW, filterH, filterW, actMin, actMax } = p;
  const inRowStride = inW * ch;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padH;
      const ky0 = firstTap(y0, 1), ky1 = endTap(y0, 1, filterH, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padW;
        const kx0 = firstTap(x0, 1), kx1 = endTap(x0, 1, filterW, inW);
        const count = (ky1 - ky0) * (kx1 - kx0);
        const half = Math.trunc(count / 2);
        for (let c = 0; c < ch; c++) {
          let acc = 0;
          for (let ky = ky0; ky < ky1; ky++) {
            const row = inBatch + (y0 + ky) * inRowStride + c;
            for (let kx = kx0; kx < kx1; kx++) acc += input[row + (x0 + kx) * ch]!;
          }
          const v = Math.trunc(acc > 0 ? (acc + half) / count : (acc - half) / count);
          output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
        }
      }
    }
  }
}

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

function evalAveragePool(ctx: OpContext<Pool2DOptions>, p: PoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  if (p.quantized) averagePoolQuantized(p, input.shape, input.data as QuantArray, output.shape, output.data as QuantArray);
  else averagePoolFloat(p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array);
}

export const AVERAGE_POOL_2D: KernelRegistration<PoolParams, Pool2DOptions> = { prepare: preparePool, eval: evalAveragePool };
