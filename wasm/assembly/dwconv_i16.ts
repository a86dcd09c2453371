// 16x8 DEPTHWISE_CONV_2D (NHWC int16 input with zero point 0, depth multiplier 1), SIMD over
// channels, 8 at a time, with the f64 requantization of gemm_i16.ts.
//
// Taps go in pairs: the int16 inputs of taps t and t+1 are interleaved per channel, so one
// i32x4.dot_i16x8_s does two taps of four channels against weights packed the same way. A tap
// outside the input reads `zbuf` (zeros: the zero point is 0). The i32 accumulator is exact:
// prepare checks 32768 · Σ_taps |w| < 2^31 per channel.
//
// Packed weights (packI16Depthwise in src/kernels/simd/depthwise_conv_2d_i16.ts), per group of 8
// channels: [m f64[8], c f64[8]] (gemm_i16.ts's requantization, bias in c), then for each tap pair
// p (taps padded to even with zero weights): [w(2p, c), w(2p+1, c)] for c = 0…3, then for c = 4…7,
// as i16 (32 bytes per pair); zero-padded past the channel count. Channels past the last full
// group run a scalar loop.
import { yLo, yHi, round4, round1, clamp16 } from './gemm_i16';

/** The two taps' 8 channels interleaved per channel: channels 0–3, then 4–7. */
// @ts-ignore: decorator
@inline function pairLo(xa: v128, xb: v128): v128 {
  return v128.shuffle<i16>(xa, xb, 0, 8, 1, 9, 2, 10, 3, 11);
}
// @ts-ignore: decorator
@inline function pairHi(xa: v128, xb: v128): v128 {
  return v128.shuffle<i16>(xa, xb, 4, 12, 5, 13, 6, 14, 7, 15);
}

// @ts-ignore: decorator
@inline function groupBytes(pairs: i32): usize {
  return 128 + (<usize>pairs << 5);
}

/** Requantizes the 8 lanes (acc0: channels 0–3, acc1: 4–7) with the group's m and c, stores 8 int16. */
// @ts-ignore: decorator
@inline function store8(out: usize, acc0: v128, acc1: v128, wg: usize, vlo: v128, vhi: v128): void {
  const r0 = round4(yLo(acc0, v128.load(wg), v128.load(wg, 64)), yHi(acc0, v128.load(wg, 16), v128.load(wg, 80)));
  const r1 = round4(yLo(acc1, v128.load(wg, 32), v128.load(wg, 96)), yHi(acc1, v128.load(wg, 48), v128.load(wg, 112)));
  v128.store(out, clamp16(r0, r1, vlo, vhi));
}

/** Channels [c0, C) of one output pixel in scalar code; `ptrs` holds its 2·pairs tap pointers. */
function tailChannels(ptrs: usize, pairs: i32, w: usize, c0: i32, C: i32, out: usize, lo: i32, hi: i32): void {
  const gb = groupBytes(pairs);
  for (let c = c0; c < C; c++) {
    const wg = w + <usize>(c >> 3) * gb;
    const j = c & 7;
    const wl = wg + 128 + (j >= 4 ? 16 : 0) + (<usize>(j & 3) << 2);
    let acc = 0;
    for (let t = 0; t < 2 * pairs; t++) {
      const x = <i32>load<i16>(load<usize>(ptrs + (<usize>t << 2)) + (<usize>c << 1));
      acc += x * <i32>load<i16>(wl + (<usize>(t >> 1) << 5) + (<usize>(t & 1) << 1));
    }
    const v = round1(<f64>acc * load<f64>(wg + (<usize>j << 3)) + load<f64>(wg + 64 + (<usize>j << 3)));
    store<i16>(out + (<usize>c << 1), <i16>(v < lo ? lo : v > hi ? hi : v));
  }
}

/**
 * A run of `count` output pixels of one row whose 3×3 windows lie inside the input: channel group
 * by channel group (its weights and parameters loaded once), pixel by pixel. `p`: tap (0, 0) of
 * the first pixel; step: bytes between pixels' windows; dx, dy: bytes between taps in x and y.
 */
// @ts-ignore: decorator
@inline function sweep3x3(
  p: usize, count: i32, step: usize, dx: usize, dy: usize, rowOut: usize,
  w: usize, gb: usize, full: i32, out: usize, vlo: v128, vhi: v128,
): void {
  const dx2 = dx << 1;
  let wg = w;
  for (let o: usize = 0; o < <usize>full << 1; o += 16) {
    const w0 = v128.load(wg, 128), w1 = v128.load(wg, 144), w2 = v128.load(wg, 160), w3 = v128.load(wg, 176);
    const w4 = v128.load(wg, 192), w5 = v128.load(wg, 208), w6 = v128.load(wg, 224), w7 = v128.load(wg, 240);
    const w8 = v128.load(wg, 256), w9 = v128.load(wg, 272);
    let r0 = p + o, q = out + o;
    for (let i = 0; i < count; i++) {
      const r1 = r0 + dy, r2 = r1 + dy;
      let xa = v128.load(r0), xb = v128.load(r0 + dx);
      let acc0 = i32x4.dot_i16x8_s(pairLo(xa, xb), w0);
      let acc1 = i32x4.dot_i16x8_s(pairHi(xa, xb), w1);
      xa = v128.load(r0 + dx2); xb = v128.load(r1);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w2));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w3));
      xa = v128.load(r1 + dx); xb = v128.load(r1 + dx2);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w4));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w5));
      xa = v128.load(r2); xb = v128.load(r2 + dx);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), w6));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), w7));
      xa = v128.load(r2 + dx2);
      acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xa), w8));
      acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xa), w9));
      store8(q, acc0, acc1, wg, vlo, vhi);
      r0 += step;
      q += rowOut;
    }
    wg += gb;
  }
}

/**
 * Depthwise convolution, depth multiplier 1, output rows [row0, row0 + rows) (row = b·outH + oy).
 * `zbuf`: 2·C + 16 bytes of scratch, zeroed here; `ptrs`: 4 · (kH·kW + 1) bytes of scratch for one
 * pixel's tap pointers. Offsets in bytes.
 */
export function i16_dwconv(
  input: usize, output: usize, w: usize, zbuf: usize, ptrs: usize, row0: i32, rows: i32,
  inH: i32, inW: i32, C: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padH: i32, padW: i32, lo: i32, hi: i32,
): void {
  memory.fill(zbuf, 0, (<usize>C << 1) + 16);
  const taps = kH * kW;
  const pairs = (taps + 1) >> 1;
  const gb = groupBytes(pairs);
  const full = C & ~7;
  const vlo = i16x8.splat(<i16>lo), vhi = i16x8.splat(<i16>hi);
  const three = kH == 3 && kW == 3;
  const pixBytes = <usize>C << 1;
  const rowBytes = <usize>inW * pixBytes;
  // 3×3 windows inside the input: tap (ky, kx) at p0 + ky·dy + kx·dx.
  const dx = <usize>dilationW * pixBytes, dy = <usize>dilationH * rowBytes;
  store<usize>(ptrs + (<usize>taps << 2), zbuf); // the odd tap's partner (zero weights)
  let out = output + <usize>row0 * outW * pixBytes;
  for (let row = row0; row < row0 + rows; row++) {
    const b = row / outH, oy = row % outH;
    const batchBase = input + <usize>b * inH * rowBytes;
    const iy0 = oy * strideH - padH;
    const rowInside = iy0 >= 0 && iy0 + 2 * dilationH < inH;
    for (let ox = 0; ox < outW; ox++) {
      const ix0 = ox * strideW - padW;
      if (three && rowInside && ix0 >= 0 && ix0 + 2 * dilationW < inW) {
        // The run of pixels from here whose windows lie inside the input, swept group by group.
        const count = min(outW - ox, (inW - 1 - 2 * dilationW - ix0) / strideW + 1);
        const p0 = batchBase + <usize>iy0 * rowBytes + <usize>ix0 * pixBytes;
        const step = <usize>strideW * pixBytes;
        sweep3x3(p0, count, step, dx, dy, pixBytes, w, gb, full, out, vlo, vhi);
        if (full < C) {
          for (let i = 0; i < count; i++) {
            const pi = p0 + <usize>i * step;
            let t = 0;
            for (let ky = 0; ky < 3; ky++) {
              for (let kx = 0; kx < 3; kx++, t++) store<usize>(ptrs + (<usize>t << 2), pi + <usize>ky * dy + <usize>kx * dx);
            }
            tailChannels(ptrs, pairs, w, full, C, out + <usize>i * pixBytes, lo, hi);
          }
        }
        out += <usize>count * pixBytes;
        ox += count - 1;
        continue;
      }
      let t = 0;
      for (let ky = 0; ky < kH; ky++) {
        const iy = iy0 + ky * dilationH;
        const rowOk = iy >= 0 && iy < inH;
        const src = batchBase + <usize>iy * rowBytes;
        for (let kx = 0; kx < kW; kx++, t++) {
          const ix = ix0 + kx * dilationW;
          store<usize>(ptrs + (<usize>t << 2), rowOk && ix >= 0 && ix < inW ? src + <usize>ix * pixBytes : zbuf);
        }
      }
      let wg = w;
      for (let o: usize = 0; o < <usize>full << 1; o += 16) {
        let acc0 = i32x4.splat(0), acc1 = acc0;
        let wp = wg + 128, pp = ptrs;
        for (let p = 0; p < pairs; p++) {
          const xa = v128.load(load<usize>(pp) + o), xb = v128.load(load<usize>(pp, 4) + o);
          acc0 = i32x4.add(acc0, i32x4.dot_i16x8_s(pairLo(xa, xb), v128.load(wp)));
          acc1 = i32x4.add(acc1, i32x4.dot_i16x8_s(pairHi(xa, xb), v128.load(wp, 16)));
          wp += 32;
          pp += 8;
        }
        store8(out + o, acc0, acc1, wg, vlo, vhi);
        wg += gb;
      }
      if (full < C) tailChannels(ptrs, pairs, w, full, C, out, lo, hi);
      out += pixBytes;
    }
  }
}
