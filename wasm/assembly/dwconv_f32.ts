// f32 DEPTHWISE_CONV_2D over NHWC data, depth multiplier 1 (a larger multiplier is expanded into
// the channels first, see pad_input_f32). SIMD over channels: 4-channel blocks, the last
// block of a channel count that is not a multiple of 4 starts at C − 4 and overlaps the one before
// (it recomputes and rewrites the same values), so there is no scalar tail; C ≥ 4.
//
// Packed weights (packDepthwiseWeights in src/kernels/simd/depthwise_conv_2d.ts): per block b
// (first channel s = min(4b, C − 4)): [bias(4), tap (0,0)(4), tap (0,1)(4), …] in (ky, kx) order.
//
// Per output row the kH input rows are looked up once: a row outside the input points at a zero
// row (`zero`, inW·C floats, zeroed here). The pixels whose window lies inside the input
// horizontally (the interior) run without bounds checks: 3×3 (its 9 weights in locals per output
// row and channel block) and 5×5 (one pass per window row, 5 weights in locals, partial sums in
// the output row), dilation 1, any stride; any other window through a loop over the taps. Border pixels loop over the taps inside the input: where they are a large share of a row
// (small images), the caller pads the input first (pad_input_f32) and runs it without padding.
// Each output sums bias, then the taps in (ky, kx) order, then clamps to [lo, hi].

// @ts-ignore: decorator
@inline function clamp(v: v128, lo: v128, hi: v128): v128 {
  // In this order a NaN passes through, as in the reference (`v < lo ? lo : v > hi ? hi : v`).
  return f32x4.pmin(f32x4.pmax(v, lo), hi);
}

// @ts-ignore: decorator
@inline function madd(acc: v128, x: v128, w: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, w));
}

/** Scratch at `rows`: kH i32 row addresses of the current output row. */
// @ts-ignore: decorator
@inline function rowAt(rows: usize, ky: i32): usize {
  return <usize>load<u32>(rows + (<usize>ky << 2));
}

/** First tap k ≥ 0 with origin + k·dilation ≥ 0. */
// @ts-ignore: decorator
@inline function firstTap(origin: i32, dilation: i32): i32 {
  return origin >= 0 ? 0 : (dilation - 1 - origin) / dilation;
}

/** One past the last tap k < taps with origin + k·dilation < size. */
// @ts-ignore: decorator
@inline function endTap(origin: i32, dilation: i32, taps: i32, size: i32): i32 {
  const last = size - 1 - origin;
  return last < 0 ? 0 : min(taps, last / dilation + 1);
}

/**
 * One output pixel, every channel block, over the taps kx0 ≤ kx < kx1 of each row (rows from
 * `rows`; rows outside the input read zeros). `ix0` is the input column of tap kx = 0.
 */
function pixel(
  rows: usize, out: usize, w: usize, c: i32, kH: i32, kW: i32, ix0: i32, dilationW: i32,
  kx0: i32, kx1: i32, lo: v128, hi: v128,
): void {
  const nb = (c + 3) >> 2;
  const blockBytes = (<usize>(kH * kW) + 1) << 4;
  const cBytes = <usize>c << 2;
  for (let b = 0; b < nb; b++) {
    const s = <usize>min(b << 2, c - 4) << 2;
    const wb = w + <usize>b * blockBytes;
    let acc = v128.load(wb);
    for (let ky = 0; ky < kH; ky++) {
      const row = rowAt(rows, ky) + s;
      const wr = wb + 16 + (<usize>(ky * kW) << 4);
      for (let kx = kx0; kx < kx1; kx++) {
        const x = v128.load(row + <usize>(ix0 + kx * dilationW) * cBytes);
        acc = madd(acc, x, v128.load(wr + (<usize>kx << 4)));
      }
    }
    v128.store(out + s, clamp(acc, lo, hi));
  }
}

/** Interior pixels [ox0, ox1) of a 3×3 window, dilation 1. */
function interior3x3(
  rows: usize, outRow: usize, w: usize, c: i32, ox0: i32, ox1: i32, strideW: i32, padW: i32, lo: v128, hi: v128,
): void {
  const nb = (c + 3) >> 2;
  const cBytes = <usize>c << 2;
  const step = <usize>strideW * cBytes;
  const r0 = rowAt(rows, 0), r1 = rowAt(rows, 1), r2 = rowAt(rows, 2);
  const first = <usize>(ox0 * strideW - padW) * cBytes;
  const n = ox1 - ox0;
  for (let b = 0; b < nb; b++) {
    const s = <usize>min(b << 2, c - 4) << 2;
    const wb = w + <usize>b * 160;
    const bias = v128.load(wb);
    const w00 = v128.load(wb, 16), w01 = v128.load(wb, 32), w02 = v128.load(wb, 48);
    const w10 = v128.load(wb, 64), w11 = v128.load(wb, 80), w12 = v128.load(wb, 96);
    const w20 = v128.load(wb, 112), w21 = v128.load(wb, 128), w22 = v128.load(wb, 144);
    let p0 = r0 + first + s, p1 = r1 + first + s, p2 = r2 + first + s;
    let o = outRow + <usize>ox0 * cBytes + s;
    for (let i = 0; i < n; i++) {
      let acc = madd(bias, v128.load(p0), w00);
      acc = madd(acc, v128.load(p0 + cBytes), w01);
      acc = madd(acc, v128.load(p0 + 2 * cBytes), w02);
      acc = madd(acc, v128.load(p1), w10);
      acc = madd(acc, v128.load(p1 + cBytes), w11);
      acc = madd(acc, v128.load(p1 + 2 * cBytes), w12);
      acc = madd(acc, v128.load(p2), w20);
      acc = madd(acc, v128.load(p2 + cBytes), w21);
      acc = madd(acc, v128.load(p2 + 2 * cBytes), w22);
      v128.store(o, clamp(acc, lo, hi));
      p0 += step; p1 += step; p2 += step;
      o += cBytes;
    }
  }
}

/**
 * Interior pixels [ox0, ox1) of a 5×5 window, dilation 1: per channel block, one pass per window
 * row with that row's 5 weights in locals, the partial sums kept in the output row (the first pass
 * starts from the bias, the last one clamps).
 */
function interior5x5(
  rows: usize, outRow: usize, w: usize, c: i32, ox0: i32, ox1: i32, strideW: i32, padW: i32, lo: v128, hi: v128,
): void {
  const nb = (c + 3) >> 2;
  const cBytes = <usize>c << 2;
  const step = <usize>strideW * cBytes;
  const first = <usize>(ox0 * strideW - padW) * cBytes;
  const n = ox1 - ox0;
  if (n <= 0) return;
  for (let b = 0; b < nb; b++) {
    const s = <usize>min(b << 2, c - 4) << 2;
    const wb = w + <usize>b * 416;
    const o0 = outRow + <usize>ox0 * cBytes + s;
    for (let ky = 0; ky < 5; ky++) {
      const wr = wb + 16 + <usize>ky * 80;
      const k0 = v128.load(wr), k1 = v128.load(wr, 16), k2 = v128.load(wr, 32), k3 = v128.load(wr, 48), k4 = v128.load(wr, 64);
      let p = rowAt(rows, ky) + first + s;
      let o = o0;
      if (ky == 0) {
        const bias = v128.load(wb);
        for (let i = 0; i < n; i++) {
          let a = madd(bias, v128.load(p), k0);
          a = madd(a, v128.load(p + cBytes), k1);
          a = madd(a, v128.load(p + 2 * cBytes), k2);
          a = madd(a, v128.load(p + 3 * cBytes), k3);
          a = madd(a, v128.load(p + 4 * cBytes), k4);
          v128.store(o, a);
          p += step; o += cBytes;
        }
      } else if (ky < 4) {
        for (let i = 0; i < n; i++) {
          let a = madd(v128.load(o), v128.load(p), k0);
          a = madd(a, v128.load(p + cBytes), k1);
          a = madd(a, v128.load(p + 2 * cBytes), k2);
          a = madd(a, v128.load(p + 3 * cBytes), k3);
          a = madd(a, v128.load(p + 4 * cBytes), k4);
          v128.store(o, a);
          p += step; o += cBytes;
        }
      } else {
        for (let i = 0; i < n; i++) {
          let a = madd(v128.load(o), v128.load(p), k0);
          a = madd(a, v128.load(p + cBytes), k1);
          a = madd(a, v128.load(p + 2 * cBytes), k2);
          a = madd(a, v128.load(p + 3 * cBytes), k3);
          a = madd(a, v128.load(p + 4 * cBytes), k4);
          v128.store(o, clamp(a, lo, hi));
          p += step; o += cBytes;
        }
      }
    }
  }
}

/** Interior pixels [ox0, ox1) of any window. */
function interiorGeneral(
  rows: usize, outRow: usize, w: usize, c: i32, kH: i32, kW: i32, ox0: i32, ox1: i32,
  strideW: i32, dilationW: i32, padW: i32, lo: v128, hi: v128,
): void {
  for (let ox = ox0; ox < ox1; ox++) {
    pixel(rows, outRow + <usize>ox * (<usize>c << 2), w, c, kH, kW, ox * strideW - padW, dilationW, 0, kW, lo, hi);
  }
}

/**
 * output[b, oy, ox, :] = clamp(bias + Σ input · filter, lo, hi). `w`: packed weights; `scratch`:
 * inW·C floats for the zero row, then kH i32 row addresses. Offsets in bytes, sizes in elements.
 */
export function dwconv_f32(
  input: usize, output: usize, w: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, c: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32, lo: f32, hi: f32,
): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  const cBytes = <usize>c << 2;
  const rowBytes = <usize>inW * cBytes;
  const zero = scratch;
  const rows = scratch + ((rowBytes + 15) & ~15);
  if (padH > 0 || (outH - 1) * strideH + (kH - 1) * dilationH - padH >= inH) memory.fill(zero, 0, rowBytes);
  // Interior columns: the window's first and last taps inside the input.
  const span = (kW - 1) * dilationW;
  let oxA = (padW + strideW - 1) / strideW;
  let oxB = inW - 1 - span + padW >= 0 ? (inW - 1 - span + padW) / strideW + 1 : 0;
  oxA = min(oxA, outW);
  oxB = max(min(oxB, outW), oxA);
  const k3 = kH == 3 && kW == 3 && dilationW == 1;
  const k5 = kH == 5 && kW == 5 && dilationW == 1;
  for (let b = 0; b < batches; b++) {
    const image = input + <usize>b * <usize>inH * rowBytes;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      for (let ky = 0; ky < kH; ky++) {
        const iy = iy0 + ky * dilationH;
        store<u32>(rows + (<usize>ky << 2), <u32>(iy >= 0 && iy < inH ? image + <usize>iy * rowBytes : zero));
      }
      const outRow = output + (<usize>(b * outH + oy) * <usize>outW) * cBytes;
      for (let ox = 0; ox < oxA; ox++) {
        const ix0 = ox * strideW - padW;
        pixel(rows, outRow + <usize>ox * cBytes, w, c, kH, kW, ix0, dilationW,
          firstTap(ix0, dilationW), endTap(ix0, dilationW, kW, inW), vlo, vhi);
      }
      if (k3) interior3x3(rows, outRow, w, c, oxA, oxB, strideW, padW, vlo, vhi);
      else if (k5) interior5x5(rows, outRow, w, c, oxA, oxB, strideW, padW, vlo, vhi);
      else interiorGeneral(rows, outRow, w, c, kH, kW, oxA, oxB, strideW, dilationW, padW, vlo, vhi);
      for (let ox = oxB; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        pixel(rows, outRow + <usize>ox * cBytes, w, c, kH, kW, ix0, dilationW,
          firstTap(ix0, dilationW), endTap(ix0, dilationW, kW, inW), vlo, vhi);
      }
    }
  }
}

/**
 * The input of a depthwise convolution, copied into `dst` with its channels expanded by the depth
 * multiplier m (dst channel ic·m + j = src channel ic) and zero-padded to the extent the windows
 * cover: dst is [batches, pH, pW, inC·m], dst (py, px) = src (py − padH, px − padW) or 0. The
 * convolution then runs on dst without padding, every pixel through the interior kernels.
 * Sizes in elements.
 */
export function pad_input_f32(
  src: usize, dst: usize, batches: i32, inH: i32, inW: i32, inC: i32, m: i32, pH: i32, pW: i32, padH: i32, padW: i32,
): void {
  const c = inC * m;
  const cBytes = <usize>c << 2, inBytes = <usize>inC << 2;
  // Output columns [left, right) come from input columns left − padW …
  const left = min(padW, pW), right = max(left, min(pW, padW + inW));
  for (let b = 0; b < batches; b++) {
    for (let py = 0; py < pH; py++) {
      const iy = py - padH;
      const row = dst + <usize>(b * pH + py) * <usize>pW * cBytes;
      if (iy < 0 || iy >= inH) {
        memory.fill(row, 0, <usize>pW * cBytes);
        continue;
      }
      memory.fill(row, 0, <usize>left * cBytes);
      const s0 = src + (<usize>(b * inH + iy) * <usize>inW + <usize>(left - padW)) * inBytes;
      const d0 = row + <usize>left * cBytes;
      if (m == 1) {
        memory.copy(d0, s0, <usize>(right - left) * cBytes);
      } else {
        let s = s0, d = d0;
        const n = (right - left) * inC;
        for (let i = 0; i < n; i++) {
          const v = load<f32>(s);
          for (let j = 0; j < m; j++) {
            store<f32>(d, v);
            d += 4;
          }
          s += 4;
        }
      }
      memory.fill(row + <usize>right * cBytes, 0, <usize>(pW - right) * cBytes);
    }
  }
}
