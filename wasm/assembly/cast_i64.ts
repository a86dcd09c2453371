// CAST int64 → int32 (and → uint32, the same bits), SIMD128: the low 32 bits of each value, as the
// reference's wrapping BigInt.asIntN(32, v) (src/kernels/cast.ts). Elements [0, n) of the given
// buffers, no state: callers may split the range.
export function cast_i64_i32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = v128.load(x + <usize>i * 8), b = v128.load(x + <usize>i * 8, 16);
    v128.store(out + <usize>i * 4, i8x16.shuffle(a, b, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27));
  }
  for (; i < n; i++) store<i32>(out + <usize>i * 4, <i32>load<i64>(x + <usize>i * 8));
}
