// f32 element-wise math over the heap, SIMD128: the unary ops of the reference kernels (math_f32)
// and the broadcasting binary ops binary_f32 (elementwise_f32.ts) does not run (binary2_f32).
// Exact where the reference rounds one correctly rounded f32 result (NEG, ABS, SQUARE, SQRT,
// RSQRT, CEIL, FLOOR, ROUND, DIV, MAXIMUM, MINIMUM, SQUARED_DIFFERENCE); EXP, LOG and TANH are
// Cephes-style approximations within a few ulp (the reference rounds Math.exp/log/tanh).
// A call covers elements [0, n) / rows [0, rows) of the pointers it is given: threads split ranges.
import { expV } from './elementwise_f32';

export const M_NEG = 0;
export const M_ABS = 1;
export const M_SQUARE = 2;
export const M_SQRT = 3;
/** 1 / sqrt(x), both steps rounded to f32. */
export const M_RSQRT = 4;
export const M_EXP = 5;
export const M_LOG = 6;
export const M_TANH = 7;
export const M_CEIL = 8;
export const M_FLOOR = 9;
/** Round half to even. */
export const M_ROUND = 10;

// @ts-ignore: decorator
@inline function logV(x: v128): v128 {
  // Cephes logf: x = m · 2^e with m in [√½, √2), log(m) = t − t²/2 + t³·P(t) for t = m − 1.
  // Subnormals are scaled by 2^23 first; x < 0, 0, +∞ and NaN are patched in at the end.
  const bits = x;
  const sub = i32x4.lt_s(bits, i32x4.splat(0x00800000));
  const xs = v128.bitselect(f32x4.mul(x, f32x4.splat(8388608.0)), x, sub);
  let e = i32x4.sub(i32x4.shr_u(xs, 23), i32x4.splat(126));
  e = v128.bitselect(i32x4.sub(e, i32x4.splat(23)), e, sub);
  // Mantissa in [0.5, 1).
  let m = v128.or(v128.and(xs, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  const low = f32x4.lt(m, f32x4.splat(0.707106781186547524));
  e = i32x4.add(e, low); // low lanes are -1: e − 1
  m = f32x4.sub(f32x4.add(m, v128.and(m, low)), f32x4.splat(1)); // low: 2m − 1, else m − 1
  const fe = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  let p = f32x4.splat(7.0376836292e-2);
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.1514610310e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(1.1676998740e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.2420140846e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(1.4249322787e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.6668057665e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(2.0000714765e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-2.4999993993e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(3.3333331174e-1));
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = f32x4.add(y, f32x4.mul(fe, f32x4.splat(-2.12194440e-4)));
  y = f32x4.sub(y, f32x4.mul(z, f32x4.splat(0.5)));
  let r = f32x4.add(f32x4.add(m, y), f32x4.mul(fe, f32x4.splat(0.693359375)));
  r = v128.bitselect(f32x4.splat(-Infinity), r, f32x4.eq(x, f32x4.splat(0)));
  r = v128.bitselect(x, r, f32x4.eq(x, f32x4.splat(Infinity)));
  // x < 0 and NaN (x != x) give NaN.
  return v128.bitselect(f32x4.splat(NaN), r, v128.or(f32x4.lt(x, f32x4.splat(0)), f32x4.ne(x, x)));
}

// @ts-ignore: decorator
@inline function tanhV(x: v128): v128 {
  // Cephes tanhf: |x| < 0.625 an odd polynomial (relative accuracy near 0), else 1 − 2/(e^2|x| + 1);
  // the sign copied back from x (NaN stays NaN: the second branch propagates it).
  const z = f32x4.abs(x);
  const s = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, s), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, s), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, s), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, s), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, s), x), x);
  const one = f32x4.splat(1);
  const big = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(expV(f32x4.add(z, z)), one)));
  const signed = v128.or(big, v128.and(x, i32x4.splat(0x80000000)));
  return v128.bitselect(small, signed, f32x4.lt(z, f32x4.splat(0.625)));
}

// @ts-ignore: decorator
@inline function mathV(op: i32, x: v128): v128 {
  if (op == M_NEG) return f32x4.neg(x);
  if (op == M_ABS) return f32x4.abs(x);
  if (op == M_SQUARE) return f32x4.mul(x, x);
  if (op == M_SQRT) return f32x4.sqrt(x);
  if (op == M_RSQRT) return f32x4.div(f32x4.splat(1), f32x4.sqrt(x));
  if (op == M_EXP) return expV(x);
  if (op == M_LOG) return logV(x);
  if (op == M_TANH) return tanhV(x);
  if (op == M_CEIL) return f32x4.ceil(x);
  if (op == M_FLOOR) return f32x4.floor(x);
  // Ties to even; a result of zero is +0 (as the reference's floor + 1) unless x is ±0 itself.
  return v128.bitselect(x, f32x4.add(f32x4.nearest(x), f32x4.splat(0)), f32x4.eq(x, f32x4.splat(0)));
}

// @ts-ignore: decorator
@inline function mathLoop(op: i32, x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    v128.store(out + off, mathV(op, v128.load(x + off)));
  }
  if (i < n) {
    // The last 1…3 values through one vector (no access past either end).
    const off = <usize>i << 2;
    const left = n - i;
    let v = f32x4.splat(1);
    v = f32x4.replace_lane(v, 0, load<f32>(x + off));
    if (left > 1) v = f32x4.replace_lane(v, 1, load<f32>(x + off, 4));
    if (left > 2) v = f32x4.replace_lane(v, 2, load<f32>(x + off, 8));
    v = mathV(op, v);
    store<f32>(out + off, f32x4.extract_lane(v, 0));
    if (left > 1) store<f32>(out + off, f32x4.extract_lane(v, 1), 4);
    if (left > 2) store<f32>(out + off, f32x4.extract_lane(v, 2), 8);
  }
}

// One function per op: in one body, binaryen merges the loops into one that tests op per element.
function mNeg(x: usize, out: usize, n: i32): void { mathLoop(M_NEG, x, out, n); }
function mAbs(x: usize, out: usize, n: i32): void { mathLoop(M_ABS, x, out, n); }
function mSquare(x: usize, out: usize, n: i32): void { mathLoop(M_SQUARE, x, out, n); }
function mSqrt(x: usize, out: usize, n: i32): void { mathLoop(M_SQRT, x, out, n); }
function mRsqrt(x: usize, out: usize, n: i32): void { mathLoop(M_RSQRT, x, out, n); }
function mExp(x: usize, out: usize, n: i32): void { mathLoop(M_EXP, x, out, n); }
function mLog(x: usize, out: usize, n: i32): void { mathLoop(M_LOG, x, out, n); }
function mTanh(x: usize, out: usize, n: i32): void { mathLoop(M_TANH, x, out, n); }
function mCeil(x: usize, out: usize, n: i32): void { mathLoop(M_CEIL, x, out, n); }
function mFloor(x: usize, out: usize, n: i32): void { mathLoop(M_FLOOR, x, out, n); }
function mRound(x: usize, out: usize, n: i32): void { mathLoop(M_ROUND, x, out, n); }

/** out[i] = f(x[i]) for i < n (x may be out). */
export function math_f32(op: i32, x: usize, out: usize, n: i32): void {
  switch (op) {
    case M_NEG: mNeg(x, out, n); break;
    case M_ABS: mAbs(x, out, n); break;
    case M_SQUARE: mSquare(x, out, n); break;
    case M_SQRT: mSqrt(x, out, n); break;
    case M_RSQRT: mRsqrt(x, out, n); break;
    case M_EXP: mExp(x, out, n); break;
    case M_LOG: mLog(x, out, n); break;
    case M_TANH: mTanh(x, out, n); break;
    case M_CEIL: mCeil(x, out, n); break;
    case M_FLOOR: mFloor(x, out, n); break;
    default: mRound(x, out, n);
  }
}

// ------------------------------------------------------------------ binary

export const B_DIV = 0;
/** x > y ? x : y (a NaN in y wins, one in x loses), as TFLite's MaximumOp. */
export const B_MAX = 1;
/** x < y ? x : y. */
export const B_MIN = 2;
/** (x − y)². */
export const B_SQDIFF = 3;

// @ts-ignore: decorator
@inline function bin2V(op: i32, x: v128, y: v128): v128 {
  if (op == B_DIV) return f32x4.div(x, y);
  if (op == B_MAX) return v128.bitselect(x, y, f32x4.gt(x, y));
  if (op == B_MIN) return v128.bitselect(x, y, f32x4.lt(x, y));
  const d = f32x4.sub(x, y);
  return f32x4.mul(d, d);
}

// @ts-ignore: decorator
@inline function bin2S(op: i32, x: f32, y: f32): f32 {
  if (op == B_DIV) return x / y;
  if (op == B_MAX) return x > y ? x : y;
  if (op == B_MIN) return x < y ? x : y;
  const d = x - y;
  return d * d;
}

/** One row of `cols` values; `aVec` / `bVec`: whether that operand advances along the row. Then clamp to [lo, hi] (NaN passes). */
// @ts-ignore: decorator
@inline function bin2Row(op: i32, aVec: bool, bVec: bool, a: usize, b: usize, out: usize, cols: i32, lo: f32, hi: f32): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const sa = aVec ? f32x4.splat(0) : v128.load32_splat(a);
  const sb = bVec ? f32x4.splat(0) : v128.load32_splat(b);
  let i = 0;
  for (; i + 4 <= cols; i += 4) {
    const off = <usize>i << 2;
    const r = bin2V(op, aVec ? v128.load(a + off) : sa, bVec ? v128.load(b + off) : sb);
    v128.store(out + off, f32x4.pmin(f32x4.pmax(r, vlo), vhi));
  }
  for (; i < cols; i++) {
    const off = <usize>i << 2;
    const r = bin2S(op, load<f32>(aVec ? a + off : a), load<f32>(bVec ? b + off : b));
    const c = r < lo ? lo : r;
    store<f32>(out + off, hi < c ? hi : c);
  }
}

// @ts-ignore: decorator
@inline function bin2Loop(
  op: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32,
): void {
  const aStep = <usize>aRow << 2, bStep = <usize>bRow << 2, oStep = <usize>cols << 2;
  if (aCol != 0 && bCol != 0) {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) bin2Row(op, true, true, a, b, out, cols, lo, hi);
  } else if (aCol != 0) {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) bin2Row(op, true, false, a, b, out, cols, lo, hi);
  } else {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) bin2Row(op, false, true, a, b, out, cols, lo, hi);
  }
}

function bDiv(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  bin2Loop(B_DIV, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function bMax(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  bin2Loop(B_MAX, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function bMin(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  bin2Loop(B_MIN, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function bSqdiff(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  bin2Loop(B_SQDIFF, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}

/**
 * out[r·cols + c] = clamp(a[r·aRow + c·aCol] ∘ b[r·bRow + c·bCol], lo, hi): binary_f32's
 * broadcast patterns (elementwise_f32.ts) for DIV, MAXIMUM, MINIMUM and SQUARED_DIFFERENCE.
 */
export function binary2_f32(
  op: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32,
): void {
  switch (op) {
    case B_DIV: bDiv(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    case B_MAX: bMax(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    case B_MIN: bMin(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    default: bSqdiff(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
  }
}
