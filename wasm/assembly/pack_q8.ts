// Weight packing for the 8-bit GEMM and depthwise kernels (src/kernels/simd/gemm_q8.ts
// packQ8Weights, depthwise_conv_2d_q8.ts packQ8Depthwise), in wasm: run once per model at
// allocation, where the same loops in JS run cold (tens of ns per weight: most of a quantized
// MobileNet's cold start). `src`: the raw weights copied into the heap; `signed`: int8, else uint8.

// @ts-ignore: decorator
@inline function weight(src: usize, i: usize, signed: i32): i32 {
  return signed ? <i32>load<i8>(src + i) : <i32>load<u8>(src + i);
}

/**
 * The bodies of the q8 GEMM panels at dst (each `panelBytes`, its 128-byte header left as it is):
 * per k-pair of 8 columns × 2 depths, (w + filterOffset) as i16, zero past n and k. Weights
 * [n, k] row-major (row j = column j). The caller zero-fills dst first.
 */
export function pack_q8_gemm(src: usize, dst: usize, n: i32, k: i32, panelBytes: i32, filterOffset: i32, signed: i32): void {
  for (let p = 0; p < n; p += 8) {
    const body = dst + <usize>(p >> 3) * <usize>panelBytes + 128;
    const cols = min(8, n - p);
    for (let c = 0; c < cols; c++) {
      const row = <usize>(p + c) * <usize>k;
      for (let d = 0; d < k; d++) {
        store<i16>(body + (<usize>(((d >> 1) << 4) + (c << 1) + (d & 1)) << 1), <i16>(weight(src, row + <usize>d, signed) + filterOffset));
      }
    }
  }
}

/**
 * q8_dwconv's groups of 8 channels at dst (each `groupBytes`: bias' i32[8], scales f32[8] left
 * for the caller, then per tap pair the pair's (w + filterOffset) i16 weights, channels 0–3 then
 * 4–7): from [taps, C] weights and an int32 bias (0: none). bias' = bias + inputOffset · Σ w'
 * wraps as int32, as the accumulator does. The caller zero-fills dst first.
 */
export function pack_q8_dw(src: usize, bias: usize, dst: usize, C: i32, taps: i32, groupBytes: i32, filterOffset: i32, inputOffset: i32, signed: i32): void {
  for (let c = 0; c < C; c++) {
    const g = dst + <usize>(c >> 3) * <usize>groupBytes;
    const j = c & 7;
    let sum = 0;
    for (let t = 0; t < taps; t++) {
      const w = weight(src, <usize>t * <usize>C + <usize>c, signed) + filterOffset;
      sum += w;
      store<i16>(g + 64 + (<usize>(((t >> 1) << 4) + ((j >> 2) << 3) + ((j & 3) << 1) + (t & 1)) << 1), <i16>w);
    }
    store<i32>(g + (<usize>j << 2), (bias != 0 ? load<i32>(bias + (<usize>c << 2)) : 0) + inputOffset * sum);
  }
}
