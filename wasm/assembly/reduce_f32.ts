// f32 reductions over one contiguous block of axes: the input seen as [outer, k, inner], the output
// [outer, inner], out[o, c] folding x[o, 0..k, c] in increasing k, as the reference kernels do
// (so every result has the reference's bits). Vectors run across `inner` (different outputs), or,
// for k = 2 and inner = 1 (a softmax over two classes), across rows. A call covers outputs
// [0, outer) of the pointers it is given: threads split `outer`.

/** y = x0 + x1 + …, left to right. */
export const R_SUM = 0;
/** y = y > x ? y : x, starting at x0 (TFLite's MaxOp). */
export const R_MAX = 1;
/** y = y < x ? y : x. */
export const R_MIN = 2;
/** y = x0 · x1 · …. */
export const R_PROD = 3;
/** (0 + x0 + x1 + …) / count. */
export const R_MEAN = 4;

// @ts-ignore: decorator
@inline function foldV(op: i32, y: v128, x: v128): v128 {
  if (op == R_MAX) return v128.bitselect(y, x, f32x4.gt(y, x));
  if (op == R_MIN) return v128.bitselect(y, x, f32x4.lt(y, x));
  if (op == R_PROD) return f32x4.mul(y, x);
  return f32x4.add(y, x);
}

// @ts-ignore: decorator
@inline function foldS(op: i32, y: f32, x: f32): f32 {
  if (op == R_MAX) return y > x ? y : x;
  if (op == R_MIN) return y < x ? y : x;
  if (op == R_PROD) return y * x;
  return y + x;
}

// @ts-ignore: decorator
@inline function reduceLoop(op: i32, x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void {
  const mean = op == R_MEAN;
  const vcount = f32x4.splat(count);
  if (inner == 1) {
    let o = 0;
    if (k == 2) {
      for (; o + 4 <= outer; o += 4) {
        const p = x + (<usize>o << 3);
        const v0 = v128.load(p), v1 = v128.load(p, 16);
        let a = v128.shuffle<f32>(v0, v1, 0, 2, 4, 6);
        const b = v128.shuffle<f32>(v0, v1, 1, 3, 5, 7);
        if (mean) a = f32x4.add(f32x4.splat(0), a);
        let y = foldV(op, a, b);
        if (mean) y = f32x4.div(y, vcount);
        v128.store(out + (<usize>o << 2), y);
      }
    }
    for (; o < outer; o++) {
      const p = x + (<usize>o * k << 2);
      let y = load<f32>(p);
      if (mean) y = 0 + y;
      for (let j = 1; j < k; j++) y = foldS(op, y, load<f32>(p + (<usize>j << 2)));
      store<f32>(out + (<usize>o << 2), mean ? y / count : y);
    }
    return;
  }
  const rowBytes = <usize>inner << 2;
  for (let o = 0; o < outer; o++) {
    const src = x + <usize>o * k * rowBytes, dst = out + <usize>o * rowBytes;
    if (inner >= 4) {
      // Vectors of 4 outputs; the last one overlaps the previous (recomputing the same values).
      for (let c = 0; c < inner; c += 4) {
        const off = <usize>min(c, inner - 4) << 2;
        let y = v128.load(src + off);
        if (mean) y = f32x4.add(f32x4.splat(0), y);
        for (let j = 1; j < k; j++) y = foldV(op, y, v128.load(src + <usize>j * rowBytes + off));
        v128.store(dst + off, mean ? f32x4.div(y, vcount) : y);
      }
    } else {
      for (let c = 0; c < inner; c++) {
        const off = <usize>c << 2;
        let y = load<f32>(src + off);
        if (mean) y = 0 + y;
        for (let j = 1; j < k; j++) y = foldS(op, y, load<f32>(src + <usize>j * rowBytes + off));
        store<f32>(dst + off, mean ? y / count : y);
      }
    }
  }
}

// One function per op (see elementwise_f32.ts).
function rSum(x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void { reduceLoop(R_SUM, x, out, outer, k, inner, count); }
function rMax(x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void { reduceLoop(R_MAX, x, out, outer, k, inner, count); }
function rMin(x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void { reduceLoop(R_MIN, x, out, outer, k, inner, count); }
function rProd(x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void { reduceLoop(R_PROD, x, out, outer, k, inner, count); }
function rMean(x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void { reduceLoop(R_MEAN, x, out, outer, k, inner, count); }

/** See the file header; k ≥ 1; `count` is MEAN's divisor (k as f32). */
export function reduce_f32(op: i32, x: usize, out: usize, outer: i32, k: i32, inner: i32, count: f32): void {
  switch (op) {
    case R_SUM: rSum(x, out, outer, k, inner, count); break;
    case R_MAX: rMax(x, out, outer, k, inner, count); break;
    case R_MIN: rMin(x, out, outer, k, inner, count); break;
    case R_PROD: rProd(x, out, outer, k, inner, count); break;
    default: rMean(x, out, outer, k, inner, count);
  }
}
