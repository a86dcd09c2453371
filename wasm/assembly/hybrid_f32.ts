// Hybrid (dynamic-range) GEMM: float rows quantized to int8 on the fly, one scale (and zero point)
// per row, times int8 weights, float results — FULLY_CONNECTED with int8 weights and the pointwise
// CONV_2D of the same models (input quantized per pixel). The reference's arithmetic exactly:
//   quantization (TFLite's SymmetricQuantizeFloats / AsymmetricQuantizeFloats): min and max of the
//     row, the scale and zero point worked out as the reference does (f64 for the zero point's
//     nudging, f32 for the scale and its inverse), q = round half away from zero(zp + x · inv),
//     clamped; stored as i16 (q − zp), so the accumulator is Σ w · (q − zp), the reference's
//     Σ w · q − rowsum · zp modulo 2^32;
//   epilogue per row r and column j, in f32:
//     MODE_FC:   bias[j] + f32(acc) · f32(scale_r · cs[j])
//     MODE_CONV: (f32(acc) · cs[j]) · scale_r (+ bias[j] when hasBias)
//   then the fused activation's clamp [lo, hi].
// Packed weights (packHybridWeights in src/kernels/simd/hybrid.ts): ceil(N/8) panels of a 64-byte
// header [bias f32[8], cs f32[8]] and, per k-pair p, [w[2p][c], w[2p+1][c]] for c = 0…7 as i16
// (32 bytes), zero-padded past N and K. Register tile 4 (or 1) rows × 8 columns, i32x4.dot_i16x8_s:
// |w| ≤ 128 and |q − zp| ≤ 255, so a pair's sum never overflows and the i32 lanes wrap as the
// reference's `| 0`. A call covers rows [0, m) of the pointers it is given: threads split rows.
import { storePartial } from './gemm_f32';

export const MODE_FC = 0;
export const MODE_CONV = 1;
const HEADER: usize = 64;

// @ts-ignore: decorator
@inline function minV(m: v128, v: v128): v128 {
  return v128.bitselect(v, m, f32x4.lt(v, m)); // v < m ? v : m (NaN never taken)
}

// @ts-ignore: decorator
@inline function maxV(m: v128, v: v128): v128 {
  return v128.bitselect(v, m, f32x4.gt(v, m));
}

/** TFLite's TfLiteRound (half away from zero) of f64 values within ±2^52. */
// @ts-ignore: decorator
@inline function roundAway(x: f64): f64 {
  return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
}

/**
 * The quantization of the k floats at x (TFLite's Symmetric/AsymmetricQuantizeFloats): writes
 * [scale f32, 1/scale f32, zero point i32, lowest q i32] at `params`.
 */
function quantParams(x: usize, k: i32, asym: i32, params: usize): void {
  let vmin = f32x4.splat(Infinity), vmax = f32x4.splat(-Infinity);
  let i = 0;
  for (; i + 4 <= k; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    vmin = minV(vmin, v);
    vmax = maxV(vmax, v);
  }
  vmin = minV(vmin, v128.shuffle<f32>(vmin, vmin, 2, 3, 0, 1));
  vmax = maxV(vmax, v128.shuffle<f32>(vmax, vmax, 2, 3, 0, 1));
  vmin = minV(vmin, v128.shuffle<f32>(vmin, vmin, 1, 0, 3, 2));
  vmax = maxV(vmax, v128.shuffle<f32>(vmax, vmax, 1, 0, 3, 2));
  let lo = f32x4.extract_lane(vmin, 0), hi = f32x4.extract_lane(vmax, 0);
  for (; i < k; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let scale: f32 = 1, inv: f32 = 0, zp: i32 = 0;
  if (asym) {
    const rmin = <f64>min<f32>(0, lo), rmax = <f64>max<f32>(0, hi);
    if (rmin != rmax) {
      const s = (rmax - rmin) / 255;
      const fromMin = -128 - rmin / s, fromMax = 127 - rmax / s;
      const z = 128 + Math.abs(rmin / s) < 127 + Math.abs(rmax / s) ? fromMin : fromMax;
      zp = z <= -128 ? -128 : z >= 127 ? 127 : <i32>roundAway(z);
      scale = <f32>s;
      inv = <f32>1 / scale;
    }
  } else {
    const range = max<f32>(abs<f32>(lo), abs<f32>(hi));
    if (range != 0) {
      scale = range / 127;
      inv = <f32>127 / range;
    }
  }
  store<f32>(params, scale);
  store<f32>(params, inv, 4);
  store<i32>(params, zp, 8);
  store<i32>(params, asym ? -128 : -127, 12);
}

/** The k floats at x quantized with `params` (quantParams) into q as i16 (q − zp). */
function quantize(x: usize, k: i32, params: usize, q: usize): void {
  const inv = load<f32>(params, 4), zp = load<i32>(params, 8), qmin = load<i32>(params, 12);
  const vinv = f32x4.splat(inv), vzp = f32x4.splat(<f32>zp), izp = i32x4.splat(zp);
  const vlo = i32x4.splat(qmin), vhi = i32x4.splat(127), half = f32x4.splat(0.5), one = i32x4.splat(1);
  // Four values at a time (the last vector overlaps the previous one when k % 4 != 0: same values).
  if (k >= 4) {
    for (let j = 0; j < k; j += 4) {
      const off = min(j, k - 4);
      const u = f32x4.add(vzp, f32x4.mul(v128.load(x + (<usize>off << 2)), vinv));
      // Round half away from zero: trunc, then ±1 where the dropped fraction is ≥ ½ (exact in f32).
      const frac = f32x4.abs(f32x4.sub(u, f32x4.trunc(u)));
      const step = v128.and(f32x4.ge(frac, half), v128.or(one, i32x4.shr_s(u, 31)));
      let r = i32x4.add(i32x4.trunc_sat_f32x4_s(u), step);
      r = i32x4.sub(i32x4.min_s(i32x4.max_s(r, vlo), vhi), izp);
      v128.store64_lane(q + (<usize>off << 1), i16x8.narrow_i32x4_s(r, r), 0);
    }
  } else {
    for (let j = 0; j < k; j++) {
      const u = <f32>zp + load<f32>(x + (<usize>j << 2)) * inv;
      let r = u != u ? 0 : <i32>roundAway(<f64>max<f32>(-1e9, min<f32>(1e9, u)));
      r = min(max(r, qmin), 127);
      store<i16>(q + (<usize>j << 1), <i16>(r - zp));
    }
  }
}

// @ts-ignore: decorator
@inline function epilogue(
  mode: i32, acc0: v128, acc1: v128, s: f32, w: usize, hasBias: i32, lo: v128, hi: v128, c: usize, nr: i32,
): void {
  const b0 = v128.load(w), b1 = v128.load(w, 16), cs0 = v128.load(w, 32), cs1 = v128.load(w, 48);
  const vs = f32x4.splat(s);
  let y0: v128, y1: v128;
  if (mode == MODE_FC) {
    y0 = f32x4.add(b0, f32x4.mul(f32x4.convert_i32x4_s(acc0), f32x4.mul(vs, cs0)));
    y1 = f32x4.add(b1, f32x4.mul(f32x4.convert_i32x4_s(acc1), f32x4.mul(vs, cs1)));
  } else {
    y0 = f32x4.mul(f32x4.mul(f32x4.convert_i32x4_s(acc0), cs0), vs);
    y1 = f32x4.mul(f32x4.mul(f32x4.convert_i32x4_s(acc1), cs1), vs);
    if (hasBias) {
      y0 = f32x4.add(y0, b0);
      y1 = f32x4.add(y1, b1);
    }
  }
  y0 = f32x4.pmin(f32x4.pmax(y0, lo), hi);
  y1 = f32x4.pmin(f32x4.pmax(y1, lo), hi);
  if (nr == 8) {
    v128.store(c, y0);
    v128.store(c, y1, 16);
  } else {
    storePartial(c, y0, y1, nr);
  }
}

/**
 * `rows` (1 or 4, a constant after inlining) rows a0…a3 (i16 k-pairs) × one panel; in a block of
 * 4, rows past the matrix alias row 0 (their stores repeat row 0's, which it stores last).
 */
// @ts-ignore: decorator
@inline function tile(
  rows: i32, mode: i32, kp: i32, a0: usize, a1: usize, a2: usize, a3: usize, w: usize,
  s0: f32, s1: f32, s2: f32, s3: f32, c0: usize, c1: usize, c2: usize, c3: usize, nr: i32, hasBias: i32, lo: v128, hi: v128,
): void {
  let acc00 = i32x4.splat(0), acc01 = acc00, acc10 = acc00, acc11 = acc00;
  let acc20 = acc00, acc21 = acc00, acc30 = acc00, acc31 = acc00;
  let b = w + HEADER;
  for (let p = 0; p < kp; p++) {
    const w0 = v128.load(b), w1 = v128.load(b, 16);
    const o = <usize>p << 2;
    const x0 = v128.load32_splat(a0 + o);
    acc00 = i32x4.add(acc00, i32x4.dot_i16x8_s(x0, w0));
    acc01 = i32x4.add(acc01, i32x4.dot_i16x8_s(x0, w1));
    if (rows > 1) {
      const x1 = v128.load32_splat(a1 + o);
      acc10 = i32x4.add(acc10, i32x4.dot_i16x8_s(x1, w0));
      acc11 = i32x4.add(acc11, i32x4.dot_i16x8_s(x1, w1));
      const x2 = v128.load32_splat(a2 + o);
      acc20 = i32x4.add(acc20, i32x4.dot_i16x8_s(x2, w0));
      acc21 = i32x4.add(acc21, i32x4.dot_i16x8_s(x2, w1));
      const x3 = v128.load32_splat(a3 + o);
      acc30 = i32x4.add(acc30, i32x4.dot_i16x8_s(x3, w0));
      acc31 = i32x4.add(acc31, i32x4.dot_i16x8_s(x3, w1));
    }
    b += 32;
  }
  if (rows > 1) {
    epilogue(mode, acc30, acc31, s3, w, hasBias, lo, hi, c3, nr);
    epilogue(mode, acc20, acc21, s2, w, hasBias, lo, hi, c2, nr);
    epilogue(mode, acc10, acc11, s1, w, hasBias, lo, hi, c1, nr);
  }
  epilogue(mode, acc00, acc01, s0, w, hasBias, lo, hi, c0, nr);
}

// @ts-ignore: decorator
@inline function hybridLoop(
  mode: i32, x: usize, lda: usize, m: i32, n: i32, k: i32, asym: i32, w: usize, scratch: usize, tileRows: i32,
  c: usize, ldc: usize, lo: f32, hi: f32, hasBias: i32,
): void {
  const kp = (k + 1) >> 1;
  const qStride = <usize>kp << 2;
  const scales = scratch + <usize>tileRows * qStride;
  const params = scales + (<usize>tileRows << 2);
  const panel = HEADER + (<usize>kp << 5);
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  for (let r0 = 0; r0 < m; r0 += tileRows) {
    const rows = min(tileRows, m - r0);
    for (let r = 0; r < rows; r++) {
      const row = x + <usize>(r0 + r) * lda, q = scratch + <usize>r * qStride;
      quantParams(row, k, asym, params);
      quantize(row, k, params, q);
      if (k & 1) store<i16>(q + (<usize>k << 1), 0);
      store<f32>(scales + (<usize>r << 2), load<f32>(params));
    }
    const cBase = c + <usize>r0 * ldc;
    for (let i = 0; i < rows; i += 4) {
      const left = rows - i;
      const a0 = scratch + <usize>i * qStride, c0 = cBase + <usize>i * ldc;
      const a1 = left > 1 ? a0 + qStride : a0, c1 = left > 1 ? c0 + ldc : c0;
      const a2 = left > 2 ? a0 + 2 * qStride : a0, c2 = left > 2 ? c0 + 2 * ldc : c0;
      const a3 = left > 3 ? a0 + 3 * qStride : a0, c3 = left > 3 ? c0 + 3 * ldc : c0;
      const sp = scales + (<usize>i << 2);
      const s0 = load<f32>(sp);
      const s1 = left > 1 ? load<f32>(sp, 4) : s0, s2 = left > 2 ? load<f32>(sp, 8) : s0, s3 = left > 3 ? load<f32>(sp, 12) : s0;
      let wp = w;
      if (left == 1) {
        // One row (matrix-vector, an LSTM step): no aliased rows to compute.
        for (let j = 0; j < n; j += 8) {
          const off = <usize>j << 2;
          tile(1, mode, kp, a0, a0, a0, a0, wp, s0, s0, s0, s0, c0 + off, c0, c0, c0, min(8, n - j), hasBias, vlo, vhi);
          wp += panel;
        }
        continue;
      }
      for (let j = 0; j < n; j += 8) {
        const off = <usize>j << 2;
        tile(4, mode, kp, a0, a1, a2, a3, wp, s0, s1, s2, s3, c0 + off, c1 + off, c2 + off, c3 + off, min(8, n - j), hasBias, vlo, vhi);
        wp += panel;
      }
    }
  }
}

function hybridFc(x: usize, lda: usize, m: i32, n: i32, k: i32, asym: i32, w: usize, scratch: usize, tileRows: i32, c: usize, ldc: usize, lo: f32, hi: f32, hasBias: i32): void {
  hybridLoop(MODE_FC, x, lda, m, n, k, asym, w, scratch, tileRows, c, ldc, lo, hi, hasBias);
}
function hybridConv(x: usize, lda: usize, m: i32, n: i32, k: i32, asym: i32, w: usize, scratch: usize, tileRows: i32, c: usize, ldc: usize, lo: f32, hi: f32, hasBias: i32): void {
  hybridLoop(MODE_CONV, x, lda, m, n, k, asym, w, scratch, tileRows, c, ldc, lo, hi, hasBias);
}

/**
 * C[m×n] = epilogue(quantize(X[m×k]) · W): rows of X (f32, stride lda bytes) quantized `tileRows`
 * at a time into `scratch` (tileRows · (ceil(k/2) · 4 + 4) + 16 bytes: the i16 rows, their scales,
 * one row's quantization parameters),
 * then multiplied by the packed weights; C row stride ldc bytes. See the file header.
 */
export function hybrid_gemm_f32(
  mode: i32, x: usize, lda: usize, m: i32, n: i32, k: i32, asym: i32, w: usize, scratch: usize, tileRows: i32,
  c: usize, ldc: usize, lo: f32, hi: f32, hasBias: i32,
): void {
  if (mode == MODE_FC) hybridFc(x, lda, m, n, k, asym, w, scratch, tileRows, c, ldc, lo, hi, hasBias);
  else hybridConv(x, lda, m, n, k, asym, w, scratch, tileRows, c, ldc, lo, hi, hasBias);
}

// ------------------------------------------------------------------ depthwise

/**
 * Hybrid DEPTHWISE_CONV_2D (depth multiplier 1, C ≥ 8 channels), TFLite's
 * DepthwiseConvHybridPerChannel: each image quantized as one run (asymmetric) into `scratch` as
 * i16 (q − zp), zero-padded to the windows' extent (pH × pW pixels, the image at (padH, padW)), so
 * a tap outside the input adds 0, as the reference's skipped tap; acc = Σ w · (q − zp) per channel
 * (i32x4.extmul), then f32(acc) · f32(cs · scale) (+ bias) clamped. Packed weights
 * (packHybridDepthwise in src/kernels/simd/hybrid.ts): per block of 8 channels (the last block
 * starting at C − 8), a 64-byte header [cs f32[8], bias f32[8]] then kH · kW taps of 8 i16.
 * `scratch`: pH · pW · C · 2 bytes, then 16 bytes of quantization parameters.
 */
export function hybrid_dwconv_f32(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32, pH: i32, pW: i32,
  lo: f32, hi: f32, hasBias: i32,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const pixel = <usize>c << 1;
  const padded = <usize>pH * pW * pixel;
  const params = scratch + padded;
  const blocks = (c + 7) >> 3;
  const blockBytes: usize = 64 + (<usize>(kH * kW) << 4);
  const image = <usize>inH * inW * c;
  for (let b = 0; b < batches; b++) {
    const x = input + <usize>b * image * 4;
    quantParams(x, inH * inW * c, 1, params);
    memory.fill(scratch, 0, padded);
    for (let iy = 0; iy < inH; iy++) {
      quantize(x + <usize>iy * inW * c * 4, inW * c, params, scratch + (<usize>(iy + padH) * pW + padW) * pixel);
    }
    const factor = f32x4.splat(load<f32>(params));
    const out = output + <usize>b * outH * outW * c * 4;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const src = scratch + (<usize>(oy * strideH) * pW + ox * strideW) * pixel;
        const dst = out + (<usize>(oy * outW + ox) * c) * 4;
        let wb = w;
        for (let j = 0; j < blocks; j++) {
          const c0 = <usize>min(j << 3, c - 8);
          let acc0 = i32x4.splat(0), acc1 = acc0;
          let wt = wb + 64;
          for (let ky = 0; ky < kH; ky++) {
            const row = src + <usize>(ky * dilationH) * pW * pixel + (c0 << 1);
            for (let kx = 0; kx < kW; kx++) {
              const v = v128.load(row + <usize>(kx * dilationW) * pixel), f = v128.load(wt);
              acc0 = i32x4.add(acc0, i32x4.extmul_low_i16x8_s(v, f));
              acc1 = i32x4.add(acc1, i32x4.extmul_high_i16x8_s(v, f));
              wt += 16;
            }
          }
          let y0 = f32x4.mul(f32x4.convert_i32x4_s(acc0), f32x4.mul(v128.load(wb), factor));
          let y1 = f32x4.mul(f32x4.convert_i32x4_s(acc1), f32x4.mul(v128.load(wb, 16), factor));
          if (hasBias) {
            y0 = f32x4.add(y0, v128.load(wb, 32));
            y1 = f32x4.add(y1, v128.load(wb, 48));
          }
          v128.store(dst + (c0 << 2), f32x4.pmin(f32x4.pmax(y0, vlo), vhi));
          v128.store(dst + (c0 << 2), f32x4.pmin(f32x4.pmax(y1, vlo), vhi), 16);
          wb += blockBytes;
        }
      }
    }
  }
}
