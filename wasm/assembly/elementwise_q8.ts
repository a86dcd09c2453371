// 8-bit (int8 / uint8) element-wise kernels, SIMD128 with scalar tails, each bit-exact with the
// reference kernel it stands in for (src/kernels/util/xnnpack.ts, util/quantized.ts, quantize.ts,
// dequantize.ts):
//
//   q8_add          XNNPACK's vadd (ADD; SUB with bMul negated):
//                   (bias + a·aMul + b·bMul) >> shift + zp, clamped to [lo, hi]
//   q8_mul          XNNPACK's vmul (fp32): round_even(float32((a − za)·(b − zb)) · scale) + zp, clamped
//   q8_addsub_ref   TFLite's add.cc / sub.cc rescaling (where XNNPACK declines the op): each input
//                   offset, shifted left 20 and rescaled by its fixed-point multiplier, summed (or
//                   subtracted), rescaled to the output, + zp, clamped
//   q8_requantize   QUANTIZE 8 → 8 bits: MultiplyByQuantizedMultiplier(x − zpIn) + zpOut, saturated
//   q8_quantize_f32 QUANTIZE float32 → 8 bits: round(x / scale) half away from zero (in f64), saturated
//   q8_dequantize   DEQUANTIZE (and CAST) 8 bits → float32: (x − zp) · scale
//   q8_lut          a 256-entry table lookup (LOGISTIC)
//
// The binary kernels compute out[r·cols + c] = f(a[r·aRow + c·aCol], b[r·bRow + c·bCol]) for
// r < rows, c < cols with aCol, bCol ∈ {0, 1} (not both 0): same shapes (one row), a scalar, a vector
// repeated along the rows, one value per row. Strides are in elements (= bytes). Every call works on
// the range its arguments give (rows, or n elements) and keeps no state, so callers may split it.
// Zero points lie in the type's range (the glue checks), so x − zp ∈ [−255, 255] and every
// intermediate below fits its lane exactly.

// ------------------------------------------------------------------ shared pieces

/** Bytes 0–7 (hi: 8–15) of `v` widened to i16 lanes, as T (i8 or u8) values. */
// @ts-ignore: decorator
@inline function widen<T>(v: v128, hi: bool): v128 {
  if (isSigned<T>()) return hi ? i16x8.extend_high_i8x16_s(v) : i16x8.extend_low_i8x16_s(v);
  return hi ? i16x8.extend_high_i8x16_u(v) : i16x8.extend_low_i8x16_u(v);
}

/**
 * Four i32x4 of output values to 16 bytes of T, clamped to [lo, hi]: the saturating narrowings
 * keep the order and [lo, hi] lies inside T's range, so clamping after them is exact.
 */
// @ts-ignore: decorator
@inline function narrowClamp<T>(v0: v128, v1: v128, v2: v128, v3: v128, lo: v128, hi: v128): v128 {
  const a = i16x8.narrow_i32x4_s(v0, v1), b = i16x8.narrow_i32x4_s(v2, v3);
  if (isSigned<T>()) return i8x16.min_s(i8x16.max_s(i8x16.narrow_i16x8_s(a, b), lo), hi);
  return i8x16.min_u(i8x16.max_u(i8x16.narrow_i16x8_u(a, b), lo), hi);
}

// @ts-ignore: decorator
@inline function clampS(v: i32, lo: i32, hi: i32): i32 {
  return v < lo ? lo : v > hi ? hi : v;
}

/** A byte of T repeated in every lane (a broadcast operand), or zero when the operand is a vector. */
// @ts-ignore: decorator
@inline function splatOrZero(vec: bool, p: usize): v128 {
  return vec ? i8x16.splat(0) : i8x16.splat(load<i8>(p));
}

// gemmlowp's fixed point, as util/quant_math.ts computes it (multipliers are ≥ 0, so the
// saturating INT32_MIN · INT32_MIN case never arises).

/** SaturatingRoundingDoublingHighMul: floor((x · m + 2^30) / 2^31) per lane. */
// @ts-ignore: decorator
@inline function srdhm(x: v128, m: v128): v128 {
  const r = i64x2.splat(1 << 30);
  const lo = i64x2.add(i64x2.extmul_low_i32x4_s(x, m), r);
  const hi = i64x2.add(i64x2.extmul_high_i32x4_s(x, m), r);
  // Bits 31–62 of the sums: a logical shift gives the same low words as an arithmetic one.
  return i32x4.shuffle(i64x2.shr_u(lo, 31), i64x2.shr_u(hi, 31), 0, 2, 4, 6);
}

// @ts-ignore: decorator
@inline function srdhmS(x: i32, m: i32): i32 {
  return <i32>((<i64>x * <i64>m + (<i64>1 << 30)) >> 31);
}

/**
 * RoundingDivideByPOT with the mask and the shift count the reference derives from its exponent
 * (passed in, so that the out-of-range exponents it wraps come out the same):
 * (x >> k) + ((x & mask) > (mask >> 1) + (x < 0)).
 */
// @ts-ignore: decorator
@inline function rdbpot(x: v128, mask: v128, half: v128, k: i32): v128 {
  const threshold = i32x4.sub(half, i32x4.shr_s(x, 31));
  return i32x4.sub(i32x4.shr_s(x, k), i32x4.gt_s(v128.and(x, mask), threshold));
}

// @ts-ignore: decorator
@inline function rdbpotS(x: i32, mask: i32, k: i32): i32 {
  return (x >> k) + ((x & mask) > (mask >> 1) + (x < 0 ? 1 : 0) ? 1 : 0);
}

// ------------------------------------------------------------------ q8_add (XNNPACK vadd)

// @ts-ignore: decorator
@inline function addLanes(x: v128, y: v128, aMul: v128, bMul: v128, bias: v128, shift: i32, zp: v128): v128 {
  const acc = i32x4.add(i32x4.add(bias, i32x4.mul(x, aMul)), i32x4.mul(y, bMul));
  return i32x4.add(i32x4.shr_s(acc, shift), zp);
}

// @ts-ignore: decorator
@inline function addRow<T>(
  aVec: bool, bVec: bool, a: usize, b: usize, out: usize, n: i32,
  aMul: i32, bMul: i32, bias: i32, shift: i32, zp: i32, lo: i32, hi: i32,
): void {
  const va = i32x4.splat(aMul), vb = i32x4.splat(bMul), vbias = i32x4.splat(bias), vzp = i32x4.splat(zp);
  const vlo = i8x16.splat(<i8>lo), vhi = i8x16.splat(<i8>hi);
  const sa = splatOrZero(aVec, a), sb = splatOrZero(bVec, b);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const x = aVec ? v128.load(a + i) : sa, y = bVec ? v128.load(b + i) : sb;
    const x0 = widen<T>(x, false), x1 = widen<T>(x, true), y0 = widen<T>(y, false), y1 = widen<T>(y, true);
    v128.store(out + i, narrowClamp<T>(
      addLanes(i32x4.extend_low_i16x8_s(x0), i32x4.extend_low_i16x8_s(y0), va, vb, vbias, shift, vzp),
      addLanes(i32x4.extend_high_i16x8_s(x0), i32x4.extend_high_i16x8_s(y0), va, vb, vbias, shift, vzp),
      addLanes(i32x4.extend_low_i16x8_s(x1), i32x4.extend_low_i16x8_s(y1), va, vb, vbias, shift, vzp),
      addLanes(i32x4.extend_high_i16x8_s(x1), i32x4.extend_high_i16x8_s(y1), va, vb, vbias, shift, vzp),
      vlo, vhi,
    ));
  }
  for (; i < n; i++) {
    const x = <i32>load<T>(aVec ? a + i : a), y = <i32>load<T>(bVec ? b + i : b);
    store<T>(out + i, <T>clampS(((bias + x * aMul + y * bMul) >> shift) + zp, lo, hi));
  }
}

function addRows<T>(
  a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  aMul: i32, bMul: i32, bias: i32, shift: i32, zp: i32, lo: i32, hi: i32,
): void {
  for (let r = 0; r < rows; r++) {
    const pa = a + <usize>r * aRow, pb = b + <usize>r * bRow, po = out + <usize>r * cols;
    if (aCol != 0 && bCol != 0) addRow<T>(true, true, pa, pb, po, cols, aMul, bMul, bias, shift, zp, lo, hi);
    else if (aCol != 0) addRow<T>(true, false, pa, pb, po, cols, aMul, bMul, bias, shift, zp, lo, hi);
    else addRow<T>(false, true, pa, pb, po, cols, aMul, bMul, bias, shift, zp, lo, hi);
  }
}

/** XNNPACK's 8-bit add (see the file header); `u8`: uint8 (1) or int8 (0) operands and output. */
export function q8_add(
  u8: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  aMul: i32, bMul: i32, bias: i32, shift: i32, zp: i32, lo: i32, hi: i32,
): void {
  if (u8) addRows<u8>(a, b, out, rows, cols, aRow, aCol, bRow, bCol, aMul, bMul, bias, shift, zp, lo, hi);
  else addRows<i8>(a, b, out, rows, cols, aRow, aCol, bRow, bCol, aMul, bMul, bias, shift, zp, lo, hi);
}

// ------------------------------------------------------------------ q8_mul (XNNPACK vmul, fp32)

// The product (a − za)(b − zb) ∈ [−65025, 65025] converts to float32 exactly, so one float32
// multiply rounds it as the reference's Math.fround of the exact double product; nearest rounds
// half to even as lrintf.
// @ts-ignore: decorator
@inline function mulLanes(p: v128, scale: v128, zp: v128): v128 {
  return i32x4.add(i32x4.trunc_sat_f32x4_s(f32x4.nearest(f32x4.mul(f32x4.convert_i32x4_s(p), scale))), zp);
}

// @ts-ignore: decorator
@inline function mulRow<T>(
  aVec: bool, bVec: bool, a: usize, b: usize, out: usize, n: i32,
  za: i32, zb: i32, scale: f32, zp: i32, lo: i32, hi: i32,
): void {
  const vza = i16x8.splat(<i16>za), vzb = i16x8.splat(<i16>zb), vs = f32x4.splat(scale), vzp = i32x4.splat(zp);
  const vlo = i8x16.splat(<i8>lo), vhi = i8x16.splat(<i8>hi);
  const sa = splatOrZero(aVec, a), sb = splatOrZero(bVec, b);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const x = aVec ? v128.load(a + i) : sa, y = bVec ? v128.load(b + i) : sb;
    const x0 = i16x8.sub(widen<T>(x, false), vza), x1 = i16x8.sub(widen<T>(x, true), vza);
    const y0 = i16x8.sub(widen<T>(y, false), vzb), y1 = i16x8.sub(widen<T>(y, true), vzb);
    v128.store(out + i, narrowClamp<T>(
      mulLanes(i32x4.extmul_low_i16x8_s(x0, y0), vs, vzp),
      mulLanes(i32x4.extmul_high_i16x8_s(x0, y0), vs, vzp),
      mulLanes(i32x4.extmul_low_i16x8_s(x1, y1), vs, vzp),
      mulLanes(i32x4.extmul_high_i16x8_s(x1, y1), vs, vzp),
      vlo, vhi,
    ));
  }
  for (; i < n; i++) {
    const x = <i32>load<T>(aVec ? a + i : a), y = <i32>load<T>(bVec ? b + i : b);
    const v = <i32>nearest<f32>(<f32>((x - za) * (y - zb)) * scale);
    store<T>(out + i, <T>clampS(v + zp, lo, hi));
  }
}

function mulRows<T>(
  a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  za: i32, zb: i32, scale: f32, zp: i32, lo: i32, hi: i32,
): void {
  for (let r = 0; r < rows; r++) {
    const pa = a + <usize>r * aRow, pb = b + <usize>r * bRow, po = out + <usize>r * cols;
    if (aCol != 0 && bCol != 0) mulRow<T>(true, true, pa, pb, po, cols, za, zb, scale, zp, lo, hi);
    else if (aCol != 0) mulRow<T>(true, false, pa, pb, po, cols, za, zb, scale, zp, lo, hi);
    else mulRow<T>(false, true, pa, pb, po, cols, za, zb, scale, zp, lo, hi);
  }
}

/** XNNPACK's 8-bit multiply (see the file header). */
export function q8_mul(
  u8: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  za: i32, zb: i32, scale: f32, zp: i32, lo: i32, hi: i32,
): void {
  if (u8) mulRows<u8>(a, b, out, rows, cols, aRow, aCol, bRow, bCol, za, zb, scale, zp, lo, hi);
  else mulRows<i8>(a, b, out, rows, cols, aRow, aCol, bRow, bCol, za, zb, scale, zp, lo, hi);
}

// ------------------------------------------------------------------ q8_addsub_ref (TFLite add.cc / sub.cc)

// Each input: (x + offset) << 20, its multiplier (SaturatingRoundingDoublingHighMul), its right
// shift (RoundingDivideByPOT); their sum or difference wraps as the reference's `| 0`, then the
// output multiplier and shift, + zp, the clamp. A shift is given as the mask and count the
// reference derives from its exponent.

// @ts-ignore: decorator
@inline function rescaleLanes(x: v128, off: v128, m: v128, mask: v128, half: v128, k: i32): v128 {
  return rdbpot(srdhm(i32x4.shl(i32x4.add(x, off), 20), m), mask, half, k);
}

// @ts-ignore: decorator
@inline function rescaleS(x: i32, off: i32, m: i32, mask: i32, k: i32): i32 {
  return rdbpotS(srdhmS((x + off) << 20, m), mask, k);
}

// @ts-ignore: decorator
@inline function refLanes(
  sub: bool, x: v128, y: v128,
  off1: v128, m1: v128, mask1: v128, half1: v128, k1: i32, off2: v128, m2: v128, mask2: v128, half2: v128, k2: i32,
  mo: v128, masko: v128, halfo: v128, ko: i32, zp: v128,
): v128 {
  const s1 = rescaleLanes(x, off1, m1, mask1, half1, k1), s2 = rescaleLanes(y, off2, m2, mask2, half2, k2);
  return i32x4.add(rdbpot(srdhm(sub ? i32x4.sub(s1, s2) : i32x4.add(s1, s2), mo), masko, halfo, ko), zp);
}

// @ts-ignore: decorator
@inline function refRow<T>(
  sub: bool, aVec: bool, bVec: bool, a: usize, b: usize, out: usize, n: i32,
  off1: i32, m1: i32, mask1: i32, k1: i32, off2: i32, m2: i32, mask2: i32, k2: i32,
  mo: i32, masko: i32, ko: i32, zp: i32, lo: i32, hi: i32,
): void {
  const voff1 = i32x4.splat(off1), vm1 = i32x4.splat(m1), vmask1 = i32x4.splat(mask1), vhalf1 = i32x4.splat(mask1 >> 1);
  const voff2 = i32x4.splat(off2), vm2 = i32x4.splat(m2), vmask2 = i32x4.splat(mask2), vhalf2 = i32x4.splat(mask2 >> 1);
  const vmo = i32x4.splat(mo), vmasko = i32x4.splat(masko), vhalfo = i32x4.splat(masko >> 1), vzp = i32x4.splat(zp);
  const vlo = i8x16.splat(<i8>lo), vhi = i8x16.splat(<i8>hi);
  const sa = splatOrZero(aVec, a), sb = splatOrZero(bVec, b);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const x = aVec ? v128.load(a + i) : sa, y = bVec ? v128.load(b + i) : sb;
    const x0 = widen<T>(x, false), x1 = widen<T>(x, true), y0 = widen<T>(y, false), y1 = widen<T>(y, true);
    v128.store(out + i, narrowClamp<T>(
      refLanes(sub, i32x4.extend_low_i16x8_s(x0), i32x4.extend_low_i16x8_s(y0),
        voff1, vm1, vmask1, vhalf1, k1, voff2, vm2, vmask2, vhalf2, k2, vmo, vmasko, vhalfo, ko, vzp),
      refLanes(sub, i32x4.extend_high_i16x8_s(x0), i32x4.extend_high_i16x8_s(y0),
        voff1, vm1, vmask1, vhalf1, k1, voff2, vm2, vmask2, vhalf2, k2, vmo, vmasko, vhalfo, ko, vzp),
      refLanes(sub, i32x4.extend_low_i16x8_s(x1), i32x4.extend_low_i16x8_s(y1),
        voff1, vm1, vmask1, vhalf1, k1, voff2, vm2, vmask2, vhalf2, k2, vmo, vmasko, vhalfo, ko, vzp),
      refLanes(sub, i32x4.extend_high_i16x8_s(x1), i32x4.extend_high_i16x8_s(y1),
        voff1, vm1, vmask1, vhalf1, k1, voff2, vm2, vmask2, vhalf2, k2, vmo, vmasko, vhalfo, ko, vzp),
      vlo, vhi,
    ));
  }
  for (; i < n; i++) {
    const s1 = rescaleS(<i32>load<T>(aVec ? a + i : a), off1, m1, mask1, k1);
    const s2 = rescaleS(<i32>load<T>(bVec ? b + i : b), off2, m2, mask2, k2);
    const v = rdbpotS(srdhmS(sub ? s1 - s2 : s1 + s2, mo), masko, ko) + zp;
    store<T>(out + i, <T>clampS(v, lo, hi));
  }
}

function refRows<T>(
  sub: bool, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  off1: i32, m1: i32, mask1: i32, k1: i32, off2: i32, m2: i32, mask2: i32, k2: i32,
  mo: i32, masko: i32, ko: i32, zp: i32, lo: i32, hi: i32,
): void {
  for (let r = 0; r < rows; r++) {
    const pa = a + <usize>r * aRow, pb = b + <usize>r * bRow, po = out + <usize>r * cols;
    if (aCol != 0 && bCol != 0) {
      if (sub) refRow<T>(true, true, true, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
      else refRow<T>(false, true, true, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
    } else if (aCol != 0) {
      if (sub) refRow<T>(true, true, false, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
      else refRow<T>(false, true, false, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
    } else if (sub) {
      refRow<T>(true, false, true, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
    } else {
      refRow<T>(false, false, true, pa, pb, po, cols, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
    }
  }
}

/**
 * TFLite's quantized ADD (sub 0) / SUB (sub 1) on the general path (see the file header): input i
 * has offset off_i (minus its zero point), multiplier m_i and right shift (mask_i, k_i); the
 * output multiplier mo and shift (masko, ko).
 */
export function q8_addsub_ref(
  u8: i32, sub: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32,
  off1: i32, m1: i32, mask1: i32, k1: i32, off2: i32, m2: i32, mask2: i32, k2: i32,
  mo: i32, masko: i32, ko: i32, zp: i32, lo: i32, hi: i32,
): void {
  if (u8) refRows<u8>(sub != 0, a, b, out, rows, cols, aRow, aCol, bRow, bCol, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
  else refRows<i8>(sub != 0, a, b, out, rows, cols, aRow, aCol, bRow, bCol, off1, m1, mask1, k1, off2, m2, mask2, k2, mo, masko, ko, zp, lo, hi);
}

// ------------------------------------------------------------------ QUANTIZE, DEQUANTIZE

function requantize<TI, TO>(x: usize, out: usize, n: i32, zpIn: i32, left: i32, m: i32, mask: i32, k: i32, zpOut: i32): void {
  const vzpIn = i32x4.splat(zpIn), vm = i32x4.splat(m), vmask = i32x4.splat(mask), vhalf = i32x4.splat(mask >> 1);
  const vzp = i32x4.splat(zpOut);
  const lo = isSigned<TO>() ? i8x16.splat(-128) : i8x16.splat(0), hi = isSigned<TO>() ? i8x16.splat(127) : i8x16.splat(-1);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const v = v128.load(x + i);
    const v0 = widen<TI>(v, false), v1 = widen<TI>(v, true);
    v128.store(out + i, narrowClamp<TO>(
      i32x4.add(rdbpot(srdhm(i32x4.shl(i32x4.sub(i32x4.extend_low_i16x8_s(v0), vzpIn), left), vm), vmask, vhalf, k), vzp),
      i32x4.add(rdbpot(srdhm(i32x4.shl(i32x4.sub(i32x4.extend_high_i16x8_s(v0), vzpIn), left), vm), vmask, vhalf, k), vzp),
      i32x4.add(rdbpot(srdhm(i32x4.shl(i32x4.sub(i32x4.extend_low_i16x8_s(v1), vzpIn), left), vm), vmask, vhalf, k), vzp),
      i32x4.add(rdbpot(srdhm(i32x4.shl(i32x4.sub(i32x4.extend_high_i16x8_s(v1), vzpIn), left), vm), vmask, vhalf, k), vzp),
      lo, hi,
    ));
  }
  const qmin = isSigned<TO>() ? -128 : 0, qmax = isSigned<TO>() ? 127 : 255;
  for (; i < n; i++) {
    const v = rdbpotS(srdhmS((<i32>load<TI>(x + i) - zpIn) << left, m), mask, k) + zpOut;
    store<TO>(out + i, <TO>clampS(v, qmin, qmax));
  }
}

/**
 * QUANTIZE between 8-bit types (reference_ops::Requantize): MultiplyByQuantizedMultiplier(x − zpIn)
 * with left shift `left`, multiplier m and right shift (mask, k), + zpOut, saturated to the output
 * type. uIn / uOut: uint8 (1) or int8 (0).
 */
export function q8_requantize(uIn: i32, uOut: i32, x: usize, out: usize, n: i32, zpIn: i32, left: i32, m: i32, mask: i32, k: i32, zpOut: i32): void {
  if (uIn) {
    if (uOut) requantize<u8, u8>(x, out, n, zpIn, left, m, mask, k, zpOut);
    else requantize<u8, i8>(x, out, n, zpIn, left, m, mask, k, zpOut);
  } else if (uOut) {
    requantize<i8, u8>(x, out, n, zpIn, left, m, mask, k, zpOut);
  } else {
    requantize<i8, i8>(x, out, n, zpIn, left, m, mask, k, zpOut);
  }
}

/**
 * round(x / scale) half away from zero, for two f64 lanes: trunc, then one more step away from
 * zero where the dropped fraction (exact) is at least one half. NaN and ±inf pass (the fraction
 * of an infinity is NaN).
 */
// @ts-ignore: decorator
@inline function roundAway(v: v128): v128 {
  const t = f64x2.trunc(v);
  const step = v128.or(v128.and(v, f64x2.splat(-0.0)), f64x2.splat(1.0));
  return f64x2.add(t, v128.and(step, f64x2.ge(f64x2.abs(f64x2.sub(v, t)), f64x2.splat(0.5))));
}

/** Four f32 lanes quantized: saturating conversion of the rounded quotients to i32 (NaN → 0), + zp wrapping. */
// @ts-ignore: decorator
@inline function quantizeLanes(v: v128, scale: v128, zp: v128): v128 {
  const lo = roundAway(f64x2.div(f64x2.promote_low_f32x4(v), scale));
  const hi = roundAway(f64x2.div(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), scale));
  return i32x4.add(i32x4.shuffle(i32x4.trunc_sat_f64x2_s_zero(lo), i32x4.trunc_sat_f64x2_s_zero(hi), 0, 1, 4, 5), zp);
}

// @ts-ignore: decorator
@inline function quantizeS(v: f32, scale: f64, zp: i32): i32 {
  const q = <f64>v / scale;
  const t = trunc<f64>(q);
  const r = abs<f64>(q - t) >= 0.5 ? t + copysign<f64>(1.0, q) : t;
  // Saturating conversion as floatToInt32 (NaN → 0); then the zero point wraps.
  const q32 = r != r ? 0 : r >= 2147483647.0 ? i32.MAX_VALUE : r <= -2147483648.0 ? i32.MIN_VALUE : <i32>r;
  return q32 + zp;
}

/**
 * Four f32 lanes quantized by a power-of-two scale, in float32: x · (1 / scale) is exact (as the
 * double quotient) unless it overflows, where both saturate, or underflows below 1/2, where both
 * round to 0; trunc and the fraction are exact too.
 */
// @ts-ignore: decorator
@inline function quantizePow2Lanes(v: v128, inv: v128, zp: v128): v128 {
  const w = f32x4.mul(v, inv);
  const t = f32x4.trunc(w);
  const step = v128.or(v128.and(w, f32x4.splat(-0.0)), f32x4.splat(1.0));
  const r = f32x4.add(t, v128.and(step, f32x4.ge(f32x4.abs(f32x4.sub(w, t)), f32x4.splat(0.5))));
  return i32x4.add(i32x4.trunc_sat_f32x4_s(r), zp);
}

// @ts-ignore: decorator
@inline function quantizeLoop<T>(pow2: bool, x: usize, out: usize, n: i32, scale: f64, inv: f32, zp: i32): void {
  const vs = f64x2.splat(scale), vinv = f32x4.splat(inv), vzp = i32x4.splat(zp);
  const lo = isSigned<T>() ? i8x16.splat(-128) : i8x16.splat(0), hi = isSigned<T>() ? i8x16.splat(127) : i8x16.splat(-1);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const p = x + (<usize>i << 2);
    if (pow2) {
      v128.store(out + i, narrowClamp<T>(
        quantizePow2Lanes(v128.load(p), vinv, vzp), quantizePow2Lanes(v128.load(p, 16), vinv, vzp),
        quantizePow2Lanes(v128.load(p, 32), vinv, vzp), quantizePow2Lanes(v128.load(p, 48), vinv, vzp), lo, hi,
      ));
    } else {
      v128.store(out + i, narrowClamp<T>(
        quantizeLanes(v128.load(p), vs, vzp), quantizeLanes(v128.load(p, 16), vs, vzp),
        quantizeLanes(v128.load(p, 32), vs, vzp), quantizeLanes(v128.load(p, 48), vs, vzp), lo, hi,
      ));
    }
  }
  const qmin = isSigned<T>() ? -128 : 0, qmax = isSigned<T>() ? 127 : 255;
  for (; i < n; i++) store<T>(out + i, <T>clampS(quantizeS(load<f32>(x + (<usize>i << 2)), scale, zp), qmin, qmax));
}

function quantize<T>(x: usize, out: usize, n: i32, scale: f64, inv: f32, zp: i32): void {
  if (inv != 0) quantizeLoop<T>(true, x, out, n, scale, inv, zp);
  else quantizeLoop<T>(false, x, out, n, scale, inv, zp);
}

/**
 * QUANTIZE float32 → 8 bits, per tensor: the reference's x / scale in double, rounded half away
 * from zero. `inv`: 1 / scale where scale is a power of two in float32's normal range (then the
 * quotient is computed in float32, four lanes at a time), else 0.
 */
export function q8_quantize_f32(u8: i32, x: usize, out: usize, n: i32, scale: f64, inv: f32, zp: i32): void {
  if (u8) quantize<u8>(x, out, n, scale, inv, zp);
  else quantize<i8>(x, out, n, scale, inv, zp);
}

function dequantize<T>(x: usize, out: usize, n: i32, zp: i32, scale: f32): void {
  const vzp = i16x8.splat(<i16>zp), vs = f32x4.splat(scale);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const v = v128.load(x + i);
    const v0 = i16x8.sub(widen<T>(v, false), vzp), v1 = i16x8.sub(widen<T>(v, true), vzp);
    const p = out + (<usize>i << 2);
    v128.store(p, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_s(v0)), vs));
    v128.store(p, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_s(v0)), vs), 16);
    v128.store(p, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_s(v1)), vs), 32);
    v128.store(p, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_s(v1)), vs), 48);
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>(<i32>load<T>(x + i) - zp) * scale);
}

/**
 * DEQUANTIZE 8 bits → float32, per tensor: (x − zp) · scale, exact in float32 before its one
 * rounding (as the reference's double product stored to float32). CAST is zp 0, scale 1.
 */
export function q8_dequantize(u8: i32, x: usize, out: usize, n: i32, zp: i32, scale: f32): void {
  if (u8) dequantize<u8>(x, out, n, zp, scale);
  else dequantize<i8>(x, out, n, zp, scale);
}

// ------------------------------------------------------------------ table lookup

/**
 * out[i] = table[x[i] as a byte] (256-entry tables: LOGISTIC and the other 8-bit unary ops the
 * reference computes through LUTPopulate): 16 swizzles per 16 bytes, one per 16-entry slice of the
 * table, each index moved down by 16 per slice (a swizzle index past 15 gives 0).
 */
export function q8_lut(x: usize, out: usize, n: i32, table: usize): void {
  const t0 = v128.load(table), t1 = v128.load(table, 16), t2 = v128.load(table, 32), t3 = v128.load(table, 48);
  const t4 = v128.load(table, 64), t5 = v128.load(table, 80), t6 = v128.load(table, 96), t7 = v128.load(table, 112);
  const t8 = v128.load(table, 128), t9 = v128.load(table, 144), t10 = v128.load(table, 160), t11 = v128.load(table, 176);
  const t12 = v128.load(table, 192), t13 = v128.load(table, 208), t14 = v128.load(table, 224), t15 = v128.load(table, 240);
  const step = i8x16.splat(16);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    let v = v128.load(x + i);
    let r = i8x16.swizzle(t0, v);
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t1, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t2, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t3, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t4, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t5, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t6, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t7, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t8, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t9, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t10, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t11, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t12, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t13, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t14, v));
    v = i8x16.sub(v, step); r = v128.or(r, i8x16.swizzle(t15, v));
    v128.store(out + i, r);
  }
  for (; i < n; i++) store<u8>(out + i, load<u8>(table + <usize>load<u8>(x + i)));
}
