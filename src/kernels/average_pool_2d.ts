// AVERAGE_POOL_2D: mean over the part of each window that lies inside the input
// (padding is not counted, as TFLite), then the fused activation's clamp.
import type { KernelRegistration, OpContext } from './registration.js';
import type { Pool2DOptions } from '../schema/generated.js';
import { endTap, firstTap, preparePool, type ConvParams } from './util/conv_util.js';

export interface PoolParams extends ConvParams {
  filterH: number;
  filterW: number;
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

function evalAveragePool(ctx: OpContext<Pool2DOptions>, p: PoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  averagePoolFloat(p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array);
}

export const AVERAGE_POOL_2D: KernelRegistration<PoolParams, Pool2DOptions> = { prepare: preparePool, eval: evalAveragePool };
