// 16x8 element-wise kernels, bit-exact with the reference kernels (TFLite's integer arithmetic):
//   i16_addsub: quantized int16 ADD / SUB on the general path (add.cc / sub.cc: left shift 15,
//               each input rescaled by MultiplyByQuantizedMultiplierSmallerThanOneExp, the sum by
//               the output multiplier), inputs of the same shape;
//   i16_quantize: float32 → int16 per tensor (round(x / scale) in double, half away from zero);
//   i16_mean: the mean over the middle axis of [outer, reduce, inner] (reference_ops::
//             QuantizedMeanOrSum: int32 sums, one fixed-point multiplier).
// Each call processes the contiguous range its arguments give.
import { rqFixed, Q8_DOUBLE } from './gemm_q8';

/**
 * SaturatingRoundingDoublingHighMul(x · 2^15, m) for x in the int16 range and 0 ≤ m < 2^31, in
 * i32 lanes: floor((x · m + 2^15) / 2^16) = x · mh + floor((x · ml + 2^15) / 2^16) with
 * m = mh · 2^16 + ml; |x · ml + 2^15| < 2^31, so nothing leaves int32.
 */
// @ts-ignore: decorator
@inline function highMulShifted15(x: v128, mh: v128, ml: v128): v128 {
  return i32x4.add(i32x4.mul(x, mh), i32x4.shr_s(i32x4.add(i32x4.mul(x, ml), i32x4.splat(32768)), 16));
}

/** SaturatingRoundingDoublingHighMul(x, m) for any int32 x and 0 ≤ m < 2^31: floor((x · m + 2^30) / 2^31), in i64. */
// @ts-ignore: decorator
@inline function highMul(x: v128, m: v128): v128 {
  const nudge = i64x2.splat(1 << 30);
  // The low 32 bits of the shifted products: a logical shift leaves them as the arithmetic one would.
  const lo = i64x2.shr_u(i64x2.add(i64x2.extmul_low_i32x4_s(x, m), nudge), 31);
  const hi = i64x2.shr_u(i64x2.add(i64x2.extmul_high_i32x4_s(x, m), nudge), 31);
  return i32x4.shuffle(lo, hi, 0, 2, 4, 6);
}

/** RoundingDivideByPOT(x, e) for e in [0, 31]: x / 2^e rounded to nearest, ties away from zero. */
// @ts-ignore: decorator
@inline function divPot(x: v128, e: i32, mask: v128, half: v128): v128 {
  // threshold = mask >> 1, plus 1 for negative x; a remainder above it rounds up.
  const threshold = i32x4.add(half, i32x4.shr_u(x, 31));
  return i32x4.sub(i32x4.shr_s(x, e), i32x4.gt_s(v128.and(x, mask), threshold));
}

/**
 * out[i] = clamp(RDBP(SRDHM(s1 ± s2, mo), eo)) with s = RDBP(SRDHM(x · 2^15, m), e) per input,
 * for i < count; `sub`: a − b. Multipliers in [0, 2^31), exponents (right shifts) in [0, 31].
 */
export function i16_addsub(
  a: usize, b: usize, out: usize, count: i32, sub: i32,
  m1: i32, e1: i32, m2: i32, e2: i32, mo: i32, eo: i32, lo: i32, hi: i32,
): void {
  const mh1 = i32x4.splat(m1 >>> 16), ml1 = i32x4.splat(m1 & 0xffff);
  const mh2 = i32x4.splat(m2 >>> 16), ml2 = i32x4.splat(m2 & 0xffff);
  const vmo = i32x4.splat(mo);
  const mask1 = i32x4.splat((1 << e1) - 1), half1 = i32x4.splat(((1 << e1) - 1) >> 1);
  const mask2 = i32x4.splat((1 << e2) - 1), half2 = i32x4.splat(((1 << e2) - 1) >> 1);
  const masko = i32x4.splat((1 << eo) - 1), halfo = i32x4.splat(((1 << eo) - 1) >> 1);
  const vlo = i16x8.splat(<i16>lo), vhi = i16x8.splat(<i16>hi);
  let i = 0;
  for (; i + 8 <= count; i += 8) {
    const o = <usize>i << 1;
    const x = v128.load(a + o), y = v128.load(b + o);
    const x0 = i32x4.extend_low_i16x8_s(x), x1 = i32x4.extend_high_i16x8_s(x);
    const y0 = i32x4.extend_low_i16x8_s(y), y1 = i32x4.extend_high_i16x8_s(y);
    const s10 = divPot(highMulShifted15(x0, mh1, ml1), e1, mask1, half1), s11 = divPot(highMulShifted15(x1, mh1, ml1), e1, mask1, half1);
    const s20 = divPot(highMulShifted15(y0, mh2, ml2), e2, mask2, half2), s21 = divPot(highMulShifted15(y1, mh2, ml2), e2, mask2, half2);
    const t0 = sub ? i32x4.sub(s10, s20) : i32x4.add(s10, s20);
    const t1 = sub ? i32x4.sub(s11, s21) : i32x4.add(s11, s21);
    const r0 = divPot(highMul(t0, vmo), eo, masko, halfo), r1 = divPot(highMul(t1, vmo), eo, masko, halfo);
    v128.store(out + o, i16x8.min_s(i16x8.max_s(i16x8.narrow_i32x4_s(r0, r1), vlo), vhi));
  }
  for (; i < count; i++) {
    const o = <usize>i << 1;
    const s1 = rdbp(highMul1(<i32>load<i16>(a + o) << 15, m1), e1);
    const s2 = rdbp(highMul1(<i32>load<i16>(b + o) << 15, m2), e2);
    const r = rdbp(highMul1(sub ? s1 - s2 : s1 + s2, mo), eo);
    store<i16>(out + o, <i16>(r < lo ? lo : r > hi ? hi : r));
  }
}

/** Scalar SaturatingRoundingDoublingHighMul, 0 ≤ m < 2^31. */
// @ts-ignore: decorator
@inline function highMul1(x: i32, m: i32): i32 {
  return <i32>((<i64>x * <i64>m + (<i64>1 << 30)) >> 31);
}

/** Scalar RoundingDivideByPOT, e in [0, 31]. */
// @ts-ignore: decorator
@inline function rdbp(x: i32, e: i32): i32 {
  const mask = (1 << e) - 1;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + ((x & mask) > threshold ? 1 : 0);
}

/**
 * out[i] = clamp(saturate_int32(round(f64(x[i]) / scale)) + zp) as int16 for i < count (float32
 * input), rounding half away from zero, the zero point added with int32 wrap-around.
 */
export function i16_quantize(x: usize, out: usize, count: i32, scale: f64, zp: i32, lo: i32, hi: i32): void {
  const vs = f64x2.splat(scale), vhalf = f64x2.splat(0.5), vone = f64x2.splat(1.0);
  const vzp = i32x4.splat(zp), vlo = i16x8.splat(<i16>lo), vhi = i16x8.splat(<i16>hi);
  let i = 0;
  for (; i + 8 <= count; i += 8) {
    const p = x + (<usize>i << 2);
    const r0 = quantize4(v128.load(p), vs, vhalf, vone, vzp), r1 = quantize4(v128.load(p, 16), vs, vhalf, vone, vzp);
    v128.store(out + (<usize>i << 1), i16x8.min_s(i16x8.max_s(i16x8.narrow_i32x4_s(r0, r1), vlo), vhi));
  }
  for (; i < count; i++) {
    const q = <f64>load<f32>(x + (<usize>i << 2)) / scale;
    const t = trunc<f64>(q);
    const r = abs<f64>(q - t) >= 0.5 ? t + (q < 0 ? -1.0 : 1.0) : t;
    // The saturating cast (NaN → 0), the wrapping zero point, the clamp.
    const v = (r != r ? 0 : r >= 2147483647.0 ? 2147483647 : r <= -2147483648.0 ? -2147483648 : <i32>r) + zp;
    store<i16>(out + (<usize>i << 1), <i16>(v < lo ? lo : v > hi ? hi : v));
  }
}

/** Four float32 values quantized to int32 lanes (before the clamp). */
// @ts-ignore: decorator
@inline function quantize4(v: v128, vs: v128, vhalf: v128, vone: v128, vzp: v128): v128 {
  const q0 = f64x2.div(f64x2.promote_low_f32x4(v), vs);
  const q1 = f64x2.div(f64x2.promote_low_f32x4(v128.shuffle<i32>(v, v, 2, 3, 2, 3)), vs);
  return i32x4.add(i32x4.shuffle(roundAway(q0, vhalf, vone), roundAway(q1, vhalf, vone), 0, 1, 4, 5), vzp);
}

/** TfLiteRound of two f64 lanes, saturated to int32 (NaN → 0), in the low two i32 lanes. */
// @ts-ignore: decorator
@inline function roundAway(q: v128, vhalf: v128, vone: v128): v128 {
  const t = f64x2.trunc(q);
  // ±1 where the dropped fraction is at least one half, with q's sign.
  const step = v128.and(f64x2.ge(f64x2.abs(f64x2.sub(q, t)), vhalf), v128.or(vone, v128.and(q, f64x2.splat(-0.0))));
  return i32x4.trunc_sat_f64x2_s_zero(f64x2.add(t, step));
}

/**
 * Means over the middle axis of input [outer, reduce, inner] (int16) for outer rows
 * [o0, o0 + rows): out[o, i] = clamp(MultiplyByQuantizedMultiplier(Σ_r x[o, r, i] + offset, m,
 * shift) + bias), the sums in int32 (wrapping as the reference's); `sums`: 4 · inner bytes of
 * scratch. shift in [−31, 31].
 */
export function i16_mean(
  input: usize, output: usize, sums: usize, o0: i32, rows: i32, reduce: i32, inner: i32,
  m: i32, shift: i32, offset: i32, bias: i32, lo: i32, hi: i32,
): void {
  const inner4 = inner & ~3;
  for (let o = o0; o < o0 + rows; o++) {
    const base = input + (<usize>o * reduce * inner << 1);
    memory.fill(sums, 0, <usize>inner << 2);
    for (let r = 0; r < reduce; r++) {
      const row = base + (<usize>r * inner << 1);
      let i = 0;
      for (; i < inner4; i += 4) {
        const s = sums + (<usize>i << 2);
        v128.store(s, i32x4.add(v128.load(s), v128.load16x4_s(row + (<usize>i << 1))));
      }
      for (; i < inner; i++) {
        const s = sums + (<usize>i << 2);
        store<i32>(s, load<i32>(s) + <i32>load<i16>(row + (<usize>i << 1)));
      }
    }
    const dst = output + (<usize>o * inner << 1);
    for (let i = 0; i < inner; i++) {
      const v = rqFixed(load<i32>(sums + (<usize>i << 2)) + offset, m, shift, Q8_DOUBLE) + bias;
      store<i16>(dst + (<usize>i << 1), <i16>(v < lo ? lo : v > hi ? hi : v));
    }
  }
}
