// The integer LSTM's MatrixBatchVectorMultiplyAccumulate (8x8->16, src/kernels/util/lstm_integer.ts
// matMulAcc), SIMD128, bit-exact with it:
//   out[b, r] = clamp(out[b, r] + zp + MultiplyByQuantizedMultiplier(bias[r] + dot(w[r], x[b])), lo, hi)
// int8 x and w, int32 bias, int16 (out16 = 1) or int8 out. The dot products widen 16 (then 8)
// bytes to i16 and sum pairs with i32x4.dot_i16x8_s; the int32 sums wrap as the reference's `| 0`.
// Rows [0, nOut) and batches [0, nBatch) of the given buffers, no state: callers may split rows
// (offsetting w, bias and out) or batches (offsetting x and out).

// @ts-ignore: decorator
@inline function dot16(x: usize, w: usize): v128 {
  const a = v128.load(x), b = v128.load(w);
  return i32x4.add(
    i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(a), i16x8.extend_low_i8x16_s(b)),
    i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(a), i16x8.extend_high_i8x16_s(b)),
  );
}

/** dot(x[0..n), w[0..n)) wrapped to int32. */
// @ts-ignore: decorator
@inline function dot(x: usize, w: usize, n: i32): i32 {
  let acc = i32x4.splat(0);
  let c = 0;
  for (; c + 16 <= n; c += 16) acc = i32x4.add(acc, dot16(x + <usize>c, w + <usize>c));
  if (c + 8 <= n) {
    const a = i16x8.extend_low_i8x16_s(v128.load64_zero(x + <usize>c)), b = i16x8.extend_low_i8x16_s(v128.load64_zero(w + <usize>c));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(a, b));
    c += 8;
  }
  let s = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3);
  for (; c < n; c++) s += <i32>load<i8>(x + <usize>c) * <i32>load<i8>(w + <usize>c);
  return s;
}

/**
 * MultiplyByQuantizedMultiplier as the reference evaluates it (quant_math.ts): a wrapping left
 * shift, SaturatingRoundingDoublingHighMul, RoundingDivideByPOT; shift counts mod 32 as in JS.
 */
// @ts-ignore: decorator
@inline function mbqm(x: i32, multiplier: i32, shift: i32): i32 {
  const left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  const a = x << left;
  const high = a == multiplier && a == i32.MIN_VALUE
    ? i32.MAX_VALUE
    : <i32>((<i64>a * <i64>multiplier + (1 << 30)) >> 31);
  const mask = (1 << right) - 1;
  const threshold = (mask >> 1) + (high < 0 ? 1 : 0);
  return (high >> right) + ((high & mask) > threshold ? 1 : 0);
}

export function lstm_i8_matacc(
  x: usize, w: usize, bias: usize, nBatch: i32, nIn: i32, nOut: i32, multiplier: i32, shift: i32, zp: i32,
  out: usize, out16: i32, lo: i32, hi: i32,
): void {
  for (let b = 0; b < nBatch; b++) {
    const xb = x + <usize>b * <usize>nIn;
    for (let r = 0; r < nOut; r++) {
      const acc = load<i32>(bias + <usize>r * 4) + dot(xb, w + <usize>r * <usize>nIn, nIn);
      const i = <usize>b * <usize>nOut + <usize>r;
      const prev = out16 ? <i64>load<i16>(out + i * 2) : <i64>load<i8>(out + i);
      // In i64: the reference adds as doubles before it clamps.
      let v = <i64>mbqm(acc, multiplier, shift) + <i64>zp + prev;
      v = v > <i64>hi ? <i64>hi : v < <i64>lo ? <i64>lo : v;
      if (out16) store<i16>(out + i * 2, <i16>v);
      else store<i8>(out + i, <i8>v);
    }
  }
}
