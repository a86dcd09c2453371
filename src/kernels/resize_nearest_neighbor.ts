// RESIZE_NEAREST_NEIGHBOR (TFLite resize_nearest_neighbor.cc, reference_ops::ResizeNearestNeighbor):
// each output pixel copies the input pixel its float32 source coordinate falls on.
import type { ResizeNearestNeighborOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { resizeKernel, type ResizeGeometry } from './util/resize.js';

const f = Math.fround;

/** Source index of output index `value` along one axis (GetNearestNeighbor). */
export function nearestIndex(value: number, inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): number {
  const scale = alignCorners && outSize > 1 ? f((inSize - 1) / (outSize - 1)) : f(inSize / outSize);
  const scaled = f(f(value + (halfPixelCenters ? 0.5 : 0)) * scale);
  // TfLiteRound rounds half away from zero; `scaled` is never negative.
  let index = Math.min(alignCorners ? Math.round(scaled) : Math.floor(scaled), inSize - 1);
  if (halfPixelCenters) index = Math.max(0, index);
  return index;
}

/** Reference kernel over NHWC data of any element type. */
export function resizeNearestNeighbor(alignCorners: boolean, halfPixelCenters: boolean, g: ResizeGeometry, input: TypedArray, output: TypedArray): void {
  const { batches, inH, inW, depth, outH, outW } = g;
  const src = input as Float32Array;
  const dst = output as Float32Array;
  const xs = new Array<number>(outW);
  for (let x = 0; x < outW; x++) xs[x] = nearestIndex(x, inW, outW, alignCorners, halfPixelCenters);
  let out = 0;
  for (let b = 0; b < batches; b++) {
    for (let y = 0; y < outH; y++) {
      const iy = nearestIndex(y, inH, outH, alignCorners, halfPixelCenters);
      for (let x = 0; x < outW; x++) {
        const base = ((b * inH + iy) * inW + xs[x]!) * depth;
        for (let c = 0; c < depth; c++) dst[out++] = src[base + c]!;
      }
    }
  }
}

export const RESIZE_NEAREST_NEIGHBOR: KernelRegistration<{ geometry: ResizeGeometry | null }, ResizeNearestNeighborOptions> = resizeKernel<ResizeNearestNeighborOptions>(
  ['float32', 'uint8', 'int8', 'int16'],
  0,
  () => {},
  (ctx, g) => {
    const o = ctx.options;
    resizeNearestNeighbor(o.alignCorners === true, o.halfPixelCenters === true, g, ctx.input(0).data, ctx.output(0).data);
  },
);
