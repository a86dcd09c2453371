// f32 TRANSPOSE_CONV (and MediaPipe's Convolution2DTransposeBias) as GEMM + col2im, one tile of
// input pixels at a time: the tile's rows of the NHWC input [pixels, inC] times the packed weights
// [inC, kH·kW·outC] (columns in (ky, kx, oc) order; see src/kernels/simd/transpose_conv.ts) give
// each input pixel's kH·kW output contributions in `scratch`; col2im then adds every contribution
// of outC floats onto its output pixel (iy·strideH − padH + ky, ix·strideW − padW + kx), dropping
// those outside the output. The output starts as the bias (or zeros); the fused activation's
// clamp, if any, is a last pass. A tile is small enough to stay in cache between GEMM and scatter.
import { gemm_f32 } from './gemm_f32';

// dst[0..n) += src[0..n)
// @ts-ignore: decorator
@inline function addF32(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

/** Fills `pixels` rows of outC floats at `output` with the bias (0: zeros). */
function initOutput(output: usize, bias: usize, pixels: i32, outC: i32): void {
  const rowBytes = <usize>outC << 2;
  if (bias == 0) {
    memory.fill(output, 0, <usize>pixels * rowBytes);
    return;
  }
  if (outC == 1) {
    const v = load<f32>(bias);
    const vv = f32x4.splat(v);
    let i = 0;
    for (; i + 4 <= pixels; i += 4) v128.store(output + (<usize>i << 2), vv);
    for (; i < pixels; i++) store<f32>(output + (<usize>i << 2), v);
    return;
  }
  for (let p = 0; p < pixels; p++) memory.copy(output + <usize>p * rowBytes, bias, rowBytes);
}

/** Clamps n floats to [lo, hi] (NaN passes through, as in the reference). */
function clampF32(p: usize, n: i32, lo: f32, hi: f32): void {
  const vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = p + (<usize>i << 2);
    v128.store(o, f32x4.pmin(f32x4.pmax(v128.load(o), vlo), vhi));
  }
  for (; i < n; i++) {
    const o = p + (<usize>i << 2);
    const v = load<f32>(o);
    store<f32>(o, v < lo ? lo : v > hi ? hi : v);
  }
}

/**
 * output = clamp(transpose_conv(input, weights) + bias, lo, hi). `weights`: packed GEMM panels of
 * N = kH·kW·outC columns, depth inC, zero bias; `bias`: outC floats, or 0 for none; `scratch`:
 * tileRows · N floats, then the GEMM's 16 · inC bytes of packed rows. Offsets in bytes.
 */
export function tconv_f32(
  input: usize, output: usize, weights: usize, bias: usize, scratch: usize,
  batches: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, padH: i32, padW: i32, tileRows: i32, lo: f32, hi: f32,
): void {
  const n = kH * kW * outC;
  const outPixels = batches * outH * outW;
  initOutput(output, bias, outPixels, outC);
  const inPixels = batches * inH * inW;
  const lda = <usize>inC << 2, ldc = <usize>n << 2;
  const outRow = <usize>outW * outC; // floats per output row
  const outImage = <usize>outH * outRow;
  const inf = Infinity as f32;
  for (let m0 = 0; m0 < inPixels; m0 += tileRows) {
    const rows = min(tileRows, inPixels - m0);
    gemm_f32(rows, n, inC, input + <usize>m0 * lda, lda, weights, scratch, ldc, -inf, inf, scratch + <usize>tileRows * ldc);
    // (b, iy, ix) of the tile's first pixel, advanced row by row.
    let ix = m0 % inW;
    let t = m0 / inW;
    let iy = t % inH;
    let b = t / inH;
    for (let r = 0; r < rows; r++) {
      const oy0 = iy * strideH - padH, ox0 = ix * strideW - padW;
      const ky0 = max(0, -oy0), ky1 = min(kH, outH - oy0);
      const kx0 = max(0, -ox0), kx1 = min(kW, outW - ox0);
      const col = scratch + <usize>r * ldc;
      const img = output + ((<usize>b * outImage) << 2);
      for (let ky = ky0; ky < ky1; ky++) {
        const orow = img + ((<usize>(oy0 + ky) * outRow) << 2);
        const crow = col + (<usize>(ky * kW * outC) << 2);
        if (outC == 1) {
          for (let kx = kx0; kx < kx1; kx++) {
            const o = orow + (<usize>(ox0 + kx) << 2);
            store<f32>(o, load<f32>(o) + load<f32>(crow + (<usize>kx << 2)));
          }
        } else {
          for (let kx = kx0; kx < kx1; kx++) {
            addF32(orow + (<usize>((ox0 + kx) * outC) << 2), crow + (<usize>(kx * outC) << 2), outC);
          }
        }
      }
      if (++ix == inW) {
        ix = 0;
        if (++iy == inH) {
          iy = 0;
          b++;
        }
      }
    }
  }
  if (lo > -inf || hi < inf) clampF32(output, outPixels * outC, lo, hi);
}
