// f32 CONV_2D (NHWC input, one group) as a GEMM of output pixels by the packed filter (the panel
// layout of gemm_f32.ts), four pixels × one 8-column panel per register tile:
// - pixels whose window lies inside the input (with dilation 1 along W) read the input directly:
//   per filter row, kW · inC contiguous floats ("implicit im2col"), no copy;
// - the others (where the window leaves the input: padding; a row's last 1…3 interior pixels)
//   are gathered as im2col rows of K = kH·kW·inC values, zeros outside the input, four at a time
//   (across rows and images) into `scratch`.
// Both run the same tile, every column summed over k in the filter's (ky, kx, c) order from the
// bias, so a pixel's result does not depend on the path, the tile it falls in, or how a caller
// splits the output rows (threads). A panel with 4 columns or fewer runs a half-width tile (so a
// pointwise convolution with few output channels runs here rather than in gemm_f32).
import { clamp, storePartial } from './gemm_f32';

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

/** The epilogue: with `prelu`, x ≥ 0 ? x : x · alpha (per column) first; then the clamp. */
// @ts-ignore: decorator
@inline function activate(prelu: bool, v: v128, alpha: v128, lo: v128, hi: v128): v128 {
  if (prelu) v = v128.bitselect(v, f32x4.mul(v, alpha), f32x4.ge(v, f32x4.splat(0)));
  return clamp(v, lo, hi);
}

/**
 * Four A rows (a0…a3, each `segs` segments of `segLen` floats `segStride` bytes apart) × one
 * packed panel (bias, with `prelu` the alphas, then 8 weights per k) into c0…c3, `nr` columns
 * (1…8). Rows 1…3 may alias row 0 (their stores repeat row 0's, which it stores last).
 */
// @ts-ignore: decorator
@inline function tile(
  prelu: bool, segs: i32, segLen: i32, segStride: usize, a0: usize, a1: usize, a2: usize, a3: usize, w: usize,
  c0: usize, c1: usize, c2: usize, c3: usize, nr: i32, lo: v128, hi: v128,
): void {
  const al0 = prelu ? v128.load(w, 32) : lo, al1 = prelu ? v128.load(w, 48) : lo;
  const start = w + (prelu ? 64 : 32);
  if (nr <= 4) {
    // Half-width: only the panel's first 4 columns exist.
    let acc0 = v128.load(w);
    let acc1 = acc0, acc2 = acc0, acc3 = acc0;
    let wp = start;
    for (let s = 0; s < segs; s++) {
      const o = <usize>s * segStride;
      let p0 = a0 + o, p1 = a1 + o, p2 = a2 + o, p3 = a3 + o;
      for (let t = 0; t < segLen; t++) {
        const b0 = v128.load(wp);
        acc0 = f32x4.add(acc0, f32x4.mul(v128.load32_splat(p0), b0));
        acc1 = f32x4.add(acc1, f32x4.mul(v128.load32_splat(p1), b0));
        acc2 = f32x4.add(acc2, f32x4.mul(v128.load32_splat(p2), b0));
        acc3 = f32x4.add(acc3, f32x4.mul(v128.load32_splat(p3), b0));
        p0 += 4; p1 += 4; p2 += 4; p3 += 4;
        wp += 32;
      }
    }
    const z = f32x4.splat(0);
    storePartial(c3, activate(prelu, acc3, al0, lo, hi), z, nr);
    storePartial(c2, activate(prelu, acc2, al0, lo, hi), z, nr);
    storePartial(c1, activate(prelu, acc1, al0, lo, hi), z, nr);
    storePartial(c0, activate(prelu, acc0, al0, lo, hi), z, nr);
    return;
  }
  let acc00 = v128.load(w), acc01 = v128.load(w, 16);
  let acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  let wp = start;
  for (let s = 0; s < segs; s++) {
    const o = <usize>s * segStride;
    let p0 = a0 + o, p1 = a1 + o, p2 = a2 + o, p3 = a3 + o;
    for (let t = 0; t < segLen; t++) {
      const b0 = v128.load(wp), b1 = v128.load(wp, 16);
      const x0 = v128.load32_splat(p0);
      acc00 = f32x4.add(acc00, f32x4.mul(x0, b0));
      acc01 = f32x4.add(acc01, f32x4.mul(x0, b1));
      const x1 = v128.load32_splat(p1);
      acc10 = f32x4.add(acc10, f32x4.mul(x1, b0));
      acc11 = f32x4.add(acc11, f32x4.mul(x1, b1));
      const x2 = v128.load32_splat(p2);
      acc20 = f32x4.add(acc20, f32x4.mul(x2, b0));
      acc21 = f32x4.add(acc21, f32x4.mul(x2, b1));
      const x3 = v128.load32_splat(p3);
      acc30 = f32x4.add(acc30, f32x4.mul(x3, b0));
      acc31 = f32x4.add(acc31, f32x4.mul(x3, b1));
      p0 += 4; p1 += 4; p2 += 4; p3 += 4;
      wp += 32;
    }
  }
  acc00 = activate(prelu, acc00, al0, lo, hi); acc01 = activate(prelu, acc01, al1, lo, hi);
  acc10 = activate(prelu, acc10, al0, lo, hi); acc11 = activate(prelu, acc11, al1, lo, hi);
  acc20 = activate(prelu, acc20, al0, lo, hi); acc21 = activate(prelu, acc21, al1, lo, hi);
  acc30 = activate(prelu, acc30, al0, lo, hi); acc31 = activate(prelu, acc31, al1, lo, hi);
  if (nr == 8) {
    v128.store(c3, acc30); v128.store(c3, acc31, 16);
    v128.store(c2, acc20); v128.store(c2, acc21, 16);
    v128.store(c1, acc10); v128.store(c1, acc11, 16);
    v128.store(c0, acc00); v128.store(c0, acc01, 16);
  } else {
    storePartial(c3, acc30, acc31, nr);
    storePartial(c2, acc20, acc21, nr);
    storePartial(c1, acc10, acc11, nr);
    storePartial(c0, acc00, acc01, nr);
  }
}

/** Four pixels (A rows a0…a3 as `tile` takes them, outputs c0…c3) × every panel of the filter. */
// @ts-ignore: decorator
@inline function pixels4(
  prelu: bool, segs: i32, segLen: i32, segStride: usize, a0: usize, a1: usize, a2: usize, a3: usize,
  c0: usize, c1: usize, c2: usize, c3: usize, w: usize, outC: i32, panel: usize, lo: v128, hi: v128,
): void {
  for (let j = 0; j < outC; j += 8) {
    const off = <usize>j << 2;
    tile(prelu, segs, segLen, segStride, a0, a1, a2, a3, w, c0 + off, c1 + off, c2 + off, c3 + off, min(8, outC - j), lo, hi);
    w += panel;
  }
}

/**
 * output[b, oy, ox, :] = act(Σ input · filter + bias) for every output pixel. Per output row,
 * the interior pixels run in direct groups of 4; the others (borders, the interior's last 0…3
 * pixels, rows whose window leaves the input) are gathered as im2col rows of K = kH · kW · inC
 * floats into `scratch`, four at a time across rows and images, and run as a group once there are
 * four. `scratch` holds tileRows ≥ 4 such rows (4 are used). Offsets in bytes, sizes in elements.
 */
// @ts-ignore: decorator
@inline function convLoop(
  prelu: bool, input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, lo: f32, hi: f32,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const k = kH * kW * inC;
  const rowBytes = <usize>k << 2;
  const tapRun = kW * inC;
  const panel = (<usize>k + (prelu ? 2 : 1)) << 5;
  const pixelBytes = <usize>outC << 2;
  const inPixel = <usize>inC << 2;
  const inRow = <usize>inW * inPixel;
  const xStep = <usize>strideW * inPixel;
  // Output columns whose window lies inside the input horizontally: ox·strideW − padW ≥ 0 and
  // ox·strideW − padW + kW − 1 < inW.
  const oxA = min(outW, padW > 0 ? (padW + strideW - 1) / strideW : 0);
  const lastX = inW - kW + padW;
  const oxB = dilationW != 1 || lastX < 0 ? oxA : max(oxA, min(outW, lastX / strideW + 1));
  // The gathered pixels waiting for a group: their count and output addresses.
  let pending = 0;
  let p0: usize = 0, p1: usize = 0, p2: usize = 0;
  for (let b = 0; b < batches; b++) {
    const image = input + <usize>b * inH * inRow;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const outRow = output + (<usize>(b * outH + oy) * outW) * pixelBytes;
      const inside = iy0 >= 0 && iy0 + (kH - 1) * dilationH < inH;
      // Direct: columns [x0, x0 + n4); filter row ky of pixel ox starts at (iy0 + ky·dilationH, ox·strideW − padW).
      const x0 = inside ? oxA : outW;
      const n4 = inside ? (oxB - oxA) & ~3 : 0;
      const first = image + <usize>iy0 * inRow;
      for (let ox = x0; ox < x0 + n4; ox += 4) {
        const a = first + <usize>(ox * strideW - padW) * inPixel, c = outRow + <usize>ox * pixelBytes;
        pixels4(
          prelu, kH, tapRun, <usize>dilationH * inRow, a, a + xStep, a + 2 * xStep, a + 3 * xStep,
          c, c + pixelBytes, c + 2 * pixelBytes, c + 3 * pixelBytes, w, outC, panel, vlo, vhi,
        );
      }
      // im2col: the row's other pixels, at columns [0, x0) and [x0 + n4, outW).
      const ky0 = firstTap(iy0, dilationH), ky1 = endTap(iy0, dilationH, kH, inH);
      for (let ox = 0; ox < outW; ox++) {
        if (ox == x0) ox += n4;
        if (ox >= outW) break;
        const ix0 = ox * strideW - padW;
        const kx0 = firstTap(ix0, dilationW), kx1 = endTap(ix0, dilationW, kW, inW);
        let d = scratch + <usize>pending * rowBytes;
        for (let ky = 0; ky < kH; ky++) {
          if (ky < ky0 || ky >= ky1 || kx1 <= kx0) {
            zeroF32(d, tapRun);
          } else {
            const src = image + <usize>(iy0 + ky * dilationH) * inRow;
            zeroF32(d, kx0 * inC);
            if (dilationW == 1) {
              copyF32(d + (<usize>(kx0 * inC) << 2), src + <usize>(ix0 + kx0) * inPixel, (kx1 - kx0) * inC);
            } else {
              for (let kx = kx0; kx < kx1; kx++) {
                copyF32(d + (<usize>(kx * inC) << 2), src + <usize>(ix0 + kx * dilationW) * inPixel, inC);
              }
            }
            zeroF32(d + (<usize>(kx1 * inC) << 2), (kW - kx1) * inC);
          }
          d += <usize>tapRun << 2;
        }
        const c = outRow + <usize>ox * pixelBytes;
        if (pending == 3) {
          pixels4(prelu, 1, k, 0, scratch, scratch + rowBytes, scratch + 2 * rowBytes, scratch + 3 * rowBytes, p0, p1, p2, c, w, outC, panel, vlo, vhi);
          pending = 0;
        } else {
          if (pending == 0) p0 = c;
          else if (pending == 1) p1 = c;
          else p2 = c;
          pending++;
        }
      }
    }
  }
  // The last 1…3 gathered pixels; missing ones alias the first.
  if (pending > 0) {
    const a1 = pending > 1 ? scratch + rowBytes : scratch, c1 = pending > 1 ? p1 : p0;
    const a2 = pending > 2 ? scratch + 2 * rowBytes : scratch, c2 = pending > 2 ? p2 : p0;
    pixels4(prelu, 1, k, 0, scratch, a1, a2, scratch, p0, c1, c2, p0, w, outC, panel, vlo, vhi);
  }
}

/** The convolution, clamped to [lo, hi] (the fused activation); `w` packed by packGemmWeights. */
export function conv2d_f32(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, lo: f32, hi: f32,
): void {
  convLoop(false, input, output, w, scratch, batches, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilationH, dilationW, padH, padW, tileRows, lo, hi);
}

/**
 * The convolution followed by a PReLU (x ≥ 0 ? x : x · alpha per output channel; LEAKY_RELU is one
 * alpha for all), then clamped to [lo, hi]: panels of [bias[8], alpha[8], weights] (pack_gemm_f32
 * with alphas).
 */
export function conv2d_prelu_f32(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  tileRows: i32, lo: f32, hi: f32,
): void {
  convLoop(true, input, output, w, scratch, batches, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilationH, dilationW, padH, padW, tileRows, lo, hi);
}
