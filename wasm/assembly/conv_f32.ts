// f32 CONV_2D (NHWC input, one group) as im2col + GEMM, one tile of output pixels at a time:
// the tile's patches (rows of K = kH·kW·inC values, in the filter's (ky, kx, c) order, zeros
// where the window leaves the input) are gathered into `scratch`, then multiplied by the packed
// filter. A tile is small enough to stay in cache between the gather and the GEMM.
import { gemm_f32 } from './gemm_f32';

// Copies / zeroes n floats; runs of 4 or more end with an overlapping vector (no scalar tail).
// @ts-ignore: decorator
@inline function copyF32(dst: usize, src: usize, n: i32): void {
  if (n >= 4) {
    const last = <usize>(n - 4) << 2;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, v128.load(src + i));
    v128.store(dst + last, v128.load(src + last));
  } else {
    for (let i = 0; i < n; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
  }
}

// @ts-ignore: decorator
@inline function zeroF32(dst: usize, n: i32): void {
  const z = f32x4.splat(0);
  if (n >= 4) {
    const last = <usize>(n - 4) << 2;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, z);
    v128.store(dst + last, z);
  } else {
    for (let i = 0; i < n; i++) store<f32>(dst + (<usize>i << 2), 0);
  }
}

/** First tap k ≥ 0 with origin + k·dilation ≥ 0. */
// @ts-ignore: decorator
@inline function firstTap(origin: i32, dilation: i32): i32 {
  return origin >= 0 ? 0 : (dilation - 1 - origin) / dilation;
}

/** One past the last tap k < taps with origin + k·dilation < size. */
// @ts-ignore: decorator
@inline function endTap(origin: i32, dilation: i32, taps: i32, size: i32): i32 {
  const last = size - 1 - origin;
  return last < 0 ? 0 : min(taps, last / dilation + 1);
}

/**
 * output[b, oy, ox, :] = clamp(Σ input · filter + bias) for every output pixel, `tileRows` pixels
 * per GEMM; `scratch` holds tileRows · K floats (K = kH · kW · inC), then the GEMM's 16 · K bytes
 * of packed rows. Offsets in bytes, sizes in elements.
 */
export function conv2d_f32(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, lo: f32, hi: f32,
): void {
  const k = kH * kW * inC;
  const rowBytes = <usize>k << 2;
  const pixels = batches * outH * outW;
  const tapRun = kW * inC;
  const pack = scratch + <usize>tileRows * rowBytes;
  let b = 0, oy = 0, ox = 0;
  for (let p0 = 0; p0 < pixels; p0 += tileRows) {
    const rows = min(tileRows, pixels - p0);
    let dst = scratch;
    for (let r = 0; r < rows; r++) {
      const iy0 = oy * strideH - padH, ix0 = ox * strideW - padW;
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
      const batchBase = input + (<usize>b * inH * inW * inC << 2);
      let d = dst;
      for (let ky = 0; ky < kH; ky++) {
        if (ky < ky0 || ky >= ky1 || kx1 <= kx0) {
          zeroF32(d, tapRun);
        } else {
          const src = batchBase + (<usize>((iy0 + ky * dilationH) * inW) * inC << 2);
          zeroF32(d, kx0 * inC);
          if (dilationW == 1) {
            copyF32(d + (<usize>(kx0 * inC) << 2), src + (<usize>((ix0 + kx0) * inC) << 2), (kx1 - kx0) * inC);
          } else {
            for (let kx = kx0; kx < kx1; kx++) {
              copyF32(d + (<usize>(kx * inC) << 2), src + (<usize>((ix0 + kx * dilationW) * inC) << 2), inC);
            }
          }
          zeroF32(d + (<usize>(kx1 * inC) << 2), (kW - kx1) * inC);
        }
        d += <usize>tapRun << 2;
      }
      dst += rowBytes;
      if (++ox == outW) {
        ox = 0;
        if (++oy == outH) {
          oy = 0;
          b++;
        }
      }
    }
    gemm_f32(rows, outC, k, scratch, rowBytes, w, output + (<usize>p0 * outC << 2), <usize>outC << 2, lo, hi, pack);
  }
}
