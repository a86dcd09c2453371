// f32 element-wise kernels over the heap, SIMD128 with a scalar tail. Each computes what the
// reference kernel computes, rounding included (f32 operations round as the reference's stores do).
//
// binary_f32: out[r·cols + c] = a[r·aRow + c·aCol] ∘ b[r·bRow + c·bCol] for r < rows, c < cols,
// aCol and bCol 0 or 1 (not both 0): same shapes (one row), a scalar or a vector repeated along
// the rows (the other operand's suffix), or one value per row; then the clamp [lo, hi].
// unary_f32: out[i] = f(x[i]).

export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
/** x ≥ 0 ? x : x · alpha (a = x, b = alpha). */
export const OP_PRELU = 3;

export const UN_RELU = 0;
export const UN_RELU6 = 1;
export const UN_RELU_N1_TO_1 = 2;
/** x > 0 ? x : x · p0. */
export const UN_LEAKY_RELU = 3;
export const UN_HARD_SWISH = 4;
export const UN_LOGISTIC = 5;
/** clamp(x, p0, p1) as the fused activations: NaN passes. */
export const UN_CLAMP = 6;

// @ts-ignore: decorator
@inline function clampV(v: v128, lo: v128, hi: v128): v128 {
  return f32x4.pmin(f32x4.pmax(v, lo), hi);
}

// @ts-ignore: decorator
@inline function clampS(v: f32, lo: f32, hi: f32): f32 {
  const y = v < lo ? lo : v;
  return hi < y ? hi : y;
}

// @ts-ignore: decorator
@inline function binV(op: i32, x: v128, y: v128): v128 {
  if (op == OP_ADD) return f32x4.add(x, y);
  if (op == OP_SUB) return f32x4.sub(x, y);
  if (op == OP_MUL) return f32x4.mul(x, y);
  return v128.bitselect(x, f32x4.mul(x, y), f32x4.ge(x, f32x4.splat(0)));
}

// @ts-ignore: decorator
@inline function binS(op: i32, x: f32, y: f32): f32 {
  if (op == OP_ADD) return x + y;
  if (op == OP_SUB) return x - y;
  if (op == OP_MUL) return x * y;
  return x >= 0 ? x : x * y;
}

/** One row of `cols` values; `aVec` / `bVec`: whether that operand advances along the row. */
// @ts-ignore: decorator
@inline function binRow(op: i32, aVec: bool, bVec: bool, a: usize, b: usize, out: usize, cols: i32, lo: v128, hi: v128, slo: f32, shi: f32): void {
  const sa = aVec ? f32x4.splat(0) : v128.load32_splat(a);
  const sb = bVec ? f32x4.splat(0) : v128.load32_splat(b);
  let i = 0;
  for (; i + 4 <= cols; i += 4) {
    const off = <usize>i << 2;
    const x = aVec ? v128.load(a + off) : sa;
    const y = bVec ? v128.load(b + off) : sb;
    v128.store(out + off, clampV(binV(op, x, y), lo, hi));
  }
  for (; i < cols; i++) {
    const off = <usize>i << 2;
    const x = load<f32>(aVec ? a + off : a);
    const y = load<f32>(bVec ? b + off : b);
    store<f32>(out + off, clampS(binS(op, x, y), slo, shi));
  }
}

// @ts-ignore: decorator
@inline function binLoop(
  op: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const aStep = <usize>aRow << 2, bStep = <usize>bRow << 2, oStep = <usize>cols << 2;
  if (aCol != 0 && bCol != 0) {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) binRow(op, true, true, a, b, out, cols, vlo, vhi, lo, hi);
  } else if (aCol != 0) {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) binRow(op, true, false, a, b, out, cols, vlo, vhi, lo, hi);
  } else {
    for (let r = 0; r < rows; r++, a += aStep, b += bStep, out += oStep) binRow(op, false, true, a, b, out, cols, vlo, vhi, lo, hi);
  }
}

function binAdd(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  binLoop(OP_ADD, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function binSub(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  binLoop(OP_SUB, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function binMul(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  binLoop(OP_MUL, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}
function binPrelu(a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32): void {
  binLoop(OP_PRELU, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
}

/** See the file header. Strides in elements, offsets in bytes. */
export function binary_f32(
  op: i32, a: usize, b: usize, out: usize, rows: i32, cols: i32, aRow: i32, aCol: i32, bRow: i32, bCol: i32, lo: f32, hi: f32,
): void {
  // One function per op: in one body, binaryen merges the four loops into one that tests op per element.
  switch (op) {
    case OP_ADD: binAdd(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    case OP_SUB: binSub(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    case OP_MUL: binMul(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi); break;
    default: binPrelu(a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi);
  }
}

// ------------------------------------------------------------------ exp for LOGISTIC

// exp(x) for f32 lanes: x = n·ln2 + r, |r| ≤ ln2/2 (ln2 split in two for an exact n·ln2_hi), then
// e^r by Cephes expf's polynomial, and
// 2^n as two power-of-two factors, so results down in the subnormals scale as exp does.
// Inputs are clamped to [-104, 89] (exp underflows to 0 / overflows to ∞ there anyway).
// @ts-ignore: decorator
@inline export function expV(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-104)), f32x4.splat(89));
  // n = round(x / ln2) by adding 1.5·2^23: the sum's low mantissa bits are n (no convert instructions).
  const magic = f32x4.splat(12582912.0);
  const t = f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), magic);
  const n = f32x4.sub(t, magic);
  const ni = i32x4.sub(t, magic);
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  // e^r ≈ 1 + r + r²·P(r): Cephes expf's minimax polynomial (relative error ~1e-7 on the range).
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  // 2^n = 2^(n >> 1) · 2^(n − (n >> 1)), each factor a normal float for n in [-150, 128].
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const bias = i32x4.splat(127);
  const s1 = i32x4.shl(i32x4.add(n1, bias), 23);
  const s2 = i32x4.shl(i32x4.add(n2, bias), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

// @ts-ignore: decorator
@inline function logisticV(x: v128): v128 {
  // The reference: x > 16.619… → 1; x < -9 → e^x; else 1 / (1 + e^-x).
  const one = f32x4.splat(1);
  const small = f32x4.lt(x, f32x4.splat(-9));
  const e = expV(v128.bitselect(x, f32x4.neg(x), small));
  let y = v128.bitselect(e, f32x4.div(one, f32x4.add(one, e)), small);
  y = v128.bitselect(one, y, f32x4.gt(x, f32x4.splat(16.619047164916992)));
  // NaN in, NaN out.
  return v128.bitselect(y, x, f32x4.eq(x, x));
}

// @ts-ignore: decorator
@inline function unV(op: i32, x: v128, p0: v128, p1: v128): v128 {
  if (op == UN_RELU) return f32x4.pmax(f32x4.splat(0), x);
  // Math.max(lo, Math.min(x, hi)) with pmin/pmax (single instructions): NaN passes; RELU6 adds +0
  // so that -0 becomes +0 as Math.max(0, -0) does.
  if (op == UN_RELU6) return f32x4.add(f32x4.pmax(f32x4.pmin(x, f32x4.splat(6)), f32x4.splat(0)), f32x4.splat(0));
  if (op == UN_RELU_N1_TO_1) return f32x4.pmax(f32x4.pmin(x, f32x4.splat(1)), f32x4.splat(-1));
  if (op == UN_LEAKY_RELU) return v128.bitselect(x, f32x4.mul(x, p0), f32x4.gt(x, f32x4.splat(0)));
  if (op == UN_HARD_SWISH) {
    const r = f32x4.pmin(f32x4.pmax(f32x4.add(x, f32x4.splat(3)), f32x4.splat(0)), f32x4.splat(6));
    return f32x4.div(f32x4.mul(x, r), f32x4.splat(6));
  }
  if (op == UN_LOGISTIC) return logisticV(x);
  return clampV(x, p0, p1);
}

// @ts-ignore: decorator
@inline function unLoop(op: i32, x: usize, out: usize, n: i32, a: f32, b: f32): void {
  const p0 = f32x4.splat(a), p1 = f32x4.splat(b);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    v128.store(out + off, unV(op, v128.load(x + off), p0, p1));
  }
  if (i < n) {
    // The last 1…3 values through a vector in scratch lanes (no read or write past the ends).
    const off = <usize>i << 2;
    let v = f32x4.splat(0);
    const left = n - i;
    v = f32x4.replace_lane(v, 0, load<f32>(x + off));
    if (left > 1) v = f32x4.replace_lane(v, 1, load<f32>(x + off, 4));
    if (left > 2) v = f32x4.replace_lane(v, 2, load<f32>(x + off, 8));
    v = unV(op, v, p0, p1);
    store<f32>(out + off, f32x4.extract_lane(v, 0));
    if (left > 1) store<f32>(out + off, f32x4.extract_lane(v, 1), 4);
    if (left > 2) store<f32>(out + off, f32x4.extract_lane(v, 2), 8);
  }
}

function unRelu(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_RELU, x, out, n, a, b); }
function unRelu6(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_RELU6, x, out, n, a, b); }
function unReluN1(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_RELU_N1_TO_1, x, out, n, a, b); }
function unLeaky(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_LEAKY_RELU, x, out, n, a, b); }
function unHardSwish(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_HARD_SWISH, x, out, n, a, b); }
function unLogistic(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_LOGISTIC, x, out, n, a, b); }
function unClamp(x: usize, out: usize, n: i32, a: f32, b: f32): void { unLoop(UN_CLAMP, x, out, n, a, b); }

/** out[i] = f(x[i]) for i < n; p0, p1: LEAKY_RELU's alpha, UN_CLAMP's bounds. */
export function unary_f32(op: i32, x: usize, out: usize, n: i32, p0: f32, p1: f32): void {
  // One function per op (see binary_f32).
  switch (op) {
    case UN_RELU: unRelu(x, out, n, p0, p1); break;
    case UN_RELU6: unRelu6(x, out, n, p0, p1); break;
    case UN_RELU_N1_TO_1: unReluN1(x, out, n, p0, p1); break;
    case UN_LEAKY_RELU: unLeaky(x, out, n, p0, p1); break;
    case UN_HARD_SWISH: unHardSwish(x, out, n, p0, p1); break;
    case UN_LOGISTIC: unLogistic(x, out, n, p0, p1); break;
    default: unClamp(x, out, n, p0, p1);
  }
}
