// Shared by the quantized FULLY_CONNECTED / BATCH_MATMUL (and pooling / softmax) kernels: checked
// quantization parameters, TFLite's per-tensor convolution multiplier with its bias-scale check,
// and the hybrid kernels' on-the-fly input quantization and float accumulation (TFLite's
// tensor_utils: SymmetricQuantizeFloats, AsymmetricQuantizeFloats, MatrixBatchVectorMultiplyAccumulate),
// all in float32 arithmetic as the C code.
import type { Tensor } from '../../interpreter/tensor.js';
import type { OpContext } from '../registration.js';
import { Activation } from '../kernel_util.js';
import { getQuantizedConvolutionMultiplier, isValidScale, quantizeMultiplier, tfliteRound } from './quant_math.js';
import type { QuantizedMultiplier } from './quant_math.js';

const f = Math.fround;

/** A tensor's affine quantization, checked: at least one finite positive scale, integer zero points. */
export interface Affine {
  scales: readonly number[];
  zeroPoints: readonly number[];
  quantizedDimension: number;
  /** The per-tensor parameters TFLite's kernels read (params.scale / params.zero_point). */
  scale: number;
  zeroPoint: number;
}

export function affineOf(ctx: OpContext, t: Tensor): Affine {
  const q = t.quantization;
  if (q === null || q.scale.length === 0) return ctx.fail(`tensor '${t.name}' (${t.dtype}) must be quantized`);
  if (!q.scale.every(isValidScale)) ctx.fail(`tensor '${t.name}' has a scale that is not a finite positive number`);
  const zeroPoints = q.zeroPoint.length === 0 ? [0] : q.zeroPoint;
  if (!zeroPoints.every(Number.isInteger)) ctx.fail(`tensor '${t.name}' has a non-integer zero point`);
  return { scales: q.scale, zeroPoints, quantizedDimension: q.quantizedDimension, scale: q.scale[0]!, zeroPoint: zeroPoints[0]! };
}

/**
 * GetQuantizedConvolutionMultipler with a bias: the bias scale must be within 2% of an output
 * quantum of input_scale * filter_scale; the multiplier is (input_scale * filter_scale in float32) / output_scale.
 */
export function convMultiplierChecked(ctx: OpContext, input: Affine, filter: Affine, bias: Affine | null, output: Affine): QuantizedMultiplier {
  if (bias !== null) {
    const diff = Math.abs(input.scale * filter.scale - bias.scale);
    if (!(diff / output.scale <= 0.02)) ctx.fail(`bias scale ${bias.scale} does not match input scale × filter scale ${input.scale * filter.scale}`);
  }
  const m = quantizeMultiplier(getQuantizedConvolutionMultiplier(input.scale, filter.scale, output.scale));
  return m ?? ctx.fail('output multiplier is not finite');
}

/**
 * SymmetricQuantizeFloats of values[from, from + size): int8 in [-127, 127] with the scale
 * max|x| / 127 (1 when all are zero), written to out[to, to + size). Returns the scale.
 */
export function symmetricQuantizeFloats(values: Float32Array, from: number, size: number, out: Int8Array, to = from): number {
  let min = Infinity, max = -Infinity;
  for (let i = from; i < from + size; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = Math.max(Math.abs(min), Math.abs(max));
  if (range === 0 || size === 0) {
    out.fill(0, to, to + size);
    return 1;
  }
  const inv = f(127 / range);
  for (let i = 0; i < size; i++) {
    const q = tfliteRound(f(values[from + i]! * inv));
    out[to + i] = q > 127 ? 127 : q < -127 ? -127 : q;
  }
  return f(range / 127);
}

/**
 * AsymmetricQuantizeFloats of values[from, from + size) into out[to, to + size): int8 over
 * [min(0, min), max(0, max)] with the zero point nudged as TFLite (in double). Returns the float32
 * scale and the zero point.
 */
export function asymmetricQuantizeFloats(
  values: Float32Array, from: number, size: number, out: Int8Array, to = from,
): { scale: number; zeroPoint: number } {
  let min = Infinity, max = -Infinity;
  for (let i = from; i < from + size; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const rmin = Math.min(0, min), rmax = Math.max(0, max);
  if (rmin === rmax || size === 0) {
    out.fill(0, to, to + size);
    return { scale: 1, zeroPoint: 0 };
  }
  const scale = (rmax - rmin) / 255;
  const fromMin = -128 - rmin / scale, fromMax = 127 - rmax / scale;
  const zp = 128 + Math.abs(rmin / scale) < 127 + Math.abs(rmax / scale) ? fromMin : fromMax;
  const zeroPoint = zp <= -128 ? -128 : zp >= 127 ? 127 : tfliteRound(zp);
  const scale32 = f(scale);
  const inv = f(1 / scale32);
  for (let i = 0; i < size; i++) {
    const q = tfliteRound(f(zeroPoint + f(values[from + i]! * inv)));
    out[to + i] = q > 127 ? 127 : q < -128 ? -128 : q;
  }
  return { scale: scale32, zeroPoint };
}

/** Row sums of an int8 matrix of `rows` × `cols` (ReductionSumVector), for asymmetric inputs. */
export function rowSums(matrix: Int8Array, rows: number, cols: number): Int32Array {
  const sums = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = r * cols; c < (r + 1) * cols; c++) s += matrix[c]!;
    sums[r] = s;
  }
  return sums;
}

/**
 * TFLite's float activations after a hybrid kernel (ApplyActivationToVector): the clamps, tanh and
 * sign bit (1 for negative values and -0), in place over out[from, to).
 */
export function applyFloatActivation(out: Float32Array, from: number, to: number, activation: number): void {
  switch (activation) {
    case Activation.NONE: return;
    case Activation.RELU:
      for (let i = from; i < to; i++) out[i] = out[i]! > 0 ? out[i]! : 0;
      return;
    case Activation.RELU_N1_TO_1:
      for (let i = from; i < to; i++) out[i] = Math.min(1, Math.max(-1, out[i]!));
      return;
    case Activation.RELU6:
      for (let i = from; i < to; i++) out[i] = out[i]! > 0 ? Math.min(6, out[i]!) : 0;
      return;
    case Activation.TANH:
      for (let i = from; i < to; i++) out[i] = Math.tanh(out[i]!);
      return;
    case Activation.SIGN_BIT:
      for (let i = from; i < to; i++) out[i] = out[i]! < 0 || Object.is(out[i], -0) ? 1 : 0;
      return;
  }
}

/**
 * ruy's MultiplyByQuantizedMultiplier (single rounding, what TFLite's int8/int16 GEMM kernels apply
 * through cpu_backend_gemm): (x * multiplier + 2^(30 - shift)) >> (31 - shift) on int64, truncated
 * to int32. `x` int32, `multiplier` in [0, 2^31), shift in [-31, 7]; exact: x * multiplier is split
 * so no partial result leaves the 53-bit range, and the low 16 bits cannot carry past 2^(31 - shift).
 */
export function multiplyByQuantizedMultiplierSingleRounding(x: number, multiplier: number, shift: number): number {
  const totalShift = 31 - shift;
  const hi = x * (multiplier >>> 16);
  const loHigh = Math.floor((x * (multiplier & 0xffff)) / 65536);
  return Math.floor((hi + loHigh + 2 ** (totalShift - 17)) / 2 ** (totalShift - 16)) | 0;
}
