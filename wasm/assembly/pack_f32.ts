// Weight packing for gemm_f32's panel layout (src/kernels/simd/tier.ts packGemmWeights), in wasm:
// run once per model at allocation, where the same loop in JS runs cold (≈ 20 ns per weight).

/**
 * dst ← ceil(n/8) panels of [bias[8] (zeros when bias is 0), alpha[8] (only when alpha is not 0:
 * conv2d_prelu_f32's layout), then for each of the k depths the 8 columns' weights], zero-padded
 * past n, from row-major weights src [n, k] (row j = column j).
 */
export function pack_gemm_f32(src: usize, bias: usize, alpha: usize, dst: usize, n: i32, k: i32): void {
  for (let p = 0; p < n; p += 8) {
    const cols = min(8, n - p);
    for (let c = 0; c < 8; c++) store<f32>(dst + (<usize>c << 2), c < cols && bias != 0 ? load<f32>(bias + (<usize>(p + c) << 2)) : 0);
    dst += 32;
    if (alpha != 0) {
      for (let c = 0; c < 8; c++) store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(alpha + (<usize>(p + c) << 2)) : 0);
      dst += 32;
    }
    for (let d = 0; d < k; d++) {
      for (let c = 0; c < 8; c++) {
        store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(src + ((<usize>(p + c) * k + d) << 2)) : 0);
      }
      dst += 32;
    }
  }
}
