// f32 GEMM over weights packed once into 8-column panels (XNNPACK's "loadsplat" sgemm design):
//   C[M×N] = clamp(A[M×K] · B[K×N] + bias, lo, hi)
// Packed B (see packGemmWeights in src/kernels/simd/tier.ts): ceil(N/8) panels of
//   [bias[8], B[0][0..8), B[1][0..8), …, B[K-1][0..8)]  (f32, zero-padded past N),
// i.e. (K + 1) · 32 bytes per panel. A and C are row-major with byte strides lda / ldc.
// Register tile 4×8: 8 f32x4 accumulators, each k broadcasts one A value per row
// (v128.load32_splat) against two B vectors. Bias and the fused activation's clamp are applied
// by the tile itself (accumulators start at the bias; the store clamps). Each block of 4 rows of
// A is first interleaved into `pack` ([k][4] floats: a 4×4 transpose per 4 depths), so that the
// tile's loop reads A through one pointer at fixed offsets and counts on B's: 12–20% more
// GFLOP/s than four row pointers (bench/simd-f32.md).
// Every pointer is a byte offset into the imported memory; nothing here allocates.

export const NR: i32 = 8;
export const MR: i32 = 4;

/** Bytes of one packed panel for depth `k`. */
// @ts-ignore: decorator
@inline export function panelBytes(k: i32): usize {
  return (<usize>k + 1) << 5;
}

// Stores the first `n` (0…7) lanes of the 8-wide row (v0, v1) at p.
// @ts-ignore: decorator
@inline export function storePartial(p: usize, v0: v128, v1: v128, n: i32): void {
  if (n >= 4) {
    v128.store(p, v0);
    v0 = v1;
    p += 16;
    n -= 4;
  }
  if (n & 2) {
    v128.store64_lane(p, v0, 0);
    v0 = v128.shuffle<i64>(v0, v0, 1, 1);
    p += 8;
  }
  if (n & 1) v128.store32_lane(p, v0, 0);
}

// @ts-ignore: decorator
@inline export function clamp(v: v128, lo: v128, hi: v128): v128 {
  // pmax/pmin are single x86 instructions; in this order a NaN passes through as in the
  // reference (`acc < min ? min : acc > max ? max : acc`).
  return f32x4.pmin(f32x4.pmax(v, lo), hi);
}

/**
 * Rows a0…a3 (a1…a3 may alias a0: fewer rows) interleaved into `pack`: depth d's four values at
 * pack + 16·d, four depths at a time as a 4×4 transpose.
 */
// @ts-ignore: decorator
@inline function packRows4(k: i32, a0: usize, a1: usize, a2: usize, a3: usize, pack: usize): void {
  let d = 0;
  for (; d + 4 <= k; d += 4) {
    const o = <usize>d << 2;
    const r0 = v128.load(a0 + o), r1 = v128.load(a1 + o), r2 = v128.load(a2 + o), r3 = v128.load(a3 + o);
    const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5), t1 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
    const t2 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7), t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
    const q = pack + (o << 2);
    v128.store(q, v128.shuffle<i32>(t0, t1, 0, 1, 4, 5));
    v128.store(q, v128.shuffle<i32>(t0, t1, 2, 3, 6, 7), 16);
    v128.store(q, v128.shuffle<i32>(t2, t3, 0, 1, 4, 5), 32);
    v128.store(q, v128.shuffle<i32>(t2, t3, 2, 3, 6, 7), 48);
  }
  for (; d < k; d++) {
    const o = <usize>d << 2, q = pack + (o << 2);
    store<f32>(q, load<f32>(a0 + o));
    store<f32>(q, load<f32>(a1 + o), 4);
    store<f32>(q, load<f32>(a2 + o), 8);
    store<f32>(q, load<f32>(a3 + o), 12);
  }
}

/** Four packed rows (packRows4) × one 8-column panel; rows c1…c3 may alias c0 (fewer rows). k ≥ 1. */
// @ts-ignore: decorator
@inline function tile4x8(
  k: i32, pack: usize, w: usize, c0: usize, c1: usize, c2: usize, c3: usize, nr: i32, lo: v128, hi: v128,
): void {
  let acc00 = v128.load(w), acc01 = v128.load(w, 16);
  let acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  let p = pack, b = w + 32;
  const end = b + (<usize>k << 5);
  do {
    const x0 = v128.load32_splat(p), x1 = v128.load32_splat(p, 4);
    const b0 = v128.load(b);
    acc00 = f32x4.add(acc00, f32x4.mul(x0, b0));
    acc10 = f32x4.add(acc10, f32x4.mul(x1, b0));
    const b1 = v128.load(b, 16);
    acc01 = f32x4.add(acc01, f32x4.mul(x0, b1));
    acc11 = f32x4.add(acc11, f32x4.mul(x1, b1));
    const x2 = v128.load32_splat(p, 8), x3 = v128.load32_splat(p, 12);
    acc20 = f32x4.add(acc20, f32x4.mul(x2, b0));
    acc30 = f32x4.add(acc30, f32x4.mul(x3, b0));
    acc21 = f32x4.add(acc21, f32x4.mul(x2, b1));
    acc31 = f32x4.add(acc31, f32x4.mul(x3, b1));
    p += 16;
    b += 32;
  } while (b < end);
  acc00 = clamp(acc00, lo, hi); acc01 = clamp(acc01, lo, hi);
  acc10 = clamp(acc10, lo, hi); acc11 = clamp(acc11, lo, hi);
  acc20 = clamp(acc20, lo, hi); acc21 = clamp(acc21, lo, hi);
  acc30 = clamp(acc30, lo, hi); acc31 = clamp(acc31, lo, hi);
  if (nr == 8) {
    // Highest row first: aliased rows hold the same values, so the order does not matter.
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

/** One row × one panel (matrix-vector products): two interleaved accumulator pairs hide the add latency. */
// @ts-ignore: decorator
@inline function tile1x8(k: i32, a: usize, w: usize, c: usize, nr: i32, lo: v128, hi: v128): void {
  let acc0 = v128.load(w), acc1 = v128.load(w, 16);
  let acc2 = f32x4.splat(0), acc3 = f32x4.splat(0);
  w += 32;
  let kk = 0;
  for (; kk + 2 <= k; kk += 2) {
    const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a, 4);
    acc0 = f32x4.add(acc0, f32x4.mul(x0, v128.load(w)));
    acc1 = f32x4.add(acc1, f32x4.mul(x0, v128.load(w, 16)));
    acc2 = f32x4.add(acc2, f32x4.mul(x1, v128.load(w, 32)));
    acc3 = f32x4.add(acc3, f32x4.mul(x1, v128.load(w, 48)));
    a += 8;
    w += 64;
  }
  if (kk < k) {
    const x0 = v128.load32_splat(a);
    acc0 = f32x4.add(acc0, f32x4.mul(x0, v128.load(w)));
    acc1 = f32x4.add(acc1, f32x4.mul(x0, v128.load(w, 16)));
  }
  acc0 = clamp(f32x4.add(acc0, acc2), lo, hi);
  acc1 = clamp(f32x4.add(acc1, acc3), lo, hi);
  if (nr == 8) {
    v128.store(c, acc0);
    v128.store(c, acc1, 16);
  } else {
    storePartial(c, acc0, acc1, nr);
  }
}

/**
 * C = clamp(A · packed B + bias); k is the depth, n the output columns; lda, ldc in bytes; `pack`:
 * 16 · k bytes of scratch. Rows go four at a time through every panel; 2 or 3 leftover rows
 * through the 4-row tile with repeated rows, a single leftover row (matrix-vector) through the
 * 1-row tile. k = 0 gives clamp(bias).
 */
export function gemm_f32(
  m: i32, n: i32, k: i32, a: usize, lda: usize, w: usize, c: usize, ldc: usize, lo: f32, hi: f32, pack: usize,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const pb = panelBytes(k);
  for (let i = 0; i < m; i += MR) {
    const rows = min(MR, m - i);
    const a0 = a + <usize>i * lda, c0 = c + <usize>i * ldc;
    let wp = w;
    if (rows == 1 || k == 0) {
      for (let r = 0; r < rows; r++) {
        const ar = a0 + <usize>r * lda, cr = c0 + <usize>r * ldc;
        for (let j = 0, wj = w; j < n; j += NR, wj += pb) tile1x8(k, ar, wj, cr + (<usize>j << 2), min(NR, n - j), vlo, vhi);
      }
      continue;
    }
    const a1 = a0 + lda, c1 = c0 + ldc;
    const a2 = rows > 2 ? a1 + lda : a1, c2 = rows > 2 ? c1 + ldc : c1;
    const a3 = rows > 3 ? a2 + lda : a2, c3 = rows > 3 ? c2 + ldc : c2;
    packRows4(k, a0, a1, a2, a3, pack);
    for (let j = 0; j < n; j += NR) {
      const off = <usize>j << 2;
      tile4x8(k, pack, wp, c0 + off, c1 + off, c2 + off, c3 + off, min(NR, n - j), vlo, vhi);
      wp += pb;
    }
  }
}
