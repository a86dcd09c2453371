// f32 AVERAGE_POOL_2D / MAX_POOL_2D (and MEAN over H, W as one window over the whole image) and
// RESIZE_BILINEAR over NHWC data, SIMD over channels: 16 channels at a time (4 accumulators over
// the window's taps), then 4, then the last 1…3 through a block starting at C − 4 that overlaps
// the one before (it recomputes the same values); fewer than 4 channels one at a time.
// Results are the reference's to the bit: the same f32 operations in the same order.

/** TFLite's max pooling starts at the lowest finite float. */
const LOWEST: f32 = -3.4028234663852886e38;

// @ts-ignore: decorator
@inline function clampV(v: v128, lo: v128, hi: v128): v128 {
  return f32x4.pmin(f32x4.pmax(v, lo), hi);
}

// @ts-ignore: decorator
@inline function clampS(v: f32, lo: f32, hi: f32): f32 {
  return v < lo ? lo : v > hi ? hi : v;
}

// @ts-ignore: decorator
@inline function acc(isMax: bool, a: v128, x: v128): v128 {
  return isMax ? f32x4.pmax(a, x) : f32x4.add(a, x);
}

/**
 * One output pixel: the taps ky0 ≤ ky < ky1, kx0 ≤ kx < kx1 of the window whose tap (0, 0) is at
 * byte `base` (row stride `rowBytes`, pixel stride cBytes).
 */
// @ts-ignore: decorator
@inline function poolPixel(
  isMax: bool, base: usize, out: usize, c: i32, rowBytes: usize, ky0: i32, ky1: i32, kx0: i32, kx1: i32, lo: f32, hi: f32,
): void {
  const cBytes = <usize>c << 2;
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const init = f32x4.splat(isMax ? LOWEST : 0);
  const count = f32x4.splat(<f32>((ky1 - ky0) * (kx1 - kx0)));
  let c0 = 0;
  for (; c0 + 16 <= c; c0 += 16) {
    let a0 = init, a1 = init, a2 = init, a3 = init;
    for (let ky = ky0; ky < ky1; ky++) {
      let p = base + <usize>ky * rowBytes + <usize>kx0 * cBytes + (<usize>c0 << 2);
      for (let kx = kx0; kx < kx1; kx++) {
        a0 = acc(isMax, a0, v128.load(p));
        a1 = acc(isMax, a1, v128.load(p, 16));
        a2 = acc(isMax, a2, v128.load(p, 32));
        a3 = acc(isMax, a3, v128.load(p, 48));
        p += cBytes;
      }
    }
    if (!isMax) {
      a0 = f32x4.div(a0, count); a1 = f32x4.div(a1, count); a2 = f32x4.div(a2, count); a3 = f32x4.div(a3, count);
    }
    const o = out + (<usize>c0 << 2);
    v128.store(o, clampV(a0, vlo, vhi));
    v128.store(o, clampV(a1, vlo, vhi), 16);
    v128.store(o, clampV(a2, vlo, vhi), 32);
    v128.store(o, clampV(a3, vlo, vhi), 48);
  }
  if (c >= 4) {
    for (; c0 < c; c0 += 4) {
      const s = <usize>min(c0, c - 4) << 2;
      let a0 = init;
      for (let ky = ky0; ky < ky1; ky++) {
        let p = base + <usize>ky * rowBytes + <usize>kx0 * cBytes + s;
        for (let kx = kx0; kx < kx1; kx++) {
          a0 = acc(isMax, a0, v128.load(p));
          p += cBytes;
        }
      }
      if (!isMax) a0 = f32x4.div(a0, count);
      v128.store(out + s, clampV(a0, vlo, vhi));
    }
  } else {
    const n = <f32>((ky1 - ky0) * (kx1 - kx0));
    for (; c0 < c; c0++) {
      let a: f32 = isMax ? LOWEST : 0;
      for (let ky = ky0; ky < ky1; ky++) {
        let p = base + <usize>ky * rowBytes + <usize>kx0 * cBytes + (<usize>c0 << 2);
        for (let kx = kx0; kx < kx1; kx++) {
          const x = load<f32>(p);
          if (isMax) a = x > a ? x : a;
          else a += x;
          p += cBytes;
        }
      }
      if (!isMax) a /= n;
      store<f32>(out + (<usize>c0 << 2), clampS(a, lo, hi));
    }
  }
}

// @ts-ignore: decorator
@inline function poolLoop(
  isMax: bool, input: usize, output: usize, batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  fH: i32, fW: i32, sH: i32, sW: i32, padH: i32, padW: i32, lo: f32, hi: f32,
): void {
  const cBytes = <usize>c << 2;
  const rowBytes = <usize>inW * cBytes;
  let out = output;
  for (let b = 0; b < batches; b++) {
    const image = input + <usize>b * <usize>inH * rowBytes;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * sH - padH;
      const ky0 = max(0, -iy0), ky1 = min(fH, inH - iy0);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * sW - padW;
        const kx0 = max(0, -ix0), kx1 = min(fW, inW - ix0);
        // Tap (0, 0) may lie outside the input: only taps inside are read.
        const base = image + <usize>(iy0 * inW + ix0) * cBytes;
        poolPixel(isMax, base, out, c, rowBytes, ky0, ky1, kx0, kx1, lo, hi);
        out += cBytes;
      }
    }
  }
}

/**
 * Average (isMax 0) or max (1) pooling: the mean or maximum of the taps inside the input (a
 * window always has one), clamped to [lo, hi]. Offsets in bytes, sizes in elements.
 */
export function pool_f32(
  isMax: i32, input: usize, output: usize, batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  fH: i32, fW: i32, sH: i32, sW: i32, padH: i32, padW: i32, lo: f32, hi: f32,
): void {
  // One function each: in one body, binaryen merges the two loops into one that tests isMax per tap.
  if (isMax) maxPool(input, output, batches, inH, inW, c, outH, outW, fH, fW, sH, sW, padH, padW, lo, hi);
  else avgPool(input, output, batches, inH, inW, c, outH, outW, fH, fW, sH, sW, padH, padW, lo, hi);
}

function maxPool(
  input: usize, output: usize, batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  fH: i32, fW: i32, sH: i32, sW: i32, padH: i32, padW: i32, lo: f32, hi: f32,
): void {
  poolLoop(true, input, output, batches, inH, inW, c, outH, outW, fH, fW, sH, sW, padH, padW, lo, hi);
}

function avgPool(
  input: usize, output: usize, batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  fH: i32, fW: i32, sH: i32, sW: i32, padH: i32, padW: i32, lo: f32, hi: f32,
): void {
  poolLoop(false, input, output, batches, inH, inW, c, outH, outW, fH, fW, sH, sW, padH, padW, lo, hi);
}

// ------------------------------------------------------------------ RESIZE_BILINEAR

/** Source coordinate of output `v` along one axis, in f32 as the reference computes it. */
// @ts-ignore: decorator
@inline function sourceOf(v: i32, scale: f32, halfPixel: bool): f32 {
  return halfPixel ? (<f32>v + <f32>0.5) * scale - <f32>0.5 : <f32>v * scale;
}

/**
 * Bilinear resize: each output value sums the four corners' products in f32 in the order
 * (y0,x0), (y0,x1), (y1,x0), (y1,x1), weights (1−dy)(1−dx), (1−dy)dx, dy(1−dx), dy·dx.
 * hScale / wScale: the reference's f32 scales. `scratch`: 16·outW bytes for the columns' sources
 * and weights. Output rows [y0, y0 + rows) of each image (of outH) are written, `output` being
 * where row y0 of the first image goes (threads split the rows). Offsets in bytes, sizes in elements.
 */
export function resize_bilinear_f32(
  input: usize, output: usize, batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  hScale: f32, wScale: f32, halfPixel: i32, scratch: usize, y0: i32, rows: i32,
): void {
  const cBytes = <usize>c << 2;
  const rowBytes = <usize>inW * cBytes;
  const half = halfPixel != 0;
  // Per output column: byte offsets of x0 and x1 in a row, 1 − dx and dx.
  for (let x = 0; x < outW; x++) {
    const ix = sourceOf(x, wScale, half);
    const x0 = <i32>max(floor(ix), <f32>0), x1 = <i32>min(ceil(ix), <f32>(inW - 1));
    const dx = ix - <f32>x0;
    const e = scratch + (<usize>x << 4);
    store<u32>(e, <u32>(<usize>x0 * cBytes));
    store<u32>(e, <u32>(<usize>x1 * cBytes), 4);
    store<f32>(e, 1 - dx, 8);
    store<f32>(e, dx, 12);
  }
  const skip = <usize>(outH - rows) * <usize>outW * cBytes; // the rows of an image outside [y0, y0 + rows)
  let out = output;
  for (let b = 0; b < batches; b++) {
    const image = input + <usize>b * <usize>inH * rowBytes;
    if (b > 0) out += skip;
    for (let y = y0; y < y0 + rows; y++) {
      const iy = sourceOf(y, hScale, half);
      const y0 = <i32>max(floor(iy), <f32>0), y1 = <i32>min(ceil(iy), <f32>(inH - 1));
      const dy = iy - <f32>y0;
      const ey: f32 = 1 - dy;
      const top = image + <usize>y0 * rowBytes, bottom = image + <usize>y1 * rowBytes;
      for (let x = 0; x < outW; x++) {
        const e = scratch + (<usize>x << 4);
        const o0 = <usize>load<u32>(e), o1 = <usize>load<u32>(e, 4);
        const ex = load<f32>(e, 8), dx = load<f32>(e, 12);
        const w00 = ey * ex, w01 = ey * dx, w10 = dy * ex, w11 = dy * dx;
        const p00 = top + o0, p01 = top + o1, p10 = bottom + o0, p11 = bottom + o1;
        if (c >= 4) {
          const v00 = f32x4.splat(w00), v01 = f32x4.splat(w01), v10 = f32x4.splat(w10), v11 = f32x4.splat(w11);
          for (let c0 = 0; c0 < c; c0 += 4) {
            const s = <usize>min(c0, c - 4) << 2;
            let v = f32x4.mul(v128.load(p00 + s), v00);
            v = f32x4.add(v, f32x4.mul(v128.load(p01 + s), v01));
            v = f32x4.add(v, f32x4.mul(v128.load(p10 + s), v10));
            v = f32x4.add(v, f32x4.mul(v128.load(p11 + s), v11));
            v128.store(out + s, v);
          }
        } else {
          for (let c0 = 0; c0 < c; c0++) {
            const s = <usize>c0 << 2;
            let v = load<f32>(p00 + s) * w00;
            v += load<f32>(p01 + s) * w01;
            v += load<f32>(p10 + s) * w10;
            v += load<f32>(p11 + s) * w11;
            store<f32>(out + s, v);
          }
        }
        out += cBytes;
      }
    }
  }
}

// ------------------------------------------------------------------ data movement

// Copies n floats (any 4-byte values): vectors, the last one overlapping when n % 4 ≠ 0.
// @ts-ignore: decorator
@inline function copy32(dst: usize, src: usize, n: i32): void {
  if (n >= 4) {
    const last = <usize>(n - 4) << 2;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, v128.load(src + i));
    v128.store(dst + last, v128.load(src + last));
  } else {
    for (let i = 0; i < n; i++) store<u32>(dst + (<usize>i << 2), load<u32>(src + (<usize>i << 2)));
  }
}

// Sets n 4-byte values to the splat `v`.
// @ts-ignore: decorator
@inline function fill32(dst: usize, v: v128, n: i32): void {
  if (n >= 4) {
    const last = <usize>(n - 4) << 2;
    for (let i: usize = 0; i < last; i += 16) v128.store(dst + i, v);
    v128.store(dst + last, v);
  } else {
    const s = i32x4.extract_lane(v, 0);
    for (let i = 0; i < n; i++) store<i32>(dst + (<usize>i << 2), s);
  }
}

/**
 * rows × cols 4-byte values from src (row stride srcStride) to dst (row stride dstStride), strides
 * in elements: one input of a CONCATENATION (its block of each outer index).
 */
export function copy_rows_32(src: usize, dst: usize, rows: i32, cols: i32, srcStride: i32, dstStride: i32): void {
  const sStep = <usize>srcStride << 2, dStep = <usize>dstStride << 2;
  for (let r = 0; r < rows; r++) {
    copy32(dst, src, cols);
    src += sStep;
    dst += dStep;
  }
}

/**
 * PAD of 4-byte values over 4-D shapes (lower ranks padded with leading ones): the input
 * [d0, d1, d2, d3] placed at (b0, b1, b2, b3) in the output [o0, o1, o2, o3], `value` (its bits)
 * everywhere else; each output row is written once.
 */
export function pad_32(
  input: usize, output: usize, d0: i32, d1: i32, d2: i32, d3: i32,
  b0: i32, b1: i32, b2: i32, b3: i32, o0: i32, o1: i32, o2: i32, o3: i32, value: i32,
): void {
  const v = i32x4.splat(value);
  const rowBytes = <usize>o3 << 2;
  const after = o3 - b3 - d3;
  let out = output, src = input;
  for (let i0 = 0; i0 < o0; i0++) {
    const in0 = i0 >= b0 && i0 < b0 + d0;
    for (let i1 = 0; i1 < o1; i1++) {
      const in1 = in0 && i1 >= b1 && i1 < b1 + d1;
      for (let i2 = 0; i2 < o2; i2++) {
        if (in1 && i2 >= b2 && i2 < b2 + d2) {
          fill32(out, v, b3);
          copy32(out + (<usize>b3 << 2), src, d3);
          fill32(out + (<usize>(b3 + d3) << 2), v, after);
          src += <usize>d3 << 2;
        } else {
          fill32(out, v, o3);
        }
        out += rowBytes;
      }
    }
  }
}
