// 16x8 quantized GEMM (int16 activations, int8 weights; TFLite's 16x8 kernels) with the
// requantization fused into the tile:
//   C[M×N] (int16) = requantize(A[M×K] · packed B + bias)
// A is int16 (zero point 0), B is (w − weight zero point) as i16 in [−255, 255]; i32x4.dot_i16x8_s
// cannot saturate, and the i32 accumulators cannot overflow over a block of `blk` k-pairs: prepare
// picks blk from the weights (whole K when 32768 · Σ|w| < 2^31 for every column, else 255 pairs:
// 510 · 128 · 32768 < 2^31). Blocks are summed in f64, exactly.
//
// Requantization in f64 (exact; prepare checks the bounds): per column, m = r · 2^−t and
// c = bias · m + 2^−(t+1), r the 15-bit reduced multiplier and t = 15 − shift of TFLite's
// MultiplyByQuantizedMultiplier(int64 x, ...), which is floor((x · r + 2^(t−1)) / 2^t), x = acc + bias.
// y = acc · m + c is that quotient plus a fraction strictly inside (−1/2, 1/2) (the half-granule
// 2^−(t+1) keeps y off the .5 ties), so rounding y to nearest gives the floor. Adding 1.5 · 2^52
// rounds it in the mantissa, whose low 32 bits are then the int32 result, wrapped as the C cast
// wraps the int64. Exact while |acc + bias| · r < 2^52 (every product and sum is an integer
// multiple of 2^−(t+1) below 2^53 of them). Then the clamp and the store as int16.
//
// FULLY_CONNECTED's modes take y = acc + bias (m = 1, c = bias) and finish in scalar code:
//   I16_FC64: TFLite's 16x8 reference (int64 accumulator): round(y · scale) in double, half away
//             from zero, saturated to int32.
//   I16_FC32: int32 bias (ruy): y wrapped to int32, single-rounding fixed-point multiplier.
//
// Packed B (packI16Weights in src/kernels/simd/gemm_i16.ts): ceil(N/8) panels of a 192-byte header
//   [m f64[8], c f64[8], scale f64[8] (I16_FC64) | multiplier i32[8], shift i32[8] (I16_FC32)]
// then per k-pair p: [B[2p][c], B[2p+1][c]] for c = 0…7 as i16 (32 bytes); zero-padded past N.
// A is in the A4 layout of gemm_q8.ts (4 rows interleaved per k-pair, as i16).
import { interleaveA4, storeTransposed } from './gemm_q8';

export const I16_HEADER: usize = 192;
export const I16_FLOOR: i32 = 0;
export const I16_FC64: i32 = 1;
export const I16_FC32: i32 = 2;

/** 1.5 · 2^52: adding it to |y| < 2^51 rounds y to an integer, whose low 32 bits land in the low word. */
const MAGIC: f64 = 6755399441055744.0;

// @ts-ignore: decorator
@inline function panelBytes(kp: i32): usize {
  return I16_HEADER + (<usize>kp << 5);
}

/** y = f64(acc lanes 0, 1) · m + c. */
// @ts-ignore: decorator
@inline export function yLo(acc: v128, m: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(acc), m), c);
}
/** y = f64(acc lanes 2, 3) · m + c. */
// @ts-ignore: decorator
@inline export function yHi(acc: v128, m: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(i32x4.shuffle(acc, acc, 2, 3, 2, 3)), m), c);
}

/** The int32 values nearest to y0 (lanes 0, 1) and y1 (lanes 2, 3), wrapped. */
// @ts-ignore: decorator
@inline export function round4(y0: v128, y1: v128): v128 {
  const vm = f64x2.splat(MAGIC);
  return i32x4.shuffle(f64x2.add(y0, vm), f64x2.add(y1, vm), 0, 2, 4, 6);
}

/** Eight int32 values (r0: 0–3, r1: 4–7) to int16, clamped to [lo, hi]. */
// @ts-ignore: decorator
@inline export function clamp16(r0: v128, r1: v128, vlo: v128, vhi: v128): v128 {
  return i16x8.min_s(i16x8.max_s(i16x8.narrow_i32x4_s(r0, r1), vlo), vhi);
}

/** The scalar form of the y → int32 rounding above (the value nearest to y, wrapped). */
// @ts-ignore: decorator
@inline export function round1(y: f64): i32 {
  return <i32>reinterpret<i64>(y + MAGIC);
}

/** Stores the first `nr` (1…8) int16 lanes of v. */
// @ts-ignore: decorator
@inline export function storeI16(p: usize, v: v128, nr: i32): void {
  if (nr == 8) {
    v128.store(p, v);
    return;
  }
  let lo = i64x2.extract_lane(v, 0);
  if (nr >= 4) {
    store<i64>(p, lo);
    lo = i64x2.extract_lane(v, 1);
    p += 8;
    nr -= 4;
  }
  if (nr & 2) {
    store<u32>(p, <u32>lo);
    lo >>= 32;
    p += 4;
  }
  if (nr & 1) store<u16>(p, <u16>lo);
}

/** One row's 8 accumulators (acc0: columns 0–3, acc1: 4–7) as y = acc · m + c into t (8 f64), or added to it. */
// @ts-ignore: decorator
@inline function flushRow(t: usize, acc0: v128, acc1: v128, w: usize, first: bool): void {
  const m0 = v128.load(w), m1 = v128.load(w, 16), m2 = v128.load(w, 32), m3 = v128.load(w, 48);
  if (first) {
    v128.store(t, yLo(acc0, m0, v128.load(w, 64)));
    v128.store(t, yHi(acc0, m1, v128.load(w, 80)), 16);
    v128.store(t, yLo(acc1, m2, v128.load(w, 96)), 32);
    v128.store(t, yHi(acc1, m3, v128.load(w, 112)), 48);
  } else {
    v128.store(t, yLo(acc0, m0, v128.load(t)));
    v128.store(t, yHi(acc0, m1, v128.load(t, 16)), 16);
    v128.store(t, yLo(acc1, m2, v128.load(t, 32)), 32);
    v128.store(t, yHi(acc1, m3, v128.load(t, 48)), 48);
  }
}

/** Stores the first nr outputs of one row from its 8 y values at t, as `mode` finishes them. */
// @ts-ignore: decorator
@inline function finishRow(t: usize, w: usize, c: usize, nr: i32, mode: i32, lo: i32, hi: i32): void {
  if (mode == I16_FLOOR) {
    const r0 = round4(v128.load(t), v128.load(t, 16)), r1 = round4(v128.load(t, 32), v128.load(t, 48));
    storeI16(c, clamp16(r0, r1, i16x8.splat(<i16>lo), i16x8.splat(<i16>hi)), nr);
    return;
  }
  for (let j = 0; j < nr; j++) {
    const y = load<f64>(t + (<usize>j << 3));
    let v: i32;
    if (mode == I16_FC64) {
      // TfLiteRound (half away from zero) of y · scale; the saturating int32 cast and the clamp
      // together are the clamp to [lo, hi].
      const x = y * load<f64>(w + 128 + (<usize>j << 3));
      const tr = trunc<f64>(x);
      const r = abs<f64>(x - tr) >= 0.5 ? tr + (x < 0 ? -1.0 : 1.0) : tr;
      v = <i32>(r < <f64>lo ? <f64>lo : r > <f64>hi ? <f64>hi : r);
    } else {
      // ruy's single rounding on the int32-wrapped sum; 1 ≤ 31 − shift ≤ 62 (checked in prepare).
      const total = <i64>(31 - load<i32>(w + 160 + (<usize>j << 2)));
      const x = <i64><i32>(<i64>y);
      v = <i32>((x * <i64>load<i32>(w + 128 + (<usize>j << 2)) + (<i64>1 << (total - 1))) >> total);
    }
    store<i16>(c + (<usize>j << 1), <i16>(v < lo ? lo : v > hi ? hi : v));
  }
}

/**
 * One A4 block (4 rows) × one panel. `whole` (FLOOR mode, K in one block): requantized straight
 * from the accumulators; otherwise each block's sums go into y in tmp, finished at the end. With
 * fewer rows, c1…c3 alias the last real row: rows are stored highest first, the real row last.
 */
// @ts-ignore: decorator
@inline function tile4x8(
  kp: i32, blk: i32, a: usize, w: usize,
  c0: usize, c1: usize, c2: usize, c3: usize, nr: i32,
  mode: i32, whole: bool, lo: i32, hi: i32, tmp: usize,
): void {
  let b = w + I16_HEADER;
  if (whole) {
    // One block, FLOOR mode: requantize straight from the accumulators.
    const z = i32x4.splat(0);
    let acc00 = z, acc01 = z, acc10 = z, acc11 = z, acc20 = z, acc21 = z, acc30 = z, acc31 = z;
    const end = b + (<usize>kp << 5);
    while (b < end) {
      const b0 = v128.load(b), b1 = v128.load(b, 16);
      const x0 = v128.load32_splat(a);
      acc00 = i32x4.add(acc00, i32x4.dot_i16x8_s(x0, b0));
      acc01 = i32x4.add(acc01, i32x4.dot_i16x8_s(x0, b1));
      const x1 = v128.load32_splat(a, 4);
      acc10 = i32x4.add(acc10, i32x4.dot_i16x8_s(x1, b0));
      acc11 = i32x4.add(acc11, i32x4.dot_i16x8_s(x1, b1));
      const x2 = v128.load32_splat(a, 8);
      acc20 = i32x4.add(acc20, i32x4.dot_i16x8_s(x2, b0));
      acc21 = i32x4.add(acc21, i32x4.dot_i16x8_s(x2, b1));
      const x3 = v128.load32_splat(a, 12);
      acc30 = i32x4.add(acc30, i32x4.dot_i16x8_s(x3, b0));
      acc31 = i32x4.add(acc31, i32x4.dot_i16x8_s(x3, b1));
      a += 16;
      b += 32;
    }
    const m0 = v128.load(w), m1 = v128.load(w, 16), m2 = v128.load(w, 32), m3 = v128.load(w, 48);
    const k0 = v128.load(w, 64), k1 = v128.load(w, 80), k2 = v128.load(w, 96), k3 = v128.load(w, 112);
    const vlo = i16x8.splat(<i16>lo), vhi = i16x8.splat(<i16>hi);
    // Highest row first: an aliased pointer (fewer than 4 rows) gets the real row last.
    storeI16(c3, clamp16(round4(yLo(acc30, m0, k0), yHi(acc30, m1, k1)), round4(yLo(acc31, m2, k2), yHi(acc31, m3, k3)), vlo, vhi), nr);
    storeI16(c2, clamp16(round4(yLo(acc20, m0, k0), yHi(acc20, m1, k1)), round4(yLo(acc21, m2, k2), yHi(acc21, m3, k3)), vlo, vhi), nr);
    storeI16(c1, clamp16(round4(yLo(acc10, m0, k0), yHi(acc10, m1, k1)), round4(yLo(acc11, m2, k2), yHi(acc11, m3, k3)), vlo, vhi), nr);
    storeI16(c0, clamp16(round4(yLo(acc00, m0, k0), yHi(acc00, m1, k1)), round4(yLo(acc01, m2, k2), yHi(acc01, m3, k3)), vlo, vhi), nr);
    return;
  }
  // Blocks of blk k-pairs, their sums kept as y in tmp (4 rows × 8 f64).
  for (let p0 = 0; p0 < kp; p0 += blk) {
    const z = i32x4.splat(0);
    let acc00 = z, acc01 = z, acc10 = z, acc11 = z, acc20 = z, acc21 = z, acc30 = z, acc31 = z;
    const end = b + (<usize>min(blk, kp - p0) << 5);
    while (b < end) {
      const b0 = v128.load(b), b1 = v128.load(b, 16);
      const x0 = v128.load32_splat(a);
      acc00 = i32x4.add(acc00, i32x4.dot_i16x8_s(x0, b0));
      acc01 = i32x4.add(acc01, i32x4.dot_i16x8_s(x0, b1));
      const x1 = v128.load32_splat(a, 4);
      acc10 = i32x4.add(acc10, i32x4.dot_i16x8_s(x1, b0));
      acc11 = i32x4.add(acc11, i32x4.dot_i16x8_s(x1, b1));
      const x2 = v128.load32_splat(a, 8);
      acc20 = i32x4.add(acc20, i32x4.dot_i16x8_s(x2, b0));
      acc21 = i32x4.add(acc21, i32x4.dot_i16x8_s(x2, b1));
      const x3 = v128.load32_splat(a, 12);
      acc30 = i32x4.add(acc30, i32x4.dot_i16x8_s(x3, b0));
      acc31 = i32x4.add(acc31, i32x4.dot_i16x8_s(x3, b1));
      a += 16;
      b += 32;
    }
    const first = p0 == 0;
    flushRow(tmp, acc00, acc01, w, first);
    flushRow(tmp + 64, acc10, acc11, w, first);
    flushRow(tmp + 128, acc20, acc21, w, first);
    flushRow(tmp + 192, acc30, acc31, w, first);
  }
  finishRow(tmp + 192, w, c3, nr, mode, lo, hi);
  finishRow(tmp + 128, w, c2, nr, mode, lo, hi);
  finishRow(tmp + 64, w, c1, nr, mode, lo, hi);
  finishRow(tmp, w, c0, nr, mode, lo, hi);
}

/** Row 0 of an A4 block × one panel (matrix-vector products), through y in tmp. */
// @ts-ignore: decorator
@inline function tile1x8(kp: i32, blk: i32, a: usize, w: usize, c: usize, nr: i32, mode: i32, lo: i32, hi: i32, tmp: usize): void {
  let b = w + I16_HEADER;
  for (let p0 = 0; p0 < kp; p0 += blk) {
    const z = i32x4.splat(0);
    let acc0 = z, acc1 = z, acc2 = z, acc3 = z;
    const n = min(blk, kp - p0);
    let p = 0;
    for (; p + 2 <= n; p += 2) {
      const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a, 16);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(x0, v128.load(b)));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(x0, v128.load(b, 16)));
      acc2 = i32x4.add(acc2, i32x4.dot_i16x8_s(x1, v128.load(b, 32)));
      acc3 = i32x4.add(acc3, i32x4.dot_i16x8_s(x1, v128.load(b, 48)));
      a += 32;
      b += 64;
    }
    if (p < n) {
      const x0 = v128.load32_splat(a);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(x0, v128.load(b)));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(x0, v128.load(b, 16)));
      a += 16;
      b += 32;
    }
    flushRow(tmp, i32x4.add(acc0, acc2), i32x4.add(acc1, acc3), w, p0 == 0);
  }
  finishRow(tmp, w, c, nr, mode, lo, hi);
}

// @ts-ignore: decorator
@inline function gemmMode(
  m: i32, n: i32, kp: i32, blk: i32, a: usize, w: usize, c: usize, ldc: usize,
  mode: i32, whole: bool, lo: i32, hi: i32, tmp: usize,
): void {
  const pb = panelBytes(kp);
  const blockBytes = <usize>kp << 4;
  for (let i = 0; i < m; i += 4) {
    const rows = min(4, m - i);
    const a0 = a + <usize>(i >> 2) * blockBytes, c0 = c + <usize>i * ldc;
    let wp = w;
    if (rows == 1) {
      for (let j = 0; j < n; j += 8) {
        tile1x8(kp, blk, a0, wp, c0 + (<usize>j << 1), min(8, n - j), mode, lo, hi, tmp);
        wp += pb;
      }
      continue;
    }
    const c1 = c0 + ldc;
    const c2 = rows > 2 ? c1 + ldc : c1;
    const c3 = rows > 3 ? c2 + ldc : c2;
    for (let j = 0; j < n; j += 8) {
      const off = <usize>j << 1;
      tile4x8(kp, blk, a0, wp, c0 + off, c1 + off, c2 + off, c3 + off, min(8, n - j), mode, whole, lo, hi, tmp);
      wp += pb;
    }
  }
}

/**
 * C = requantize(A · packed B + bias): A in the A4 layout (kp k-pairs), n output columns, C rows
 * of int16 with byte stride ldc, clamped to [lo, hi]; blk: k-pairs per i32 block; tmp: 256 bytes.
 */
export function i16_gemm(
  m: i32, n: i32, kp: i32, blk: i32, a: usize, w: usize, c: usize, ldc: usize,
  mode: i32, lo: i32, hi: i32, tmp: usize,
): void {
  // Each mode (and FLOOR's one-block case) gets its own copy, with no mode test in its loops.
  if (mode == I16_FLOOR) {
    if (blk >= kp) gemmMode(m, n, kp, blk, a, w, c, ldc, I16_FLOOR, true, lo, hi, tmp);
    else gemmMode(m, n, kp, blk, a, w, c, ldc, I16_FLOOR, false, lo, hi, tmp);
  } else if (mode == I16_FC64) {
    gemmMode(m, n, kp, blk, a, w, c, ldc, I16_FC64, false, lo, hi, tmp);
  } else {
    gemmMode(m, n, kp, blk, a, w, c, ldc, I16_FC32, false, lo, hi, tmp);
  }
}

/**
 * Packs `rows` rows of k int16 values (src, byte stride srcStride) into the A4 layout at dst
 * (kp = ceil(k/2) pairs; the odd k's last pair completed with a zero).
 */
export function packA4I16(rows: i32, k: i32, src: usize, srcStride: usize, dst: usize, kp: i32): void {
  if (srcStride == <usize>kp << 2) {
    interleaveA4(rows, kp, src, dst); // even k, contiguous rows
    return;
  }
  const blockBytes = <usize>kp << 4;
  const k8 = k & ~7;
  for (let i = 0; i < rows; i += 4) {
    const n = min(4, rows - i);
    const s0 = src + <usize>i * srcStride;
    if (n == 4) {
      const s1 = s0 + srcStride, s2 = s1 + srcStride, s3 = s2 + srcStride;
      for (let e = 0; e < k8; e += 8) {
        const o = <usize>e << 1;
        storeTransposed(dst + (o << 2), v128.load(s0 + o), v128.load(s1 + o), v128.load(s2 + o), v128.load(s3 + o));
      }
    }
    const e0 = n == 4 ? k8 : 0;
    for (let r = 0; r < n; r++) {
      const sr = s0 + <usize>r * srcStride, dr = dst + (<usize>r << 2);
      for (let e = e0; e < k; e++) store<i16>(dr + (<usize>(e >> 1) << 4) + (<usize>(e & 1) << 1), load<i16>(sr + (<usize>e << 1)));
      if (k & 1) store<i16>(dr + (<usize>(k >> 1) << 4) + 2, 0);
    }
    dst += blockBytes;
  }
}

/**
 * FULLY_CONNECTED / pointwise convolution: rows [row0, row0 + rows) of k int16 values (byte
 * stride lda) times the packed weights into C (byte stride ldc), `tileRows` rows (a multiple of 4)
 * at a time packed into `scratch` (tileRows · 4 · kp bytes); tmp: 256 bytes.
 */
export function i16_gemm_rows(
  row0: i32, rows: i32, n: i32, k: i32, blk: i32, a: usize, lda: usize, w: usize, c: usize, ldc: usize,
  scratch: usize, tileRows: i32, mode: i32, lo: i32, hi: i32, tmp: usize,
): void {
  const kp = (k + 1) >> 1;
  for (let r = 0; r < rows; r += tileRows) {
    const t = min(tileRows, rows - r);
    const i = <usize>(row0 + r);
    packA4I16(t, k, a + i * lda, lda, scratch, kp);
    i16_gemm(t, n, kp, blk, scratch, w, c + i * ldc, ldc, mode, lo, hi, tmp);
  }
}

/**
 * Prepare-time help for packI16Weights (src/kernels/simd/gemm_i16.ts), in wasm because the same
 * loops in JS dominate a model's cold start: per row j of n rows of k int8 weights (+ offset),
 * sums[j] = Σ|w + offset| (i32); returns the largest |w + offset|.
 */
export function i16_weight_sums(w: usize, n: i32, k: i32, offset: i32, sums: usize): i32 {
  let maxAbs = 0;
  for (let j = 0; j < n; j++) {
    const row = w + <usize>j * k;
    let s = 0;
    for (let d = 0; d < k; d++) {
      const a = abs<i32>(<i32>load<i8>(row + <usize>d) + offset);
      s += a;
      maxAbs = max(maxAbs, a);
    }
    store<i32>(sums + (<usize>j << 2), s);
  }
  return maxAbs;
}

/** Writes the panel bodies (not the headers) of n rows of k int8 weights (+ offset) into the packed block at dst. */
export function i16_pack_panels(w: usize, n: i32, k: i32, offset: i32, dst: usize): void {
  const kp = (k + 1) >> 1;
  const pb = panelBytes(kp);
  for (let p = 0; p < n; p += 8) {
    const body = dst + <usize>(p >> 3) * pb + I16_HEADER;
    for (let c = 0; c < 8; c++) {
      const j = p + c;
      const col = body + (<usize>c << 2);
      if (j >= n) {
        for (let q = 0; q < kp; q++) store<u32>(col + (<usize>q << 5), 0);
        continue;
      }
      const row = w + <usize>j * k;
      for (let q = 0; q < kp; q++) {
        const d = q << 1;
        const lo = <i32>load<i8>(row + <usize>d) + offset;
        const hi = d + 1 < k ? <i32>load<i8>(row + <usize>(d + 1)) + offset : 0;
        store<u32>(col + (<usize>q << 5), <u32>(lo & 0xffff) | (<u32>hi << 16));
      }
    }
  }
}
