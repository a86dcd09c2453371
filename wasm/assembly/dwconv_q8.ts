// 8-bit quantized DEPTHWISE_CONV_2D (NHWC, depth multiplier 1; int8 per-channel or uint8
// per-tensor), SIMD over channels, 8 at a time, with the fp32 requantization of gemm_q8.ts.
//
// Taps go in pairs: the 8-bit inputs of taps t and t+1 are widened to i16 (v128.load8x8_s/u) and
// interleaved per channel, so one i32x4.dot_i16x8_s does two taps of four channels against
// weights packed the same way. Exactness: the inputs are used as they are (int8 or uint8), the
// weights are (w − weight zero point) in [−255, 255] as i16, and the input zero point is folded
// into the bias (bias − zpIn · Σ_taps w', computed mod 2^32 in prepare); a tap outside the input
// reads `zbuf`, filled with the input zero point, so it adds w' · zpIn, which the bias removes:
// the result is Σ over the taps inside of w' · (x − zpIn) + bias, wrapped to int32, as the
// reference's `acc | 0`.
//
// Packed weights (packQ8Depthwise in src/kernels/simd/dwconv_q8.ts), per group of 8 channels:
//   [bias' i32[8], scale f32[8]] then for each tap pair p (taps padded to even with zero weights):
//   [w'(2p, c), w'(2p+1, c)] for c = 0…3, then for c = 4…7, as i16 (32 bytes per pair)
// zero-padded past the channel count. Channels past the last full group run a scalar loop.
import { load8x8, narrow2, rqFp32, MAGIC_BITS } from './gemm_q8';

/** The two taps' 8 channels (i16x8 each) interleaved per channel: channels 0–3, then 4–7. */
// @ts-ignore: decorator
@inline function pairLo(xa: v128, xb: v128): v128 {
  return v128.shuffle<i16>(xa, xb, 0, 8, 1, 9, 2, 10, 3, 11);
}
// @ts-ignore: decorator
@inline function pairHi(xa: v128, xb: v128): v128 {
  return v128.shuffle<i16>(xa, xb, 4, 12, 5, 13, 6, 14, 7, 15);
}

/** Bytes of one packed group of 8 channels with `pairs` tap pairs. */
// @ts-ignore: decorator
@inline function groupBytes(pairs: i32): usize {
  return 64 + (<usize>pairs << 5);
}

/** Requantizes the 8 lanes (acc0: channels 0–3, acc1: 4–7) with the group's scales and stores 8 bytes of T. */
// @ts-ignore: decorator
@inline function store8<T>(out: usize, acc0: v128, acc1: v128, wg: usize, vmin: v128, vb: v128, vmax: v128): void {
  const r0 = rqFp32(acc0, v128.load(wg, 32), vmin, vb), r1 = rqFp32(acc1, v128.load(wg, 48), vmin, vb);
  v128.store64_lane(out, narrow2<T>(r0, r1, r0, r1, vmax), 0);
}

/**
 * Channels [c0, C) of one output pixel, one at a time: the same arithmetic in scalar code.
 * `ptrs` holds the pixel's tap pointers (2·pairs of them).
 */
function tailChannels<T>(ptrs: usize, pairs: i32, w: usize, c0: i32, C: i32, out: usize, zp: i32, lo: i32, hi: i32): void {
  const gb = groupBytes(pairs);
  for (let c = c0; c < C; c++) {
    const wg = w + <usize>(c >> 3) * gb;
    const j = c & 7;
    let acc = load<i32>(wg + (<usize>j << 2));
    const wl = wg + 64 + (j >= 4 ? 16 : 0) + (<usize>(j & 3) << 2);
    for (let t = 0; t < 2 * pairs; t++) {
      const x = <i32>load<T>(load<usize>(ptrs + (<usize>t << 2)) + <usize>c);
      const wt = <i32>load<i16>(wl + (<usize>(t >> 1) << 5) + (<usize>(t & 1) << 1));
      acc += x * wt;
    }
    let v = nearest<f32>(<f32>acc * load<f32>(wg + 32 + (<usize>j << 2))) + <f32>zp;
    v = v < <f32>lo ? <f32>lo : v > <f32>hi ? <f32>hi : v;
    store<T>(out + <usize>c, <T>(<i32>v));
  }
}

/**
 * Depthwise convolution, depth multiplier 1; input and output uint8 when u8, else int8. `zbuf`:
 * C bytes of scratch, filled here with the input zero point `zpIn`; `ptrs`: 4 · (kH·kW + 1) bytes
 * of scratch for one pixel's tap pointers. Offsets in bytes.
 */
export function q8_dwconv(
  input: usize, output: usize, w: usize, zbuf: usize, ptrs: usize,
  batches: i32, inH: i32, inW: i32, C: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  zpIn: i32, u8: i32, zp: i32, lo: i32, hi: i32,
): void {
  for (let c = 0; c < C; c++) store<u8>(zbuf + <usize>c, <u8>zpIn);
  if (u8) {
    dwconv<u8>(input, output, w, zbuf, ptrs, batches, inH, inW, C, outH, outW, kH, kW, strideH, strideW, dilationH, dilationW, padH, padW, zp, lo, hi);
  } else {
    dwconv<i8>(input, output, w, zbuf, ptrs, batches, inH, inW, C, outH, outW, kH, kW, strideH, strideW, dilationH, dilationW, padH, padW, zp, lo, hi);
  }
}

/** All channel groups of one output pixel, 3×3 window: the tap pointers in p0…p8. */
// @ts-ignore: decorator
@inline function pixel3x3<T>(
  p0: usize, p1: usize, p2: usize, p3: usize, p4: usize, p5: usize, p6: usize, p7: usize, p8: usize,
  w: usize, gb: usize, full: i32, out: usize, vmin: v128, vb: v128, vmax: v128,
): void {
  let wg = w;
  for (let o: usize = 0; o < <usize>full; o += 8) {
    let acc0 = v128.load(wg), acc1 = v128.load(wg, 16);
    let xa = load8x8<T>(p0 + o), xb = load8x8<T>(p1 + o);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wg, 64)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wg, 80)));
    xa = load8x8<T>(p2 + o); xb = load8x8<T>(p3 + o);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wg, 96)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wg, 112)));
    xa = load8x8<T>(p4 + o); xb = load8x8<T>(p5 + o);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wg, 128)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wg, 144)));
    xa = load8x8<T>(p6 + o); xb = load8x8<T>(p7 + o);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wg, 160)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wg, 176)));
    // Tap 8 alone: interleaved with itself against (w'(8, c), 0).
    xa = load8x8<T>(p8 + o);
    acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xa), v128.load(wg, 192)));
    acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xa), v128.load(wg, 208)));
    store8<T>(out + o, acc0, acc1, wg, vmin, vb, vmax);
    wg += gb;
  }
}

/**
 * A run of `count` output pixels of one row whose 3×3 windows lie inside the input: channel group
 * by channel group (its weights, bias and scales loaded once), pixel by pixel. `p`: tap (0, 0) of
 * the first pixel; step: bytes between pixels' windows; dx, dy: bytes between taps in x and y.
 */
// @ts-ignore: decorator
@inline function sweep3x3<T>(
  p: usize, count: i32, step: usize, dx: usize, dy: usize, C: i32,
  w: usize, gb: usize, full: i32, out: usize, vmin: v128, vb: v128, vmax: v128,
): void {
  const dx2 = dx << 1;
  let wg = w;
  for (let o: usize = 0; o < <usize>full; o += 8) {
    const bias0 = v128.load(wg), bias1 = v128.load(wg, 16), s0 = v128.load(wg, 32), s1 = v128.load(wg, 48);
    const w0 = v128.load(wg, 64), w1 = v128.load(wg, 80), w2 = v128.load(wg, 96), w3 = v128.load(wg, 112);
    const w4 = v128.load(wg, 128), w5 = v128.load(wg, 144), w6 = v128.load(wg, 160), w7 = v128.load(wg, 176);
    const w8 = v128.load(wg, 192), w9 = v128.load(wg, 208);
    let r0 = p + o, q = out + o;
    for (let i = 0; i < count; i++) {
      const r1 = r0 + dy, r2 = r1 + dy;
      let xa = load8x8<T>(r0), xb = load8x8<T>(r0 + dx);
      let acc0 = i32x4.add(bias0, i32x4.dot_i16x8_s(pairLo(xa, xb), w0));
      let acc1 = i32x4.add(bias1, i32x4.dot_i16x8_s(pairHi(xa, xb), w1));
      xa = load8x8<T>(r0 + dx2); xb = load8x8<T>(r1);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w2));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w3));
      xa = load8x8<T>(r1 + dx); xb = load8x8<T>(r1 + dx2);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w4));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w5));
      xa = load8x8<T>(r2); xb = load8x8<T>(r2 + dx);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w6));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w7));
      xa = load8x8<T>(r2 + dx2);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xa), w8));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xa), w9));
      const v0 = rqFp32(acc0, s0, vmin, vb), v1 = rqFp32(acc1, s1, vmin, vb);
      v128.store64_lane(q, narrow2<T>(v0, v1, v0, v1, vmax), 0);
      r0 += step;
      q += <usize>C;
    }
    wg += gb;
  }
}

function dwconv<T>(
  input: usize, output: usize, w: usize, zbuf: usize, ptrs: usize,
  batches: i32, inH: i32, inW: i32, C: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32,
  zp: i32, lo: i32, hi: i32,
): void {
  const taps = kH * kW;
  const pairs = (taps + 1) >> 1;
  const gb = groupBytes(pairs);
  const full = C & ~7;
  const vmin = i32x4.splat(MAGIC_BITS + lo - zp), vb = i32x4.splat(MAGIC_BITS - zp), vmax = i8x16.splat(<i8>hi);
  const three = kH == 3 && kW == 3;
  const rowBytes = <usize>inW * C;
  // 3×3 windows inside the input: tap (ky, kx) at p0 + ky·dy + kx·dx.
  const dx = <usize>(dilationW * C), dy = <usize>dilationH * rowBytes;
  store<usize>(ptrs + (<usize>taps << 2), zbuf); // the odd tap's partner (zero weights)
  let out = output;
  for (let b = 0; b < batches; b++) {
    const batchBase = input + <usize>b * inH * rowBytes;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padH;
      const rowInside = iy0 >= 0 && iy0 + 2 * dilationH < inH;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padW;
        if (three && rowInside && ix0 >= 0 && ix0 + 2 * dilationW < inW) {
          // The run of pixels from here whose windows lie inside the input, swept group by group.
          const count = min(outW - ox, (inW - 1 - 2 * dilationW - ix0) / strideW + 1);
          const p0 = batchBase + <usize>iy0 * rowBytes + <usize>ix0 * C;
          const step = <usize>(strideW * C);
          sweep3x3<T>(p0, count, step, dx, dy, C, w, gb, full, out, vmin, vb, vmax);
          if (full < C) {
            for (let i = 0; i < count; i++) {
              const pi = p0 + <usize>i * step;
              let t = 0;
              for (let ky = 0; ky < 3; ky++) {
                for (let kx = 0; kx < 3; kx++, t++) store<usize>(ptrs + (<usize>t << 2), pi + <usize>ky * dy + <usize>kx * dx);
              }
              tailChannels<T>(ptrs, pairs, w, full, C, out + <usize>i * C, zp, lo, hi);
            }
          }
          out += <usize>count * C;
          ox += count - 1;
          continue;
        }
        let t = 0;
        for (let ky = 0; ky < kH; ky++) {
          const iy = iy0 + ky * dilationH;
          const rowOk = iy >= 0 && iy < inH;
          const row = batchBase + <usize>iy * rowBytes;
          for (let kx = 0; kx < kW; kx++, t++) {
            const ix = ix0 + kx * dilationW;
            store<usize>(ptrs + (<usize>t << 2), rowOk && ix >= 0 && ix < inW ? row + <usize>ix * C : zbuf);
          }
        }
        if (three) {
          pixel3x3<T>(
            load<usize>(ptrs), load<usize>(ptrs, 4), load<usize>(ptrs, 8), load<usize>(ptrs, 12), load<usize>(ptrs, 16),
            load<usize>(ptrs, 20), load<usize>(ptrs, 24), load<usize>(ptrs, 28), load<usize>(ptrs, 32),
            w, gb, full, out, vmin, vb, vmax,
          );
        } else {
          let wg = w;
          for (let o: usize = 0; o < <usize>full; o += 8) {
            let acc0 = v128.load(wg), acc1 = v128.load(wg, 16);
            let wp = wg + 64, pp = ptrs;
            for (let p = 0; p < pairs; p++) {
              const xa = load8x8<T>(load<usize>(pp) + o), xb = load8x8<T>(load<usize>(pp, 4) + o);
              acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wp)));
              acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wp, 16)));
              wp += 32;
              pp += 8;
            }
            store8<T>(out + o, acc0, acc1, wg, vmin, vb, vmax);
            wg += gb;
          }
        }
        if (full < C) tailChannels<T>(ptrs, pairs, w, full, C, out, zp, lo, hi);
        out += <usize>C;
      }
    }
  }
}
