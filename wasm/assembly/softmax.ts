// SOFTMAX over the last axis (src/kernels/simd/softmax.ts), a call per range of rows.
// float32: the row maximum, exp(β·(x − max)) by expV (elementwise_f32.ts, a few ulp) summed in f64
// lanes, then × 1/sum. A row with a NaN, or whose maximum is ±∞, is NaN throughout, as the
// reference's (its sum is NaN).
// 8-bit: the reference's float32 table of exp(β·scale·(x − max)) (softmaxLookupTable), bit-exact:
// the table values are summed one after the other in f32, in the reference's order (the rounding of
// a float sum depends on it), and kept in `tmp`; then table · 1/(sum · output scale) in f32 lanes,
// rounded as the reference rounds: uint8 trunc(p + 0.5), int8 / int16 round half up (p ≥ 0: floor
// plus the exact fraction's test), + zero point, clamped.
import { expV } from './elementwise_f32';

export function softmax_f32(rows: i32, depth: i32, x: usize, out: usize, beta: f32): void {
  const rowBytes = <usize>depth << 2;
  const d4 = depth & ~3;
  const vb = f32x4.splat(beta);
  for (let r = 0; r < rows; r++, x += rowBytes, out += rowBytes) {
    let vm = f32x4.splat(-Infinity);
    for (let i = 0; i < d4; i += 4) vm = f32x4.max(vm, v128.load(x + (<usize>i << 2)));
    // f32.max / f32x4.max give NaN when either operand is NaN.
    let mx = max(max(f32x4.extract_lane(vm, 0), f32x4.extract_lane(vm, 1)), max(f32x4.extract_lane(vm, 2), f32x4.extract_lane(vm, 3)));
    for (let i = d4; i < depth; i++) mx = max(mx, load<f32>(x + (<usize>i << 2)));
    if (!isFinite<f32>(mx)) {
      for (let i = 0; i < depth; i++) store<f32>(out + (<usize>i << 2), NaN);
      continue;
    }
    const vmx = f32x4.splat(mx);
    let s0 = f64x2.splat(0), s1 = s0;
    for (let i = 0; i < d4; i += 4) {
      const o = <usize>i << 2;
      const e = expV(f32x4.mul(f32x4.sub(v128.load(x + o), vmx), vb));
      v128.store(out + o, e);
      s0 = f64x2.add(s0, f64x2.promote_low_f32x4(e));
      s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(e, e, 2, 3, 2, 3)));
    }
    s0 = f64x2.add(s0, s1);
    let sum = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
    for (let i = d4; i < depth; i++) {
      const o = <usize>i << 2;
      const e = f32x4.extract_lane(expV(f32x4.splat((load<f32>(x + o) - mx) * beta)), 0);
      store<f32>(out + o, e);
      sum += <f64>e;
    }
    const inv = <f32>(1.0 / sum);
    const vi = f32x4.splat(inv);
    for (let i = 0; i < d4; i += 4) {
      const o = <usize>i << 2;
      v128.store(out + o, f32x4.mul(v128.load(out + o), vi));
    }
    for (let i = d4; i < depth; i++) {
      const o = <usize>i << 2;
      store<f32>(out + o, load<f32>(out + o) * inv);
    }
  }
}

/** Output modes of softmax_q8. */
export const SM_U8 = 0;
export const SM_I8 = 1;
export const SM_I16 = 2;

/**
 * 8-bit softmax rows: input int8 (inI8) or uint8, the 256-entry f32 table at `table`, the output
 * (mode SM_*) with scale `scale`, zero point zp (int8 / int16) clamped to [lo, hi] (the type's
 * range); `tmp`: 16·depth bytes.
 */
export function softmax_q8(
  rows: i32, depth: i32, x: usize, out: usize, table: usize, scale: f32, zp: i32, lo: i32, hi: i32, inI8: i32, mode: i32, tmp: usize,
): void {
  if (inI8) {
    if (mode == SM_I8) rowsQ8<i8>(rows, depth, x, out, table, scale, zp, lo, hi, SM_I8, tmp);
    else rowsQ8<i8>(rows, depth, x, out, table, scale, zp, lo, hi, SM_I16, tmp);
  } else {
    if (mode == SM_U8) rowsQ8<u8>(rows, depth, x, out, table, scale, zp, lo, hi, SM_U8, tmp);
    else rowsQ8<u8>(rows, depth, x, out, table, scale, zp, lo, hi, SM_I16, tmp);
  }
}

// @ts-ignore: decorator
@inline function rowsQ8<T>(
  rows: i32, depth: i32, x: usize, out: usize, table: usize, scale: f32, zp: i32, lo: i32, hi: i32, mode: i32, tmp: usize,
): void {
  const d = <usize>depth, outBytes = d << (mode == SM_I16 ? 1 : 0);
  let r = 0;
  // Four rows at a time: four independent chains of adds run about twice as fast as one.
  for (; r + 4 <= rows; r += 4, x += 4 * d, out += 4 * outBytes) {
    const b0 = tableRow<T>(table, x, depth), b1 = tableRow<T>(table, x + d, depth);
    const b2 = tableRow<T>(table, x + 2 * d, depth), b3 = tableRow<T>(table, x + 3 * d, depth);
    let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
    for (let i: usize = 0; i < d; i++) {
      const e0 = entry<T>(b0, x + i), e1 = entry<T>(b1, x + d + i), e2 = entry<T>(b2, x + 2 * d + i), e3 = entry<T>(b3, x + 3 * d + i);
      const t = tmp + (i << 2);
      store<f32>(t, e0);
      store<f32>(t + (d << 2), e1);
      store<f32>(t + (d << 3), e2);
      store<f32>(t + 12 * d, e3);
      s0 += e0;
      s1 += e1;
      s2 += e2;
      s3 += e3;
    }
    probabilities(depth, tmp, out, 1 / (s0 * scale), zp, lo, hi, mode);
    probabilities(depth, tmp + (d << 2), out + outBytes, 1 / (s1 * scale), zp, lo, hi, mode);
    probabilities(depth, tmp + (d << 3), out + 2 * outBytes, 1 / (s2 * scale), zp, lo, hi, mode);
    probabilities(depth, tmp + 12 * d, out + 3 * outBytes, 1 / (s3 * scale), zp, lo, hi, mode);
  }
  for (; r < rows; r++, x += d, out += outBytes) {
    const base = tableRow<T>(table, x, depth);
    let sum: f32 = 0;
    for (let i: usize = 0; i < d; i++) {
      const e = entry<T>(base, x + i);
      store<f32>(tmp + (i << 2), e);
      sum += e;
    }
    probabilities(depth, tmp, out, 1 / (sum * scale), zp, lo, hi, mode);
  }
}

/** The table row for the maximum of row x: entry v is exp(β·scale·(v − max)), v ≤ max. */
// @ts-ignore: decorator
@inline function tableRow<T>(table: usize, x: usize, depth: i32): usize {
  return table + ((<usize>(255 - rowMax<T>(x, depth))) << 2);
}

/** The table entry of the value of T at p (below `base` for negative int8 values: the address wraps). */
// @ts-ignore: decorator
@inline function entry<T>(base: usize, p: usize): f32 {
  return load<f32>(base + <usize>(<i32>load<T>(p) << 2));
}

// @ts-ignore: decorator
@inline function maxV<T>(a: v128, b: v128): v128 {
  return isSigned<T>() ? i8x16.max_s(a, b) : i8x16.max_u(a, b);
}

/** The largest of n values of T (i8 or u8). */
// @ts-ignore: decorator
@inline function rowMax<T>(x: usize, n: i32): i32 {
  let v = isSigned<T>() ? i8x16.splat(-128) : i8x16.splat(0);
  let i = 0;
  for (; i + 16 <= n; i += 16) v = maxV<T>(v, v128.load(x + <usize>i));
  // Halve the vector onto itself down to one lane.
  v = maxV<T>(v, i64x2.shuffle(v, v, 1, 1));
  v = maxV<T>(v, i32x4.shuffle(v, v, 1, 1, 1, 1));
  v = maxV<T>(v, i16x8.shuffle(v, v, 1, 1, 1, 1, 1, 1, 1, 1));
  v = maxV<T>(v, i8x16.shuffle(v, v, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  let m = isSigned<T>() ? <i32>i8x16.extract_lane_s(v, 0) : <i32>i8x16.extract_lane_u(v, 0);
  for (; i < n; i++) {
    const e = <i32>load<T>(x + <usize>i);
    if (e > m) m = e;
  }
  return m;
}

/** The quantized value of probability p ≥ 0 (finite), before the zero point, clamped to [lo − zp, hi − zp], as f32. */
// @ts-ignore: decorator
@inline function roundV(p: v128, flo: v128, fhi: v128, mode: i32): v128 {
  if (mode == SM_U8) return f32x4.min(f32x4.trunc(f32x4.add(p, f32x4.splat(0.5))), fhi);
  const t = f32x4.floor(p);
  // p − floor(p) is exact; its lanes ≥ 0.5 round up (all-ones & 1.0).
  const up = v128.and(f32x4.ge(f32x4.sub(p, t), f32x4.splat(0.5)), f32x4.splat(1));
  return f32x4.max(f32x4.min(f32x4.add(t, up), fhi), flo);
}

// @ts-ignore: decorator
@inline function roundS(p: f32, flo: f32, fhi: f32, mode: i32): f32 {
  if (mode == SM_U8) return min(trunc(p + 0.5), fhi);
  const t = floor(p);
  return max(min(p - t >= 0.5 ? t + 1 : t, fhi), flo);
}

/** out[i] = the quantized tmp[i] · inv for i < n. */
// @ts-ignore: decorator
@inline function probabilities(n: i32, tmp: usize, out: usize, inv: f32, zp: i32, lo: i32, hi: i32, mode: i32): void {
  const z = mode == SM_U8 ? 0 : zp;
  const flo = <f32>(lo - z), fhi = <f32>(hi - z);
  const vi = f32x4.splat(inv), vlo = f32x4.splat(flo), vhi = f32x4.splat(fhi), vz = i32x4.splat(z);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 2;
    const a = i32x4.add(i32x4.trunc_sat_f32x4_s(roundV(f32x4.mul(v128.load(tmp + o), vi), vlo, vhi, mode)), vz);
    const b = i32x4.add(i32x4.trunc_sat_f32x4_s(roundV(f32x4.mul(v128.load(tmp + o, 16), vi), vlo, vhi, mode)), vz);
    // Values are inside the output type's range: the saturating narrowings are exact.
    const h = i16x8.narrow_i32x4_s(a, b);
    if (mode == SM_I16) v128.store(out + (<usize>i << 1), h);
    else if (mode == SM_I8) v128.store64_lane(out + <usize>i, i8x16.narrow_i16x8_s(h, h), 0);
    else v128.store64_lane(out + <usize>i, i8x16.narrow_i16x8_u(h, h), 0);
  }
  for (; i < n; i++) {
    const v = <i32>roundS(load<f32>(tmp + (<usize>i << 2)) * inv, flo, fhi, mode) + z;
    if (mode == SM_I16) store<i16>(out + (<usize>i << 1), <i16>v);
    else store<u8>(out + <usize>i, <u8>v);
  }
}
