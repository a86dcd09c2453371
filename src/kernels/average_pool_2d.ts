// AVERAGE_POOL_2D: mean over the part of each window that lies inside the input
// (padding is not counted, as TFLite), then the fused activation's clamp.
// uint8 / int8 / int16 work on the raw values (input and output share scale and zero point in
// TFLite's kernels): the sum divided by the count, rounded half away from zero.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Pool2DOptions } from '../schema/generated.js';
import { preparePool, type PoolParams, type QuantArray } from './util/pool.js';
import { SlidingWindows } from './util/windows.js';

/** Reference float average pooling over NHWC data. */
export function averagePoolFloat(
  p: PoolParams, inShape: readonly number[], input: Float32Array, outShape: readonly number[], output: Float32Array,
): void {
  const ch = inShape[3]!, inRowStride = inShape[2]! * ch;
  const { actMin, actMax } = p;
  for (const w = new SlidingWindows(p, inShape, outShape); w.next();) {
    const { g: o, base, ky0, ky1, kx0, kx1 } = w;
    output.fill(0, o, o + ch);
    for (let ky = ky0; ky < ky1; ky++) {
      const row = base + ky * inRowStride;
      for (let kx = kx0; kx < kx1; kx++) {
        const i0 = row + kx * ch;
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

/**
 * Reference integer average pooling over NHWC data (reference_integer_ops::AveragePool): the window
 * sum divided by the count of in-bounds taps, rounded half away from zero, clamped.
 */
export function averagePoolQuantized(
  p: PoolParams, inShape: readonly number[], input: QuantArray, outShape: readonly number[], output: QuantArray,
): void {
  const ch = inShape[3]!, inRowStride = inShape[2]! * ch;
  const { actMin, actMax } = p;
  for (const w = new SlidingWindows(p, inShape, outShape); w.next();) {
    const { g: o, base, ky0, ky1, kx0, kx1 } = w;
    const count = (ky1 - ky0) * (kx1 - kx0);
    const half = Math.trunc(count / 2);
    for (let c = 0; c < ch; c++) {
      let acc = 0;
      for (let ky = ky0; ky < ky1; ky++) {
        const row = base + ky * inRowStride + c;
        for (let kx = kx0; kx < kx1; kx++) acc += input[row + kx * ch]!;
      }
      const v = Math.trunc(acc > 0 ? (acc + half) / count : (acc - half) / count);
      output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
    }
  }
}

function evalAveragePool(ctx: OpContext<Pool2DOptions>, p: PoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  if (p.quantized) averagePoolQuantized(p, input.shape, input.data as QuantArray, output.shape, output.data as QuantArray);
  else averagePoolFloat(p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array);
}

export const AVERAGE_POOL_2D: KernelRegistration<PoolParams, Pool2DOptions> = { prepare: preparePool, eval: evalAveragePool };
