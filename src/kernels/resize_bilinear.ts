// RESIZE_BILINEAR (TFLite resize_bilinear.cc). float32 and uint8 interpolate in float32
// (uint8 rounds half up, as optimized_ops::ResizeBilinearGenericSmallChannel); int8 and
// int16 use reference_ops::ResizeBilinearInteger's 10-bit fixed point. Quantized uint8/int8 with a
// constant size follow XNNPACK instead (11-bit weights), which the official runtime delegates them to.
import type { ResizeBilinearOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { isConstant } from './kernel_util.js';
import { isQuantized } from './util/movement.js';
import { resizeKernel, type ResizeGeometry } from './util/resize.js';

const f = Math.fround;

export interface BilinearParams {
  alignCorners: boolean;
  halfPixelCenters: boolean;
}

/** Source coordinate and its two neighbours along one axis, in float32 (ComputeInterpolationValues). */
function interpolation(value: number, scale: number, halfPixel: boolean, inSize: number): [number, number, number] {
  const scaled = halfPixel ? f(f(f(value + 0.5) * scale) - 0.5) : f(value * scale);
  const lo = Math.max(Math.floor(scaled), 0);
  const hi = Math.min(Math.ceil(scaled), inSize - 1);
  return [scaled, lo, hi];
}

function floatScale(inSize: number, outSize: number, alignCorners: boolean): number {
  return alignCorners && outSize > 1 ? f((inSize - 1) / (outSize - 1)) : f(inSize / outSize);
}

/**
 * Reference kernel for float32 and uint8 NHWC data. Each output sums the four corner
 * products in float32 in the order (y0,x0), (y0,x1), (y1,x0), (y1,x1); uint8 adds 0.5 and truncates.
 */
export function resizeBilinearFloat(p: BilinearParams, g: ResizeGeometry, integer: boolean, input: Float32Array | Uint8Array, output: Float32Array | Uint8Array): void {
  const { batches, inH, inW, depth, outH, outW } = g;
  const hScale = floatScale(inH, outH, p.alignCorners);
  const wScale = floatScale(inW, outW, p.alignCorners);
  const rounding = integer ? 0.5 : 0;
  let out = 0;
  for (let b = 0; b < batches; b++) {
    for (let y = 0; y < outH; y++) {
      const [iy, y0, y1] = interpolation(y, hScale, p.halfPixelCenters, inH);
      const dy = f(iy - y0);
      for (let x = 0; x < outW; x++) {
        const [ix, x0, x1] = interpolation(x, wScale, p.halfPixelCenters, inW);
        const dx = f(ix - x0);
        const s00 = f(f(1 - dy) * f(1 - dx));
        const s01 = f(f(1 - dy) * dx);
        const s10 = f(dy * f(1 - dx));
        const s11 = f(dy * dx);
        const o00 = ((b * inH + y0) * inW + x0) * depth;
        const o01 = ((b * inH + y0) * inW + x1) * depth;
        const o10 = ((b * inH + y1) * inW + x0) * depth;
        const o11 = ((b * inH + y1) * inW + x1) * depth;
        for (let c = 0; c < depth; c++) {
          let v = f(input[o00 + c]! * s00);
          v = f(v + f(input[o01 + c]! * s01));
          v = f(v + f(input[o10 + c]! * s10));
          v = f(v + f(input[o11 + c]! * s11));
          output[out++] = integer ? Math.trunc(f(v + rounding)) : v;
        }
      }
    }
  }
}

/** Source position in 1/1024 units and its two neighbours (ComputeInterpolationValuesInteger). */
function interpolationInteger(value: number, scale10: number, halfPixel: boolean, inSize: number): [number, number, number] {
  const scaled = halfPixel ? value * scale10 + Math.trunc(scale10 / 2) - 512 : value * scale10;
  const lo = Math.max(Math.trunc(scaled / 1024), 0);
  const hi = Math.min(Math.trunc((scaled + 1023) / 1024), inSize - 1);
  return [scaled, lo, hi];
}

function integerScale(inSize: number, outSize: number, alignCorners: boolean): number {
  if (alignCorners && outSize > 1) return Math.trunc((1024 * (inSize - 1) + Math.trunc((outSize - 1) / 2)) / (outSize - 1));
  return Math.trunc((1024 * inSize + Math.trunc(outSize / 2)) / outSize);
}

/**
 * Reference kernel for int8/int16 NHWC data: weights in 1/1024 units, products summed
 * exactly (< 2^53), then divided by 2^20 rounding half away from zero.
 */
export function resizeBilinearInteger(p: BilinearParams, g: ResizeGeometry, input: Int8Array | Int16Array, output: Int8Array | Int16Array): void {
  const { batches, inH, inW, depth, outH, outW } = g;
  const hScale = integerScale(inH, outH, p.alignCorners);
  const wScale = integerScale(inW, outW, p.alignCorners);
  let out = 0;
  for (let b = 0; b < batches; b++) {
    for (let y = 0; y < outH; y++) {
      const [iy, y0, y1] = interpolationInteger(y, hScale, p.halfPixelCenters, inH);
      const wy1 = iy - 1024 * y0;
      const wy0 = 1024 - wy1;
      for (let x = 0; x < outW; x++) {
        const [ix, x0, x1] = interpolationInteger(x, wScale, p.halfPixelCenters, inW);
        const wx1 = ix - 1024 * x0;
        const wx0 = 1024 - wx1;
        const o00 = ((b * inH + y0) * inW + x0) * depth;
        const o01 = ((b * inH + y0) * inW + x1) * depth;
        const o10 = ((b * inH + y1) * inW + x0) * depth;
        const o11 = ((b * inH + y1) * inW + x1) * depth;
        for (let c = 0; c < depth; c++) {
          const sum = input[o00 + c]! * wy0 * wx0 + input[o10 + c]! * wy1 * wx0 + input[o01 + c]! * wy0 * wx1 + input[o11 + c]! * wy1 * wx1;
          const round = sum > 0 ? 1 << 19 : -(1 << 19);
          output[out++] = Math.trunc((sum + round) / (1 << 20));
        }
      }
    }
  }
}

/** lrintf: round half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && (r & 1) !== 0 ? r - 1 : r;
}

/**
 * XNNPACK's source pixels and 11-bit weight along one axis (xnn_indirection_init_resize_bilinear2d_hwc_q11),
 * in float32: legacy (or align-corners) coordinates are out * scale; half-pixel ones add
 * scale / 2 - 1/2 and are clamped to the input.
 */
export function xnnpackAxis(inSize: number, outSize: number, p: BilinearParams): { lo: Int32Array; hi: Int32Array; weight: Int32Array } {
  const adjust = p.alignCorners && outSize !== 1 ? 1 : 0;
  const scale = f(f(inSize - adjust) / f(outSize - adjust));
  const offset = f(f(0.5 * scale) - 0.5);
  const max = inSize - 1;
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const weight = new Int32Array(outSize);
  for (let o = 0; o < outSize; o++) {
    let pos = f(o * scale);
    if (!p.alignCorners && p.halfPixelCenters) pos = Math.min(Math.max(f(pos + offset), 0), max);
    const l = Math.trunc(pos);
    lo[o] = l;
    hi[o] = Math.min(l + 1, max);
    weight[o] = roundHalfEven(f(f(pos - l) * 2048));
  }
  return { lo, hi, weight };
}

/**
 * XNNPACK's quantized kernel (u8/s8 ibilinear) for NHWC data quantized as its output: horizontal
 * then vertical interpolation in Q11 integer arithmetic, rounded by (acc + 2^21) >> 22.
 */
export function resizeBilinearXnnpack(p: BilinearParams, g: ResizeGeometry, input: Uint8Array | Int8Array, output: Uint8Array | Int8Array): void {
  const { batches, inH, inW, depth, outH, outW } = g;
  const ys = xnnpackAxis(inH, outH, p);
  const xs = xnnpackAxis(inW, outW, p);
  let out = 0;
  for (let b = 0; b < batches; b++) {
    for (let y = 0; y < outH; y++) {
      const top = (b * inH + ys.lo[y]!) * inW;
      const bottom = (b * inH + ys.hi[y]!) * inW;
      const av = ys.weight[y]!;
      for (let x = 0; x < outW; x++) {
        const ah = xs.weight[x]!;
        const o00 = (top + xs.lo[x]!) * depth;
        const o01 = (top + xs.hi[x]!) * depth;
        const o10 = (bottom + xs.lo[x]!) * depth;
        const o11 = (bottom + xs.hi[x]!) * depth;
        for (let c = 0; c < depth; c++) {
          const tl = input[o00 + c]!;
          const bl = input[o10 + c]!;
          const t = tl * 2048 + (input[o01 + c]! - tl) * ah;
          const bt = bl * 2048 + (input[o11 + c]! - bl) * ah;
          output[out++] = (t * 2048 + (bt - t) * av + 0x200000) >> 22;
        }
      }
    }
  }
}

function run(input: TypedArray, output: TypedArray, dtype: string, p: BilinearParams, g: ResizeGeometry): void {
  if (dtype === 'int8' || dtype === 'int16') resizeBilinearInteger(p, g, input as Int8Array, output as Int8Array);
  else resizeBilinearFloat(p, g, dtype === 'uint8', input as Float32Array, output as Float32Array);
}

export const RESIZE_BILINEAR: KernelRegistration<{ geometry: ResizeGeometry | null }, ResizeBilinearOptions> = resizeKernel<ResizeBilinearOptions>(
  ['float32', 'uint8', 'int8', 'int16'],
  1,
  (ctx) => {
    if (ctx.options.alignCorners && ctx.options.halfPixelCenters) ctx.fail('half_pixel_centers requires align_corners to be false');
  },
  (ctx, g) => {
    const input = ctx.input(0);
    const p = { alignCorners: ctx.options.alignCorners === true, halfPixelCenters: ctx.options.halfPixelCenters === true };
    if ((input.dtype === 'uint8' || input.dtype === 'int8') && isQuantized(input) && isConstant(ctx.input(1))) {
      resizeBilinearXnnpack(p, g, input.data as Uint8Array, ctx.output(0).data as Uint8Array);
      return;
    }
    run(input.data, ctx.output(0).data, input.dtype, p, g);
  },
);
