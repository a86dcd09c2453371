// 16x8 CONV_2D (NHWC int16 input with zero point 0, one group) as im2col + the i16 GEMM, one tile
// of output pixels at a time: each pixel's patch (K = kH·kW·inC values in the filter's (ky, kx, c)
// order) is copied as rows of i16, taps outside the input as zeros (what the reference skips, the
// zero point being 0), K padded to even with a zero; the tile is then interleaved into the GEMM's
// A4 layout. Both halves of `scratch` stay in cache between the gather and the GEMM.
import { interleaveA4 } from './gemm_q8';
import { i16_gemm, I16_FLOOR } from './gemm_i16';

/** dst[0, n) = 0 (i16). */
// @ts-ignore: decorator
@inline function zeroI16(dst: usize, n: i32): void {
  const z = i16x8.splat(0);
  if (n >= 8) {
    const last = <usize>(n - 8) << 1;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, z);
    v128.store(dst + last, z);
  } else {
    for (let i = 0; i < n; i++) store<i16>(dst + (<usize>i << 1), 0);
  }
}

/** dst[0, n) = src[0, n) (i16; the buffers do not overlap). */
// @ts-ignore: decorator
@inline function copyI16(src: usize, dst: usize, n: i32): void {
  if (n >= 8) {
    const last = <usize>(n - 8) << 1;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, v128.load(src + i));
    v128.store(dst + last, v128.load(src + last));
  } else {
    for (let i = 0; i < n; i++) store<i16>(dst + (<usize>i << 1), load<i16>(src + (<usize>i << 1)));
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
 * Output pixels [pix0, pix0 + count) (pixel = (b·outH + oy)·outW + ox) of the convolution,
 * `tileRows` pixels (a multiple of 4) per GEMM; `scratch` holds 2 · tileRows · 4 · ceil(K/2) bytes
 * (the A4 tile, then the gathered rows); blk: k-pairs per i32 block (i16_gemm); tmp: 256 bytes.
 * Offsets in bytes, sizes in elements.
 */
export function i16_conv2d(
  input: usize, output: usize, w: usize, scratch: usize, tmp: usize, pix0: i32, count: i32,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, blk: i32, lo: i32, hi: i32,
): void {
  const k = kH * kW * inC;
  const kp = (k + 1) >> 1;
  const rowBytes = <usize>kp << 2;
  const tapRun = kW * inC;
  const gathered = scratch + <usize>tileRows * rowBytes;
  const spanH = (kH - 1) * dilationH, spanW = (kW - 1) * dilationW;
  let ox = pix0 % outW, oy = (pix0 / outW) % outH, b = pix0 / (outW * outH);
  for (let t0 = 0; t0 < count; t0 += tileRows) {
    const rows = min(tileRows, count - t0);
    let dst = gathered;
    for (let r = 0; r < rows; r++) {
      const iy0 = oy * strideH - padH, ix0 = ox * strideW - padW;
      // The window's taps inside the input (the divisions only at the borders).
      let ky0 = 0, ky1 = kH, kx0 = 0, kx1 = kW;
      if (iy0 < 0 || iy0 + spanH >= inH) {
        ky0 = firstTap(iy0, dilationH);
        ky1 = endTap(iy0, dilationH, kH, inH);
      }
      if (ix0 < 0 || ix0 + spanW >= inW) {
        kx0 = firstTap(ix0, dilationW);
        kx1 = endTap(ix0, dilationW, kW, inW);
      }
      const batchBase = input + (<usize>b * inH * inW * inC << 1);
      let d = dst;
      for (let ky = 0; ky < kH; ky++) {
        if (ky < ky0 || ky >= ky1 || kx1 <= kx0) {
          zeroI16(d, tapRun);
        } else {
          const src = batchBase + (<usize>((iy0 + ky * dilationH) * inW) * inC << 1);
          zeroI16(d, kx0 * inC);
          if (dilationW == 1) {
            copyI16(src + (<usize>((ix0 + kx0) * inC) << 1), d + (<usize>(kx0 * inC) << 1), (kx1 - kx0) * inC);
          } else {
            for (let kx = kx0; kx < kx1; kx++) {
              copyI16(src + (<usize>((ix0 + kx * dilationW) * inC) << 1), d + (<usize>(kx * inC) << 1), inC);
            }
          }
          zeroI16(d + (<usize>(kx1 * inC) << 1), (kW - kx1) * inC);
        }
        d += <usize>tapRun << 1;
      }
      if (k & 1) store<i16>(dst + (<usize>k << 1), 0);
      dst += rowBytes;
      if (++ox == outW) {
        ox = 0;
        if (++oy == outH) {
          oy = 0;
          b++;
        }
      }
    }
    interleaveA4(rows, kp, gathered, scratch);
    i16_gemm(rows, outC, kp, blk, scratch, w, output + (<usize>(pix0 + t0) * outC << 1), <usize>outC << 1, I16_FLOOR, lo, hi, tmp);
  }
}
