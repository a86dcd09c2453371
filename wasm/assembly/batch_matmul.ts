// BATCH_MATMUL on the GEMMs (src/kernels/simd/batch_matmul.ts): the rhs matrices packed into the
// f32 GEMM's panels (gemm_f32.ts) or the q8 GEMM's (gemm_q8.ts) from any strides (adj_y or not),
// lhs matrices transposed for adj_x, and loops over output batches that pick their lhs and rhs
// matrices from a table (numpy broadcasting of the batch dimensions).
// A call covers the matrices / batches its arguments give: threads split ranges of batches.
import { gemm_f32 } from './gemm_f32';
import { q8_gemm_rows, q8PanelBytes, Q8_HEADER, Q8_SINGLE } from './gemm_q8';

/** `count` matrices of rows × cols 32-bit values at src (contiguous) transposed to cols × rows at dst. */
export function bmm_transpose_32(count: i32, rows: i32, cols: i32, src: usize, dst: usize): void {
  const r4 = rows & ~3, c4 = cols & ~3;
  const rs = <usize>cols << 2, ds = <usize>rows << 2;
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < r4; i += 4) {
      const s = src + <usize>i * rs, d = dst + (<usize>i << 2);
      for (let j = 0; j < c4; j += 4) {
        const o = <usize>j << 2;
        const v0 = v128.load(s + o), v1 = v128.load(s + rs + o), v2 = v128.load(s + 2 * rs + o), v3 = v128.load(s + 3 * rs + o);
        const t0 = i32x4.shuffle(v0, v1, 0, 4, 1, 5), t1 = i32x4.shuffle(v2, v3, 0, 4, 1, 5);
        const t2 = i32x4.shuffle(v0, v1, 2, 6, 3, 7), t3 = i32x4.shuffle(v2, v3, 2, 6, 3, 7);
        const q = d + <usize>j * ds;
        v128.store(q, i64x2.shuffle(t0, t1, 0, 2));
        v128.store(q + ds, i64x2.shuffle(t0, t1, 1, 3));
        v128.store(q + 2 * ds, i64x2.shuffle(t2, t3, 0, 2));
        v128.store(q + 3 * ds, i64x2.shuffle(t2, t3, 1, 3));
      }
      for (let j = c4; j < cols; j++) {
        for (let r = 0; r < 4; r++) store<u32>(d + <usize>j * ds + (<usize>r << 2), load<u32>(s + <usize>r * rs + (<usize>j << 2)));
      }
    }
    for (let i = r4; i < rows; i++) {
      for (let j = 0; j < cols; j++) store<u32>(dst + <usize>j * ds + (<usize>i << 2), load<u32>(src + <usize>i * rs + (<usize>j << 2)));
    }
    src += <usize>rows * rs;
    dst += <usize>rows * rs;
  }
}

/** `count` matrices of rows × cols bytes at src (contiguous) transposed to cols × rows at dst. */
export function bmm_transpose_8(count: i32, rows: i32, cols: i32, src: usize, dst: usize): void {
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) store<u8>(dst + <usize>j * rows + <usize>i, load<u8>(src + <usize>i * cols + <usize>j));
    }
    const size = <usize>rows * cols;
    src += size;
    dst += size;
  }
}

/**
 * `count` rhs matrices (element (d, j) of matrix b at src + 4·(b·k·n + d·rsk + j·rsj)) into
 * gemm_f32's panels with a zero bias, one matrix after the other at dst (ceil(n/8) panels each).
 */
export function bmm_pack_f32(count: i32, n: i32, k: i32, rsk: i32, rsj: i32, src: usize, dst: usize): void {
  const zero = f32x4.splat(0);
  const sk = <usize>rsk << 2, sj = <usize>rsj << 2;
  for (let b = 0; b < count; b++) {
    const s = src + ((<usize>b * <usize>k * <usize>n) << 2);
    for (let p = 0; p < n; p += 8) {
      const cols = min(8, n - p);
      v128.store(dst, zero);
      v128.store(dst, zero, 16);
      dst += 32;
      const sp = s + <usize>p * sj;
      if (cols == 8 && rsj == 1) {
        // Rows of the panel are contiguous in the source (no adj_y).
        for (let d = 0; d < k; d++) {
          const q = sp + <usize>d * sk, o = dst + (<usize>d << 5);
          v128.store(o, v128.load(q));
          v128.store(o, v128.load(q, 16), 16);
        }
      } else if (cols == 8 && rsk == 1) {
        // Columns are contiguous (adj_y): 4×4 transposes of four columns by four depths.
        const k4 = k & ~3;
        for (let h: usize = 0; h < 2; h++) {
          const c0 = sp + h * 4 * sj;
          for (let d = 0; d < k4; d += 4) {
            const o = <usize>d << 2;
            const v0 = v128.load(c0 + o), v1 = v128.load(c0 + sj + o), v2 = v128.load(c0 + 2 * sj + o), v3 = v128.load(c0 + 3 * sj + o);
            const t0 = i32x4.shuffle(v0, v1, 0, 4, 1, 5), t1 = i32x4.shuffle(v2, v3, 0, 4, 1, 5);
            const t2 = i32x4.shuffle(v0, v1, 2, 6, 3, 7), t3 = i32x4.shuffle(v2, v3, 2, 6, 3, 7);
            const q = dst + (<usize>d << 5) + (h << 4);
            v128.store(q, i64x2.shuffle(t0, t1, 0, 2));
            v128.store(q, i64x2.shuffle(t0, t1, 1, 3), 32);
            v128.store(q, i64x2.shuffle(t2, t3, 0, 2), 64);
            v128.store(q, i64x2.shuffle(t2, t3, 1, 3), 96);
          }
          for (let d = k4; d < k; d++) {
            for (let c: usize = 0; c < 4; c++) store<f32>(dst + (<usize>d << 5) + ((h * 4 + c) << 2), load<f32>(c0 + c * sj + (<usize>d << 2)));
          }
        }
      } else {
        for (let d = 0; d < k; d++) {
          const o = dst + (<usize>d << 5);
          for (let c = 0; c < 8; c++) store<f32>(o + (<usize>c << 2), c < cols ? load<f32>(sp + <usize>c * sj + <usize>d * sk) : 0);
        }
      }
      dst += <usize>k << 5;
    }
  }
}

/**
 * `count` int8 rhs matrices (element (d, j) of matrix b at src + b·k·n + d·rsk + j·rsj) into the q8
 * GEMM's panels, one matrix after the other at dst: headers of a zero bias and the per-tensor
 * multiplier and shift (Q8_SINGLE), bodies of (w + offset) as i16, zero past n and k.
 */
export function bmm_pack_q8(count: i32, n: i32, k: i32, rsk: i32, rsj: i32, src: usize, dst: usize, offset: i32, multiplier: i32, shift: i32): void {
  const kp = (k + 1) >> 1;
  const pb = q8PanelBytes(kp);
  const voff = i16x8.splat(<i16>offset), zero = i32x4.splat(0);
  for (let b = 0; b < count; b++) {
    const s = src + <usize>b * <usize>k * <usize>n;
    for (let p = 0; p < n; p += 8) {
      const cols = min(8, n - p);
      v128.store(dst, zero);
      v128.store(dst, zero, 16);
      v128.store(dst, zero, 32);
      v128.store(dst, zero, 48);
      v128.store(dst, i32x4.splat(multiplier), 64);
      v128.store(dst, i32x4.splat(multiplier), 80);
      v128.store(dst, i32x4.splat(shift), 96);
      v128.store(dst, i32x4.splat(shift), 112);
      const body = dst + Q8_HEADER;
      const sp = s + <usize>p * <usize>rsj;
      if (cols == 8 && rsj == 1) {
        // Two rows of 8 columns widened and interleaved into one k-pair.
        for (let q = 0; q < kp; q++) {
          const d = q << 1;
          const r0 = i16x8.add(v128.load8x8_s(sp + <usize>d * rsk), voff);
          const r1 = d + 1 < k ? i16x8.add(v128.load8x8_s(sp + <usize>(d + 1) * rsk), voff) : zero;
          const o = body + (<usize>q << 5);
          v128.store(o, i16x8.shuffle(r0, r1, 0, 8, 1, 9, 2, 10, 3, 11));
          v128.store(o, i16x8.shuffle(r0, r1, 4, 12, 5, 13, 6, 14, 7, 15), 16);
        }
      } else if (cols == 8 && rsk == 1) {
        // Columns are contiguous (adj_y): a k-pair is two adjacent bytes of each column.
        const kf = k >> 1;
        for (let q = 0; q < kf; q++) {
          const sq = sp + (<usize>q << 1);
          let v = v128.load16_splat(sq);
          v = v128.load16_lane(sq + <usize>rsj, v, 1);
          v = v128.load16_lane(sq + 2 * <usize>rsj, v, 2);
          v = v128.load16_lane(sq + 3 * <usize>rsj, v, 3);
          v = v128.load16_lane(sq + 4 * <usize>rsj, v, 4);
          v = v128.load16_lane(sq + 5 * <usize>rsj, v, 5);
          v = v128.load16_lane(sq + 6 * <usize>rsj, v, 6);
          v = v128.load16_lane(sq + 7 * <usize>rsj, v, 7);
          const o = body + (<usize>q << 5);
          v128.store(o, i16x8.add(i16x8.extend_low_i8x16_s(v), voff));
          v128.store(o, i16x8.add(i16x8.extend_high_i8x16_s(v), voff), 16);
        }
        if (k & 1) {
          // The last depth alone (reading its pair would run past the column).
          const o = body + (<usize>kf << 5);
          v128.store(o, zero);
          v128.store(o, zero, 16);
          for (let c = 0; c < 8; c++) store<i16>(o + (<usize>c << 2), <i16>(<i32>load<i8>(sp + <usize>c * rsj + <usize>(k - 1)) + offset));
        }
      } else {
        memory.fill(body, 0, <usize>kp << 5);
        for (let c = 0; c < cols; c++) {
          const sc = sp + <usize>c * rsj;
          for (let d = 0; d < k; d++) {
            store<i16>(body + (<usize>(((d >> 1) << 4) + (c << 1) + (d & 1)) << 1), <i16>(<i32>load<i8>(sc + <usize>d * rsk) + offset));
          }
        }
      }
      dst += pb;
    }
  }
}

/**
 * Output batches [0, batches) of an f32 batched product: batch b multiplies lhs matrix idx[2b]
 * (row-major m × k, at a + idx[2b]·aBytes) by packed rhs matrix idx[2b + 1] (at w + idx[2b + 1]·wBytes)
 * into c + b·m·n·4. `pack`: gemm_f32's 16·k bytes of scratch.
 */
export function bmm_f32(batches: i32, idx: usize, m: i32, n: i32, k: i32, a: usize, aBytes: usize, w: usize, wBytes: usize, c: usize, pack: usize): void {
  const cBytes = (<usize>m * <usize>n) << 2;
  for (let b = 0; b < batches; b++) {
    const l = <usize>load<i32>(idx + (<usize>b << 3)), r = <usize>load<i32>(idx + (<usize>b << 3), 4);
    gemm_f32(m, n, k, a + l * aBytes, <usize>k << 2, w + r * wBytes, c + <usize>b * cBytes, <usize>n << 2, -Infinity, Infinity, pack);
  }
}

/**
 * bmm_f32 for int8: lhs rows of k int8 values (zero point zpIn), the packed rhs of bmm_pack_q8,
 * int8 outputs (zero point zp) over ruy's single-rounding requantization; `scratch`: q8_gemm_rows's
 * A tile of `tileRows` rows, `tmp`: its 128 bytes.
 */
export function bmm_q8(
  batches: i32, idx: usize, m: i32, n: i32, k: i32, a: usize, aBytes: usize, w: usize, wBytes: usize, c: usize,
  scratch: usize, tileRows: i32, zpIn: i32, zp: i32, tmp: usize,
): void {
  const cBytes = <usize>m * <usize>n;
  for (let b = 0; b < batches; b++) {
    const l = <usize>load<i32>(idx + (<usize>b << 3)), r = <usize>load<i32>(idx + (<usize>b << 3), 4);
    q8_gemm_rows(m, n, k, a + l * aBytes, <usize>k, w + r * wBytes, c + <usize>b * cBytes, <usize>n, scratch, tileRows, zpIn, 0, Q8_SINGLE, zp, -128, 127, tmp);
  }
}

