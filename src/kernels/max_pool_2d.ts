// MAX_POOL_2D: maximum over the part of each window inside the input, then the
// fused activation's clamp. uint8 / int8 / int16 take the maximum of the raw values.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Pool2DOptions } from '../schema/generated.js';
import { preparePool, type PoolParams, type QuantArray } from './util/pool.js';
import { SlidingWindows } from './util/windows.js';

/** TFLite starts the maximum at the lowest finite float. */
const LOWEST = -3.4028234663852886e38;

/** Reference float max pooling over NHWC data. */
export function maxPoolFloat(
  p: PoolParams, inShape: readonly number[], input: Float32Array, outShape: readonly number[], output: Float32Array,
): void {
  const ch = inShape[3]!, inRowStride = inShape[2]! * ch;
  const { actMin, actMax } = p;
  for (const w = new SlidingWindows(p, inShape, outShape); w.next();) {
    const { g: o, base, ky0, ky1, kx0, kx1 } = w;
    output.fill(LOWEST, o, o + ch);
    for (let ky = ky0; ky < ky1; ky++) {
      const row = base + ky * inRowStride;
      for (let kx = kx0; kx < kx1; kx++) {
        const i0 = row + kx * ch;
        for (let c = 0; c < ch; c++) {
          const x = input[i0 + c]!;
          if (x > output[o + c]!) output[o + c] = x;
        }
      }
    }
    for (let c = 0; c < ch; c++) {
      const v = output[o + c]!;
      output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
    }
  }
}

/** Reference integer max pooling over NHWC data; `lowest` is the type's minimum (the empty window's value). */
export function maxPoolQuantized(
  p: PoolParams, inShape: readonly number[], input: QuantArray, outShape: readonly number[], output: QuantArray, lowest: number,
): void {
  const ch = inShape[3]!, inRowStride = inShape[2]! * ch;
  const { actMin, actMax } = p;
  for (const w = new SlidingWindows(p, inShape, outShape); w.next();) {
    const { g: o, base, ky0, ky1, kx0, kx1 } = w;
    for (let c = 0; c < ch; c++) {
      let max = lowest;
      for (let ky = ky0; ky < ky1; ky++) {
        const row = base + ky * inRowStride + c;
        for (let kx = kx0; kx < kx1; kx++) {
          const x = input[row + kx * ch]!;
          if (x > max) max = x;
        }
      }
      output[o + c] = max < actMin ? actMin : max > actMax ? actMax : max;
    }
  }
}

const LOWEST_OF = { uint8: 0, int8: -128, int16: -32768 } as const;

function evalMaxPool(ctx: OpContext<Pool2DOptions>, p: PoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  if (p.quantized) {
    const lowest = LOWEST_OF[input.dtype as keyof typeof LOWEST_OF];
    maxPoolQuantized(p, input.shape, input.data as QuantArray, output.shape, output.data as QuantArray, lowest);
  } else {
    maxPoolFloat(p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array);
  }
}

export const MAX_POOL_2D: KernelRegistration<PoolParams, Pool2DOptions> = { prepare: preparePool, eval: evalMaxPool };
