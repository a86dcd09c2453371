// 8-bit quantized GEMM (int8 and uint8 models) with the requantization fused into the tile:
//   C[M×N] (int8 or uint8) = requantize(A[M×K] · packed B + bias)
// Exact integer arithmetic in the 16-bit domain: A holds (x − input zero point) as i16 and B holds
// (w − weight zero point) as i16, both in [−255, 255], so i32x4.dot_i16x8_s never saturates and
// the i32 accumulators wrap exactly as the reference's `acc | 0`.
//
// Packed A ("A4", written by packA4 / interleaveA4 from the 8-bit input or an im2col tile; K padded
// to even with a zero): per block of 4 rows, per k-pair p, 16 bytes holding the four rows' pairs
// (A[r][2p], A[r][2p+1]), r = 0…3 (rows past M: anything). One pointer walks a block with
// immediate offsets, so the inner loop has next to no scalar work; this and A pre-widened to i16
// (one v128.load32_splat per row and k-pair) made the tile ~1.3× faster than the int8-A design of
// ../shared/notes/kernels-toolchain.md on this machine (bench/simd-q8.md).
//
// Packed B (packQ8Weights in src/kernels/simd/gemm_q8.ts): ceil(N/8) panels of
//   [bias i32[8], scale f32[8], multiplier i32[8], shift i32[8]]  (128-byte header)
//   then for each k-pair p: [B[2p][c], B[2p+1][c]] for c = 0…7 as i16  (32 bytes per k-pair)
// zero-padded past N. Register tile 4×8: per k-pair four load32_splat (one per row) against the
// two B vectors (columns 0–3 and 4–7), i32x4.dot_i16x8_s + i32x4.add.
//
// Requantization (`mode`), as the reference kernels compute it:
//   Q8_FP32   (CONV_2D, DEPTHWISE_CONV_2D; XNNPACK's fp32 requantization): float32(acc) · scale in
//             float32, rounded half to even, + zero point, clamped; in SIMD (rqFp32).
//   Q8_SINGLE (int8 FULLY_CONNECTED, ruy): (acc · multiplier + 2^(30 − shift)) >> (31 − shift) in int64.
//   Q8_DOUBLE (uint8 FULLY_CONNECTED, gemmlowp): SaturatingRoundingDoublingHighMul + RoundingDivideByPOT.
// The fixed-point modes go through `tmp` (128 bytes) and scalar code: they serve FULLY_CONNECTED,
// whose outputs are few next to its multiply-adds. Activations and outputs are both int8 or both
// uint8 (`u8`); the code is instantiated for each (T = i8 or u8), so no type test runs in a loop.
// Every pointer is a byte offset into the imported memory; nothing here allocates.

export const Q8_NR: i32 = 8;
export const Q8_HEADER: usize = 128;
export const Q8_FP32: i32 = 0;
export const Q8_SINGLE: i32 = 1;
export const Q8_DOUBLE: i32 = 2;

/** Bytes of one packed panel for `kp` k-pairs. */
// @ts-ignore: decorator
@inline export function q8PanelBytes(kp: i32): usize {
  return Q8_HEADER + (<usize>kp << 5);
}

/** 1.5 · 2^23: adding it to |x| < 2^22 rounds x to an integer, half to even, in the low mantissa bits. */
export const MAGIC: f32 = 12582912.0;
export const MAGIC_BITS: i32 = 0x4b400000;

// The fp32 requantization (XNNPACK's "fp32 magic" form): float32(acc) · scale, plus MAGIC (which
// rounds it half to even), clamped below in the integer domain, the zero point added (rqFp32); the
// upper clamp after the narrowing to 8 bits (narrow2). For output zero point zp and clamp [lo, hi]:
//   vmin = MAGIC_BITS + lo − zp (the lower clamp on the biased bits), vbias = MAGIC_BITS − zp,
//   vmax = hi in every byte.

/** The i32x4 output values (lower clamp applied) of one i32x4 of accumulators. */
// @ts-ignore: decorator
@inline export function rqFp32(acc: v128, scale: v128, vmin: v128, vbias: v128): v128 {
  // convert_i32x4_s rounds to nearest even (Math.fround of the int32); the product is float32's.
  const x = f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(acc), scale), f32x4.splat(MAGIC));
  // Float bits are monotone in the value (negative floats are negative i32), so the clamp commutes
  // with the rounding; |x| ≥ 2^22, where the magic add rounds wrongly, ends clamped either way.
  return i32x4.sub(i32x4.max_s(x, vmin), vbias);
}

/**
 * Two rows of output lanes (a0, a1: row a; b0, b1: row b) to 16 bytes of T (i8 or u8), clamped
 * above by vmax: row a in bytes 0–7, row b in 8–15. The saturating narrowings keep the order, and
 * [lo, hi] lies inside T's range, so clamping after them is exact.
 */
// @ts-ignore: decorator
@inline export function narrow2<T>(a0: v128, a1: v128, b0: v128, b1: v128, vmax: v128): v128 {
  const a = i16x8.narrow_i32x4_s(a0, a1), b = i16x8.narrow_i32x4_s(b0, b1);
  if (isSigned<T>()) return i8x16.min_s(i8x16.narrow_i16x8_s(a, b), vmax);
  return i8x16.min_u(i8x16.narrow_i16x8_u(a, b), vmax);
}

/** Stores the low `n` (1…7) bytes of `v`. */
// @ts-ignore: decorator
@inline export function storeBytes(p: usize, v: i64, n: i32): void {
  if (n >= 4) {
    store<u32>(p, <u32>v);
    v >>= 32;
    p += 4;
    n -= 4;
  }
  if (n & 2) {
    store<u16>(p, <u16>v);
    v >>= 16;
    p += 2;
  }
  if (n & 1) store<u8>(p, <u8>v);
}

/** Stores the first `nr` bytes of row 0 (bytes 0–7) or row 1 (bytes 8–15) of `v`. */
// @ts-ignore: decorator
@inline export function storeRow0(p: usize, v: v128, nr: i32): void {
  if (nr == 8) v128.store64_lane(p, v, 0);
  else storeBytes(p, i64x2.extract_lane(v, 0), nr);
}
// @ts-ignore: decorator
@inline function storeRow1(p: usize, v: v128, nr: i32): void {
  if (nr == 8) v128.store64_lane(p, v, 1);
  else storeBytes(p, i64x2.extract_lane(v, 1), nr);
}

/** The fixed-point requantizations of FULLY_CONNECTED (mode Q8_SINGLE or Q8_DOUBLE), before the zero point. */
// @ts-ignore: decorator
@inline export function rqFixed(x: i32, m: i32, shift: i32, mode: i32): i32 {
  if (mode == Q8_SINGLE) {
    // shift ≤ 14 (checked in prepare): 17 ≤ total ≤ 62, and |x · m| < 2^62 leaves room for the rounding bit.
    const total = <i64>(31 - shift);
    return <i32>((<i64>x * <i64>m + (<i64>1 << (total - 1))) >> total);
  }
  const left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  // SaturatingRoundingDoublingHighMul: floor((a·b + 2^30) / 2^31) (m ≥ 0, so no INT32_MIN² case).
  const v = <i32>((<i64>(x << left) * <i64>m + (<i64>1 << 30)) >> 31);
  // RoundingDivideByPOT.
  const mask = (1 << right) - 1;
  const threshold = (mask >> 1) + (v < 0 ? 1 : 0);
  return (v >> right) + ((v & mask) > threshold ? 1 : 0);
}

/** Requantizes `rows` × `nr` accumulators stored at tmp (rows of 8 i32) in a fixed-point mode, stores them. */
function storeFixed(
  tmp: usize, rows: i32, nr: i32, w: usize, mode: i32, zp: i32, lo: i32, hi: i32,
  c0: usize, c1: usize, c2: usize, c3: usize,
): void {
  for (let r = 0; r < rows; r++) {
    const c = r == 0 ? c0 : r == 1 ? c1 : r == 2 ? c2 : c3;
    for (let j = 0; j < nr; j++) {
      const acc = load<i32>(tmp + (<usize>(r * 8 + j) << 2));
      const q = rqFixed(acc, load<i32>(w + 64 + (<usize>j << 2)), load<i32>(w + 96 + (<usize>j << 2)), mode);
      let v = <i64>q + zp;
      v = v < lo ? lo : v > hi ? hi : v;
      store<u8>(c + j, <u8>v);
    }
  }
}

/**
 * One A4 block (4 rows) × one 8-column panel. With fewer rows, c1…c3 alias the last real row: the
 * rows are stored highest first, so the real row is written last.
 */
// @ts-ignore: decorator
@inline function tile4x8<T>(
  kp: i32, a: usize, w: usize,
  c0: usize, c1: usize, c2: usize, c3: usize, nr: i32, rows: i32,
  mode: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  let acc00 = v128.load(w), acc01 = v128.load(w, 16);
  let acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  let b = w + Q8_HEADER;
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
  if (mode == Q8_FP32) {
    const s0 = v128.load(w, 32), s1 = v128.load(w, 48);
    const vmin = i32x4.splat(MAGIC_BITS + lo - zp), vb = i32x4.splat(MAGIC_BITS - zp), vmax = i8x16.splat(<i8>hi);
    const v01 = narrow2<T>(rqFp32(acc00, s0, vmin, vb), rqFp32(acc01, s1, vmin, vb), rqFp32(acc10, s0, vmin, vb), rqFp32(acc11, s1, vmin, vb), vmax);
    const v23 = narrow2<T>(rqFp32(acc20, s0, vmin, vb), rqFp32(acc21, s1, vmin, vb), rqFp32(acc30, s0, vmin, vb), rqFp32(acc31, s1, vmin, vb), vmax);
    // Highest row first: an aliased pointer gets the real row last.
    storeRow1(c3, v23, nr);
    storeRow0(c2, v23, nr);
    storeRow1(c1, v01, nr);
    storeRow0(c0, v01, nr);
  } else {
    v128.store(tmp, acc00); v128.store(tmp, acc01, 16);
    v128.store(tmp, acc10, 32); v128.store(tmp, acc11, 48);
    v128.store(tmp, acc20, 64); v128.store(tmp, acc21, 80);
    v128.store(tmp, acc30, 96); v128.store(tmp, acc31, 112);
    storeFixed(tmp, rows, nr, w, mode, zp, lo, hi, c0, c1, c2, c3);
  }
}

/** Row 0 of an A4 block × one panel (matrix-vector products): two accumulator pairs over alternate k-pairs. */
// @ts-ignore: decorator
@inline function tile1x8<T>(
  kp: i32, a: usize, w: usize, c: usize, nr: i32, mode: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  let acc0 = v128.load(w), acc1 = v128.load(w, 16);
  let acc2 = i32x4.splat(0), acc3 = acc2;
  let b = w + Q8_HEADER;
  let p = 0;
  for (; p + 2 <= kp; p += 2) {
    const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a, 16);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(x0, v128.load(b)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(x0, v128.load(b, 16)));
    acc2 = i32x4.add(acc2, i32x4.dot_i16x8_s(x1, v128.load(b, 32)));
    acc3 = i32x4.add(acc3, i32x4.dot_i16x8_s(x1, v128.load(b, 48)));
    a += 32;
    b += 64;
  }
  if (p < kp) {
    const x0 = v128.load32_splat(a);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(x0, v128.load(b)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(x0, v128.load(b, 16)));
  }
  acc0 = i32x4.add(acc0, acc2);
  acc1 = i32x4.add(acc1, acc3);
  if (mode == Q8_FP32) {
    const vmin = i32x4.splat(MAGIC_BITS + lo - zp), vb = i32x4.splat(MAGIC_BITS - zp);
    const r0 = rqFp32(acc0, v128.load(w, 32), vmin, vb), r1 = rqFp32(acc1, v128.load(w, 48), vmin, vb);
    storeRow0(c, narrow2<T>(r0, r1, r0, r1, i8x16.splat(<i8>hi)), nr);
  } else {
    v128.store(tmp, acc0);
    v128.store(tmp, acc1, 16);
    storeFixed(tmp, 1, nr, w, mode, zp, lo, hi, c, c, c, c);
  }
}

/**
 * C = requantize(A · packed B + bias): A in the A4 layout (kp k-pairs, K = 2·kp), n output
 * columns, C rows of 8-bit values with byte stride ldc; zp, lo, hi: output zero point and clamp;
 * u8: uint8 output (else int8); tmp: 128 bytes for the fixed-point modes.
 */
export function q8_gemm(
  m: i32, n: i32, kp: i32, a: usize, w: usize, c: usize, ldc: usize,
  mode: i32, u8: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  if (u8) gemm<u8>(m, n, kp, a, w, c, ldc, mode, zp, lo, hi, tmp);
  else gemm<i8>(m, n, kp, a, w, c, ldc, mode, zp, lo, hi, tmp);
}

/**
 * q8_gemm for output type T. Row blocks go through every panel; a last block of a single row
 * through the 1-row tile.
 */
function gemm<T>(
  m: i32, n: i32, kp: i32, a: usize, w: usize, c: usize, ldc: usize,
  mode: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  // The fp32 mode (convolutions) gets its own copy, with no mode test in it.
  if (mode == Q8_FP32) gemmMode<T>(m, n, kp, a, w, c, ldc, Q8_FP32, zp, lo, hi, tmp);
  else gemmMode<T>(m, n, kp, a, w, c, ldc, mode, zp, lo, hi, tmp);
}

// @ts-ignore: decorator
@inline function gemmMode<T>(
  m: i32, n: i32, kp: i32, a: usize, w: usize, c: usize, ldc: usize,
  mode: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  const pb = q8PanelBytes(kp);
  const blockBytes = <usize>kp << 4;
  for (let i = 0; i < m; i += 4) {
    const rows = min(4, m - i);
    const a0 = a + <usize>(i >> 2) * blockBytes, c0 = c + <usize>i * ldc;
    let wp = w;
    if (rows == 1) {
      for (let j = 0; j < n; j += Q8_NR) {
        tile1x8<T>(kp, a0, wp, c0 + <usize>j, min(Q8_NR, n - j), mode, zp, lo, hi, tmp);
        wp += pb;
      }
      continue;
    }
    const c1 = c0 + ldc;
    const c2 = rows > 2 ? c1 + ldc : c1;
    const c3 = rows > 3 ? c2 + ldc : c2;
    for (let j = 0; j < n; j += Q8_NR) {
      const off = <usize>j;
      tile4x8<T>(kp, a0, wp, c0 + off, c1 + off, c2 + off, c3 + off, min(Q8_NR, n - j), rows, mode, zp, lo, hi, tmp);
      wp += pb;
    }
  }
}

/** The 4×4 transpose of i32 lanes: rows v0…v3 (4 pairs of one A row each) to 4 k-pairs of the A4 layout at dst. */
// @ts-ignore: decorator
@inline export function storeTransposed(dst: usize, v0: v128, v1: v128, v2: v128, v3: v128): void {
  const t0 = i32x4.shuffle(v0, v1, 0, 4, 1, 5), t1 = i32x4.shuffle(v2, v3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(v0, v1, 2, 6, 3, 7), t3 = i32x4.shuffle(v2, v3, 2, 6, 3, 7);
  v128.store(dst, i64x2.shuffle(t0, t1, 0, 2));
  v128.store(dst, i64x2.shuffle(t0, t1, 1, 3), 16);
  v128.store(dst, i64x2.shuffle(t2, t3, 0, 2), 32);
  v128.store(dst, i64x2.shuffle(t2, t3, 1, 3), 48);
}

/** Byte offset of element e of row r (0…3) within an A4 block. */
// @ts-ignore: decorator
@inline function a4Offset(r: i32, e: i32): usize {
  return (<usize>(e >> 1) << 4) + (<usize>r << 2) + (<usize>(e & 1) << 1);
}

/**
 * Packs `rows` rows of k values of T (src, byte stride srcStride) as (x − zp) in i16 into the A4
 * layout at dst (kp = ceil(k/2) pairs; the odd k's last pair completed with a zero).
 */
// @ts-ignore: decorator
@inline function packA4<T>(rows: i32, k: i32, src: usize, srcStride: usize, dst: usize, kp: i32, zp: i32): void {
  const blockBytes = <usize>kp << 4;
  const vzp = i16x8.splat(<i16>zp);
  const k8 = k & ~7;
  for (let i = 0; i < rows; i += 4) {
    const n = min(4, rows - i);
    const s0 = src + <usize>i * srcStride;
    if (n == 4) {
      const s1 = s0 + srcStride, s2 = s1 + srcStride, s3 = s2 + srcStride;
      for (let e = 0; e < k8; e += 8) {
        const o = <usize>e;
        storeTransposed(
          dst + (o << 3),
          i16x8.sub(load8x8<T>(s0 + o), vzp), i16x8.sub(load8x8<T>(s1 + o), vzp),
          i16x8.sub(load8x8<T>(s2 + o), vzp), i16x8.sub(load8x8<T>(s3 + o), vzp),
        );
      }
    }
    const e0 = n == 4 ? k8 : 0;
    for (let r = 0; r < n; r++) {
      const sr = s0 + <usize>r * srcStride;
      for (let e = e0; e < k; e++) store<i16>(dst + a4Offset(r, e), <i16>(<i32>load<T>(sr + <usize>e) - zp));
      if (k & 1) store<i16>(dst + a4Offset(r, k), 0);
    }
    dst += blockBytes;
  }
}

/**
 * Rows of 2·kp i16 values (src, contiguous, 4·kp bytes each: an im2col tile) into the A4 layout at dst.
 */
export function interleaveA4(rows: i32, kp: i32, src: usize, dst: usize): void {
  const rowBytes = <usize>kp << 2;
  const kp4 = kp & ~3;
  for (let i = 0; i < rows; i += 4) {
    const n = min(4, rows - i);
    const s0 = src + <usize>i * rowBytes;
    if (n == 4) {
      const s1 = s0 + rowBytes, s2 = s1 + rowBytes, s3 = s2 + rowBytes;
      for (let p = 0; p < kp4; p += 4) {
        const o = <usize>p << 2;
        storeTransposed(dst + (o << 2), v128.load(s0 + o), v128.load(s1 + o), v128.load(s2 + o), v128.load(s3 + o));
      }
    }
    const p0 = n == 4 ? kp4 : 0;
    for (let r = 0; r < n; r++) {
      const sr = s0 + <usize>r * rowBytes;
      for (let p = p0; p < kp; p++) store<u32>(dst + (<usize>p << 4) + (<usize>r << 2), load<u32>(sr + (<usize>p << 2)));
    }
    dst += <usize>kp << 4;
  }
}

/**
 * dst[i] = src[i] − zp as i16 for i < n (src of T: i8 or u8). Runs of 8 or more end with an
 * overlapping vector (no scalar tail), so src must hold n bytes only.
 */
// @ts-ignore: decorator
@inline export function widenRow<T>(src: usize, dst: usize, n: i32, zp: i32): void {
  if (n >= 8) {
    const vzp = i16x8.splat(<i16>zp);
    const last = <usize>(n - 8);
    for (let i: usize = 0; i < last; i += 8) v128.store(dst + (i << 1), i16x8.sub(load8x8<T>(src + i), vzp));
    v128.store(dst + (last << 1), i16x8.sub(load8x8<T>(src + last), vzp));
  } else {
    for (let i = 0; i < n; i++) store<i16>(dst + (<usize>i << 1), <i16>(<i32>load<T>(src + <usize>i) - zp));
  }
}

/** 8 values of T (i8 or u8) widened to i16x8. */
// @ts-ignore: decorator
@inline export function load8x8<T>(p: usize): v128 {
  if (isSigned<T>()) return v128.load8x8_s(p);
  return v128.load8x8_u(p);
}

/**
 * FULLY_CONNECTED / pointwise convolution: `rows` rows of k 8-bit values (byte stride lda; uint8
 * when u8, else int8, output of the same type) times the packed weights, `tileRows` rows (a
 * multiple of 4) at a time packed into `scratch` (tileRows · 4 · kp bytes) in the A4 layout.
 */
export function q8_gemm_rows(
  rows: i32, n: i32, k: i32, a: usize, lda: usize, w: usize, c: usize, ldc: usize, scratch: usize, tileRows: i32,
  zpIn: i32, u8: i32, mode: i32, zp: i32, lo: i32, hi: i32, tmp: usize,
): void {
  const kp = (k + 1) >> 1;
  for (let r = 0; r < rows; r += tileRows) {
    const t = min(tileRows, rows - r);
    if (u8) {
      packA4<u8>(t, k, a + <usize>r * lda, lda, scratch, kp, zpIn);
      gemm<u8>(t, n, kp, scratch, w, c + <usize>r * ldc, ldc, mode, zp, lo, hi, tmp);
    } else {
      packA4<i8>(t, k, a + <usize>r * lda, lda, scratch, kp, zpIn);
      gemm<i8>(t, n, kp, scratch, w, c + <usize>r * ldc, ldc, mode, zp, lo, hi, tmp);
    }
  }
}
