// f32 GEMM over weights packed once into 8-column panels (XNNPACK's "loadsplat" sgemm design):
//   C[M×N] = clamp(A[M×K] · B[K×N] + bias, lo, hi)
// Packed B (see packGemmWeights in src/kernels/simd/tier.ts): ceil(N/8) panels of
//   [bias[8], B[0][0..8), B[1][0..8), …, B[K-1][0..8)]  (f32, zero-padded past N),
// i.e. (K + 1) · 32 bytes per panel. A and C are row-major with byte strides lda / ldc.
// Register tile 4×8: 8 f32x4 accumulators, each k broadcasts one A value per row
// (v128.load32_splat) against two B vectors. Bias and the fused activation's clamp are applied
// by the tile itself (accumulators start at the bias; the store clamps).
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
@inline function storePartial(p: usize, v0: v128, v1: v128, n: i32): void {
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
@inline function clamp(v: v128, lo: v128, hi: v128): v128 {
  // pmax/pmin are single x86 instructions; in this order a NaN passes through as in the
  // reference (`acc < min ? min : acc > max ? max : acc`).
  return f32x4.pmin(f32x4.pmax(v, lo), hi);
}

/** Four rows × one 8-column panel. Rows a1…a3 / c1…c3 may alias a0 / c0 (fewer rows). */
// @ts-ignore: decorator
@inline function tile4x8(
  k: i32, a0: usize, a1: usize, a2: usize, a3: usize, w: usize,
  c0: usize, c1: usize, c2: usize, c3: usize, nr: i32, lo: v128, hi: v128,
): void {
  let acc00 = v128.load(w), acc01 = v128.load(w, 16);
  let acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  w += 32;
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(w), b1 = v128.load(w, 16);
    const x0 = v128.load32_splat(a0);
    acc00 = f32x4.add(acc00, f32x4.mul(x0, b0));
    acc01 = f32x4.add(acc01, f32x4.mul(x0, b1));
    const x1 = v128.load32_splat(a1);
    acc10 = f32x4.add(acc10, f32x4.mul(x1, b0));
    acc11 = f32x4.add(acc11, f32x4.mul(x1, b1));
    const x2 = v128.load32_splat(a2);
    acc20 = f32x4.add(acc20, f32x4.mul(x2, b0));
    acc21 = f32x4.add(acc21, f32x4.mul(x2, b1));
    const x3 = v128.load32_splat(a3);
    acc30 = f32x4.add(acc30, f32x4.mul(x3, b0));
    acc31 = f32x4.add(acc31, f32x4.mul(x3, b1));
    a0 += 4; a1 += 4; a2 += 4; a3 += 4;
    w += 32;
  }
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
 * C = clamp(A · packed B + bias); k is the depth, n the output columns; lda, ldc in bytes.
 * Rows go four at a time through every panel; 2 or 3 leftover rows through the 4-row tile with
 * repeated row pointers, a single leftover row (matrix-vector) through the 1-row tile.
 */
export function gemm_f32(
  m: i32, n: i32, k: i32, a: usize, lda: usize, w: usize, c: usize, ldc: usize, lo: f32, hi: f32,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const pb = panelBytes(k);
  for (let i = 0; i < m; i += MR) {
    const rows = min(MR, m - i);
    const a0 = a + <usize>i * lda, c0 = c + <usize>i * ldc;
    let wp = w;
    if (rows == 1) {
      for (let j = 0; j < n; j += NR) {
        tile1x8(k, a0, wp, c0 + (<usize>j << 2), min(NR, n - j), vlo, vhi);
        wp += pb;
      }
      continue;
    }
    const a1 = a0 + lda, c1 = c0 + ldc;
    const a2 = rows > 2 ? a1 + lda : a1, c2 = rows > 2 ? c1 + ldc : c1;
    const a3 = rows > 3 ? a2 + lda : a2, c3 = rows > 3 ? c2 + ldc : c2;
    for (let j = 0; j < n; j += NR) {
      const off = <usize>j << 2;
      tile4x8(k, a0, a1, a2, a3, wp, c0 + off, c1 + off, c2 + off, c3 + off, min(NR, n - j), vlo, vhi);
      wp += pb;
    }
  }
}
