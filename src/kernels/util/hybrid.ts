// Dynamic-range ("hybrid") helpers shared by the hybrid LSTM, RNN and SVDF kernels: float inputs
// quantized per batch row at run time, int8 weights with a per-tensor scale, float results
// (TFLite tensor_utils: BatchQuantizeFloats, the int8 MatrixBatchVectorMultiplyAccumulate,
// ReductionSumVector). Float32 arithmetic is emulated step by step with Math.fround.
import { tfliteRound } from './quant_math.js';

const f = Math.fround;

/**
 * BatchQuantizeFloats: each of nBatch rows of n floats to int8, symmetric (scale max|x|/127, zero
 * point unused) or asymmetric (min/max including 0 over [-128, 127], with a nudged zero point).
 * Writes the per-row scale into `sf[sfOff + b]` and, when asymmetric, the zero point into `zp`.
 */
export function batchQuantizeFloats(
  src: Float32Array, srcOff: number, nBatch: number, n: number, dst: Int8Array, dstOff: number,
  sf: Float32Array, zp: Int32Array | null, sfOff: number, asymmetric: boolean,
): void {
  for (let b = 0; b < nBatch; b++) {
    const s = srcOff + b * n, d = dstOff + b * n;
    if (asymmetric) asymmetricQuantize(src, s, n, dst, d, sf, zp!, sfOff + b);
    else symmetricQuantize(src, s, n, dst, d, sf, sfOff + b);
  }
}

function minMax(x: Float32Array, off: number, n: number): [number, number] {
  let lo = x[off]!, hi = x[off]!;
  for (let i = 1; i < n; i++) {
    const v = x[off + i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** PortableSymmetricQuantizeFloats. */
function symmetricQuantize(x: Float32Array, off: number, n: number, q: Int8Array, qOff: number, sf: Float32Array, k: number): void {
  const [lo, hi] = minMax(x, off, n);
  const range = Math.max(Math.abs(lo), Math.abs(hi));
  if (range === 0) {
    q.fill(0, qOff, qOff + n);
    sf[k] = 1;
    return;
  }
  sf[k] = f(range / 127);
  const inv = f(127 / range);
  for (let i = 0; i < n; i++) {
    const v = tfliteRound(f(x[off + i]! * inv));
    q[qOff + i] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
}

/** PortableAsymmetricQuantizeFloats (scale and zero point worked out in double). */
function asymmetricQuantize(x: Float32Array, off: number, n: number, q: Int8Array, qOff: number, sf: Float32Array, zp: Int32Array, k: number): void {
  const [lo, hi] = minMax(x, off, n);
  const rmin = Math.min(0, lo), rmax = Math.max(0, hi);
  if (rmin === rmax) {
    q.fill(0, qOff, qOff + n);
    sf[k] = 1;
    zp[k] = 0;
    return;
  }
  const scale = (rmax - rmin) / 255;
  const zpFromMin = -128 - rmin / scale;
  const zpFromMax = 127 - rmax / scale;
  const zpFromMinError = 128 + Math.abs(rmin / scale);
  const zpFromMaxError = 127 + Math.abs(rmax / scale);
  const zpDouble = zpFromMinError < zpFromMaxError ? zpFromMin : zpFromMax;
  const nudged = zpDouble <= -128 ? -128 : zpDouble >= 127 ? 127 : tfliteRound(zpDouble);
  sf[k] = scale;
  zp[k] = nudged;
  const inv = f(1 / sf[k]!);
  for (let i = 0; i < n; i++) {
    const v = tfliteRound(f(nudged + f(x[off + i]! * inv)));
    q[qOff + i] = v > 127 ? 127 : v < -128 ? -128 : v;
  }
}

/** ReductionSumVector over int8 rows: out[r] = sum of row r of a rows x cols matrix. */
export function rowSums(m: Int8Array, rows: number, cols: number, out: Int32Array = new Int32Array(rows)): Int32Array {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += m[r * cols + c]!;
    out[r] = s;
  }
  return out;
}

/**
 * The hybrid MatrixBatchVectorMultiplyAccumulate: result[b, r] += (dot(m[r], q[b]) - rowSum[r] * zp[b]) *
 * scale[b], the integer dot product converted to float32 (the zero-point term only when `zp` is
 * given, i.e. asymmetric inputs). `scale[sOff + b]` is the input scale times the weight scale.
 */
export function hybridMatMulAcc(
  m: Int8Array, rows: number, cols: number, q: Int8Array, qOff: number, nBatch: number,
  scale: Float32Array, zp: Int32Array | null, sums: Int32Array | null, sOff: number,
  result: Float32Array, resOff: number,
): void {
  for (let b = 0; b < nBatch; b++) {
    const s = scale[sOff + b]!;
    const qb = qOff + b * cols;
    const offset = zp === null ? 0 : zp[sOff + b]!;
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      const mr = r * cols;
      for (let c = 0; c < cols; c++) dot += m[mr + c]! * q[qb + c]!;
      dot |= 0;
      if (zp !== null) dot = Math.trunc(f(f(dot) - f(sums![r]! * offset))) | 0;
      const i = resOff + b * rows + r;
      result[i] = f(result[i]! + f(f(dot) * s));
    }
  }
}

export function isZeroVector(x: Float32Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (x[off + i] !== 0) return false;
  return true;
}
