// MAX_POOL_2D: maximum over the part of each window inside the input, then the
// fused activation's clamp. uint8 / int8 / int16 take the maximum of the raw values.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Pool2DOptions } from '../schema/generated.js';
import { endTap, firstTap } from './util/conv_util.js';
import { preparePool, type PoolParams, type QuantArray } from './average_pool_2d.js';

/** TFLite starts the maximum at the lowest finite float. */
const LOWEST = -3.4028234663852886e38;

/** Reference float max pooling over NHWC data. */
export function maxPoolFloat(
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
        output.fill(LOWEST, o, o + ch);
        for (let ky = ky0; ky < ky1; ky++) {
          const row = inBatch + (y0 + ky) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = row + (x0 + kx) * ch;
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
  }
}

/** Reference integer max pooling over NHWC data; `lowest` is the type's minimum (the empty window's value). */
export function maxPoolQuantized(
  p: PoolParams, inShape: readonly number[], input: QuantArray, outShape: readonly number[], output: QuantArray, lowest: number,
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
        for (let c = 0; c < ch; c++) {
          let max = lowest;
          for (let ky = ky0; ky < ky1; ky++) {
            const row = inBatch + (y0 + ky) * inRowStride + c;
            for (let kx = kx0; kx < kx1; kx++) {
              const x = input[row + (x0 + kx) * ch]!;
              if (x > max) max = x;
            }
          }
          output[o + c] = max < actMin ? actMin : max > actMax ? actMax : max;
        }
      }
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
