// ARG_MAX / ARG_MIN of 8-bit values along the innermost axis, SIMD128, the same indices as the
// reference kernel (src/kernels/util/arg_min_max.ts): the first index of the extreme value.
//
// Every value is XORed with `flip` first so that one unsigned maximum serves all four cases:
// 0x00 uint8 ARG_MAX, 0x80 int8 ARG_MAX (signed order → unsigned order), 0xFF uint8 ARG_MIN and
// 0x7F int8 ARG_MIN (order reversed); equal values stay equal, so "first index" is kept.
// A row of 16 values or more: its maximum by i8x16.max_u over 16-byte blocks (the last block
// overlaps the one before instead of a scalar tail), reduced across lanes, then the first block
// holding it gives the index by bitmask + ctz. Shorter rows: a scalar loop.
//
// Works on `rows` consecutive rows given by the arguments and keeps no state, so callers may split
// the rows between threads.

// @ts-ignore: decorator
@inline function block(p: usize, flip: v128): v128 {
  return v128.xor(v128.load(p), flip);
}

/** The first index of the largest (flipped) byte of a row of `n` ≥ 16 bytes at `p`. */
// @ts-ignore: decorator
@inline function firstMaxSimd(p: usize, n: i32, flip: v128): i32 {
  let m = block(p, flip);
  let j = 16;
  for (; j + 16 <= n; j += 16) m = i8x16.max_u(m, block(p + <usize>j, flip));
  if (j < n) m = i8x16.max_u(m, block(p + <usize>(n - 16), flip));
  m = i8x16.max_u(m, i8x16.shuffle(m, m, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15));
  m = i8x16.max_u(m, i8x16.shuffle(m, m, 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7));
  m = i8x16.max_u(m, i8x16.shuffle(m, m, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3));
  m = i8x16.max_u(m, i8x16.shuffle(m, m, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  const best = i8x16.shuffle(m, m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  for (j = 0; j + 16 <= n; j += 16) {
    const bits = i8x16.bitmask(i8x16.eq(block(p + <usize>j, flip), best));
    if (bits != 0) return j + ctz(bits);
  }
  // Not in the whole blocks: in the overlapping last block, past them.
  return n - 16 + ctz(i8x16.bitmask(i8x16.eq(block(p + <usize>(n - 16), flip), best)));
}

/** The first index of the largest (flipped) byte of a short row. */
// @ts-ignore: decorator
@inline function firstMaxScalar(p: usize, n: i32, flip: u32): i32 {
  let best = <u32>load<u8>(p) ^ flip;
  let index = 0;
  for (let j = 1; j < n; j++) {
    const v = <u32>load<u8>(p + <usize>j) ^ flip;
    if (v > best) {
      best = v;
      index = j;
    }
  }
  return index;
}

/**
 * Indices of `rows` rows of `n` ≥ 1 bytes each at `x` into `out`: int32 (out64 = 0) or int64
 * (out64 = 1) values.
 */
export function q8_argmax_rows(x: usize, out: usize, rows: i32, n: i32, flip: u32, out64: i32): void {
  const flipV = i8x16.splat(<i8>flip);
  for (let r = 0; r < rows; r++) {
    const p = x + <usize>r * <usize>n;
    const index = n >= 16 ? firstMaxSimd(p, n, flipV) : firstMaxScalar(p, n, flip);
    if (out64) store<i64>(out + <usize>r * 8, <i64>index);
    else store<i32>(out + <usize>r * 4, index);
  }
}
