// 8-bit quantized CONV_2D (NHWC input, one group; int8 per-channel or uint8 per-tensor) as im2col
// + the q8 GEMM, one tile of output pixels at a time: each output pixel's patch (K = kH·kW·inC
// values in the filter's (ky, kx, c) order) is widened to i16 minus the input zero point, so taps
// outside the input are plain zeros, exactly as the reference skips them; K is padded to even
// with a zero. The tile is gathered as plain rows, then interleaved into the GEMM's A4 layout;
// both halves of `scratch` stay in cache between the gather and the GEMM.
import { q8_gemm, interleaveA4, widenRow, Q8_FP32 } from './gemm_q8';

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
 * output[b, oy, ox, :] = requantize(Σ (input − zpIn) · filter' + bias) for every output pixel,
 * `tileRows` pixels (a multiple of 4) per GEMM; `scratch` holds 2 · tileRows · 4 · ceil(K/2) bytes
 * (the A4 tile, then the gathered rows); fp32 requantization.
 * Input and output uint8 when u8, else int8. Offsets in bytes, sizes in elements.
 */
export function q8_conv2d(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, zpIn: i32, u8: i32, zp: i32, lo: i32, hi: i32,
): void {
  if (u8) {
    conv<u8>(
      input, output, w, scratch, batches, inH, inW, inC, outH, outW, outC, kH, kW,
      strideH, strideW, dilationH, dilationW, padH, padW, tileRows, zpIn, zp, lo, hi,
    );
  } else {
    conv<i8>(
      input, output, w, scratch, batches, inH, inW, inC, outH, outW, outC, kH, kW,
      strideH, strideW, dilationH, dilationW, padH, padW, tileRows, zpIn, zp, lo, hi,
    );
  }
}

function conv<T>(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, zpIn: i32, zp: i32, lo: i32, hi: i32,
): void {
  const k = kH * kW * inC;
  const kp = (k + 1) >> 1;
  const rowBytes = <usize>kp << 2;
  const pixels = batches * outH * outW;
  const tapRun = kW * inC;
  const gathered = scratch + <usize>tileRows * rowBytes;
  const spanH = (kH - 1) * dilationH, spanW = (kW - 1) * dilationW;
  let b = 0, oy = 0, ox = 0;
  for (let p0 = 0; p0 < pixels; p0 += tileRows) {
    const rows = min(tileRows, pixels - p0);
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
      const batchBase = input + <usize>b * inH * inW * inC;
      let d = dst;
      for (let ky = 0; ky < kH; ky++) {
        if (ky < ky0 || ky >= ky1 || kx1 <= kx0) {
          zeroI16(d, tapRun);
        } else {
          const src = batchBase + <usize>((iy0 + ky * dilationH) * inW) * inC;
          zeroI16(d, kx0 * inC);
          if (dilationW == 1) {
            widenRow<T>(src + <usize>((ix0 + kx0) * inC), d + (<usize>(kx0 * inC) << 1), (kx1 - kx0) * inC, zpIn);
          } else {
            for (let kx = kx0; kx < kx1; kx++) {
              widenRow<T>(src + <usize>((ix0 + kx * dilationW) * inC), d + (<usize>(kx * inC) << 1), inC, zpIn);
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
    q8_gemm(rows, outC, kp, scratch, w, output + <usize>p0 * outC, <usize>outC, Q8_FP32, isSigned<T>() ? 0 : 1, zp, lo, hi, 0);
  }
}
