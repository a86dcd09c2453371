// 8-bit (int8 / uint8) NHWC resampling and reduction kernels, SIMD128 with scalar tails, bit-exact
// with the reference kernels (src/kernels/resize_bilinear.ts, src/kernels/mean.ts):
//
//   q8_resize_bilinear  XNNPACK's ibilinear (Q11 weights): per output pixel the top and bottom
//                       rows interpolated horizontally, t = tl·2048 + (tr − tl)·ah, then
//                       vertically, (t·2048 + (b − t)·av + 2^21) >> 22, all exact in i32.
//   q8_sum_hw           MEAN over H and W: the int32 sum of each (image, channel)'s raw values,
//                       wrapping as the reference's `| 0`.
//
// Both work on the range their arguments give and keep no state, so callers may split them: the
// resize by output rows (yTab, output and outH of a sub-range, one image), the sums by images or
// by channels.

/** Bytes 0–7 (hi: 8–15) of `v` widened to i16 lanes, as T (i8 or u8) values. */
// @ts-ignore: decorator
@inline function widen<T>(v: v128, hi: bool): v128 {
  if (isSigned<T>()) return hi ? i16x8.extend_high_i8x16_s(v) : i16x8.extend_low_i8x16_s(v);
  return hi ? i16x8.extend_high_i8x16_u(v) : i16x8.extend_low_i8x16_u(v);
}

/** Horizontal step on 8 lanes (i16: left, right) for lanes 0–3 (hi: 4–7): left·2048 + (right − left)·ah in i32. */
// @ts-ignore: decorator
@inline function horizontal(l: v128, r: v128, ah: v128, hi: bool): v128 {
  const d = i16x8.sub(r, l);
  if (hi) return i32x4.add(i32x4.shl(i32x4.extend_high_i16x8_s(l), 11), i32x4.extmul_high_i16x8_s(d, ah));
  return i32x4.add(i32x4.shl(i32x4.extend_low_i16x8_s(l), 11), i32x4.extmul_low_i16x8_s(d, ah));
}

// @ts-ignore: decorator
@inline function vertical(t: v128, b: v128, av: v128): v128 {
  return i32x4.shr_s(i32x4.add(i32x4.add(i32x4.shl(t, 11), i32x4.mul(i32x4.sub(b, t), av)), i32x4.splat(1 << 21)), 22);
}

/** 16 outputs from the four corners' 16 bytes each (the interpolation never leaves T's range). */
// @ts-ignore: decorator
@inline function bilinear16<T>(tl: v128, tr: v128, bl: v128, br: v128, ah: v128, av: v128): v128 {
  const tl0 = widen<T>(tl, false), tl1 = widen<T>(tl, true), tr0 = widen<T>(tr, false), tr1 = widen<T>(tr, true);
  const bl0 = widen<T>(bl, false), bl1 = widen<T>(bl, true), br0 = widen<T>(br, false), br1 = widen<T>(br, true);
  const o0 = vertical(horizontal(tl0, tr0, ah, false), horizontal(bl0, br0, ah, false), av);
  const o1 = vertical(horizontal(tl0, tr0, ah, true), horizontal(bl0, br0, ah, true), av);
  const o2 = vertical(horizontal(tl1, tr1, ah, false), horizontal(bl1, br1, ah, false), av);
  const o3 = vertical(horizontal(tl1, tr1, ah, true), horizontal(bl1, br1, ah, true), av);
  const a = i16x8.narrow_i32x4_s(o0, o1), b = i16x8.narrow_i32x4_s(o2, o3);
  return isSigned<T>() ? i8x16.narrow_i16x8_s(a, b) : i8x16.narrow_i16x8_u(a, b);
}

function resize<T>(input: usize, output: usize, batches: i32, imageBytes: i32, c: i32, outH: i32, outW: i32, xTab: usize, yTab: usize): void {
  let out = output;
  for (let n = 0; n < batches; n++) {
    const image = input + <usize>n * imageBytes;
    for (let y = 0; y < outH; y++) {
      const ty = yTab + <usize>y * 12;
      const top = image + <usize>load<i32>(ty), bottom = image + <usize>load<i32>(ty, 4), wv = load<i32>(ty, 8);
      const av = i32x4.splat(wv);
      for (let x = 0; x < outW; x++, out += c) {
        const tx = xTab + <usize>x * 12;
        const l = <usize>load<i32>(tx), r = <usize>load<i32>(tx, 4), wh = load<i32>(tx, 8);
        const ah = i16x8.splat(<i16>wh);
        let i = 0;
        for (; i + 16 <= c; i += 16) {
          const k = <usize>i;
          v128.store(out + k, bilinear16<T>(
            v128.load(top + l + k), v128.load(top + r + k), v128.load(bottom + l + k), v128.load(bottom + r + k), ah, av,
          ));
        }
        if (i < c && c >= 16) {
          // The last 16 channels again, overlapping the block before: the same values rewritten.
          const k = <usize>(c - 16);
          v128.store(out + k, bilinear16<T>(
            v128.load(top + l + k), v128.load(top + r + k), v128.load(bottom + l + k), v128.load(bottom + r + k), ah, av,
          ));
          i = c;
        }
        if (i + 8 <= c) {
          const k = <usize>i;
          v128.store64_lane(out + k, bilinear16<T>(
            v128.load64_zero(top + l + k), v128.load64_zero(top + r + k), v128.load64_zero(bottom + l + k), v128.load64_zero(bottom + r + k), ah, av,
          ), 0);
          i += 8;
        }
        for (; i < c; i++) {
          const k = <usize>i;
          const tl = <i32>load<T>(top + l + k), bl = <i32>load<T>(bottom + l + k);
          const t = tl * 2048 + (<i32>load<T>(top + r + k) - tl) * wh;
          const b = bl * 2048 + (<i32>load<T>(bottom + r + k) - bl) * wh;
          store<T>(out + k, <T>((t * 2048 + (b - t) * wv + 0x200000) >> 22));
        }
      }
    }
  }
}

/**
 * XNNPACK's bilinear resize of `batches` NHWC images of `imageBytes` bytes, `c` channels, to
 * outH × outW. Tables of 3 i32 per output column (xTab: left and right source byte offsets within
 * a row, weight ah) and per output row (yTab: top and bottom source row byte offsets within an
 * image, weight av); weights in 1/2048.
 */
export function q8_resize_bilinear(
  u8: i32, input: usize, output: usize, batches: i32, imageBytes: i32, c: i32, outH: i32, outW: i32, xTab: usize, yTab: usize,
): void {
  if (u8) resize<u8>(input, output, batches, imageBytes, c, outH, outW, xTab, yTab);
  else resize<i8>(input, output, batches, imageBytes, c, outH, outW, xTab, yTab);
}

function sumHw<T>(input: usize, sums: usize, images: i32, hw: i32, c: i32, stride: i32): void {
  for (let n = 0; n < images; n++) {
    const s = sums + (<usize>n * stride << 2);
    memory.fill(s, 0, <usize>c << 2);
    let p = input + <usize>n * hw * stride;
    for (let j = 0; j < hw; j++, p += stride) {
      let i = 0;
      for (; i + 16 <= c; i += 16) {
        const v = v128.load(p + i);
        const v0 = widen<T>(v, false), v1 = widen<T>(v, true);
        const q = s + (<usize>i << 2);
        v128.store(q, i32x4.add(v128.load(q), i32x4.extend_low_i16x8_s(v0)));
        v128.store(q, i32x4.add(v128.load(q, 16), i32x4.extend_high_i16x8_s(v0)), 16);
        v128.store(q, i32x4.add(v128.load(q, 32), i32x4.extend_low_i16x8_s(v1)), 32);
        v128.store(q, i32x4.add(v128.load(q, 48), i32x4.extend_high_i16x8_s(v1)), 48);
      }
      for (; i < c; i++) {
        const q = s + (<usize>i << 2);
        store<i32>(q, load<i32>(q) + <i32>load<T>(p + i));
      }
    }
  }
}

/**
 * MEAN's sums: for images n < `images` of hw pixels `stride` bytes apart, and channels k < c,
 * sums[n·stride + k] = Σ_pixels x (int32, wrapping). With stride = the channel count C, a call on
 * channels [k0, k0 + c) takes input + k0 and sums + 4·k0.
 */
export function q8_sum_hw(u8: i32, input: usize, sums: usize, images: i32, hw: i32, c: i32, stride: i32): void {
  if (u8) sumHw<u8>(input, sums, images, hw, c, stride);
  else sumHw<i8>(input, sums, images, hw, c, stride);
}
