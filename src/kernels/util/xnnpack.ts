// The 8-bit elementwise arithmetic of the official runtime's XNNPACK delegate, for the ops it takes
// over from TFLite's builtin kernels (uint8/int8 ADD, SUB, MUL, LEAKY_RELU with per-tensor
// quantization, within XNNPACK's supported scale ratios). Its results differ from TFLite's reference
// kernels by 1 on some elements (ties rounded up or to even, one rounding instead of two), and the
// official runtime's answers are what tflite-ts reproduces; where XNNPACK declines (other scale
// ratios, TANH/SIGN_BIT activations, int16) the builtin kernels' arithmetic applies.
//
// Sources: XNNPACK's microparams-init.c (xnn_init_q{s,u}8_add_minmax_scalar_params,
// xnn_init_q{s,u}8_mul_minmax_scalar_params, xnn_init_q{s,u}8_lrelu_scalar_params), the scalar
// vadd / vmul (fp32) / vlrelu micro-kernels, and xnn_q{s,u}8_quantize for activation bounds.
import type { Tensor } from '../../interpreter/tensor.js';
import { Activation } from '../kernel_util.js';
import { type BroadcastPlan, mapBinary } from './elementwise.js';
import type { Quantized8 } from './quantized.js';
import { quantizedRange } from './quant_math.js';

const f = Math.fround;
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** lrintf: round to nearest, ties to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The unbiased exponent of a positive normal float32. */
function floatExponent(x: number): number {
  F32[0] = x;
  return (U32[0]! >>> 23) - 127;
}

/** True for the 8-bit per-tensor quantized tensors XNNPACK accepts (normal positive scale, one zero point). */
function xnnQuantized(t: Tensor): boolean {
  const q = t.quantization;
  if ((t.dtype !== 'int8' && t.dtype !== 'uint8') || q === null || q.scale.length !== 1) return false;
  const s = q.scale[0]!;
  return s > 0 && s < Infinity && s >= 2 ** -126;
}

/** XNNPACK's tensors have at most 6 dimensions. */
const XNN_MAX_TENSOR_DIMS = 6;

/** Operands of a binary op XNNPACK can take: one 8-bit type, per-tensor quantization, rank ≤ 6. */
function xnnBinaryOperands(a: Tensor, b: Tensor, out: Tensor): boolean {
  return [a, b, out].every((t) => xnnQuantized(t) && t.dtype === out.dtype && t.shape.length <= XNN_MAX_TENSOR_DIMS);
}

/**
 * XNNPACK's quantized activation bounds: lrintf(clamp(bound / scale + zero_point)) in float32, the
 * fused activation giving [0, +inf), [-1, 1] or [0, 6]. Null for TANH / SIGN_BIT, which it declines.
 */
function xnnActivationRange(type: Quantized8, activation: number, scale: number, zeroPoint: number): [number, number] | null {
  let lo = -Infinity;
  let hi = Infinity;
  switch (activation) {
    case Activation.NONE: break;
    case Activation.RELU: lo = 0; break;
    case Activation.RELU_N1_TO_1: lo = -1; hi = 1; break;
    case Activation.RELU6: lo = 0; hi = 6; break;
    default: return null;
  }
  const [qmin, qmax] = quantizedRange(type);
  const quantize = (v: number): number => roundHalfEven(Math.min(Math.max(f(f(v / scale) + zeroPoint), qmin), qmax));
  return [quantize(lo), quantize(hi)];
}

/** Parameters of XNNPACK's 8-bit add (and subtract, with b's multiplier negated). */
export interface XnnAddParams {
  readonly aMultiplier: number;
  readonly bMultiplier: number;
  /** Rounding (half of 2^shift) minus the zero points' contributions. */
  readonly bias: number;
  readonly shift: number;
  readonly outputZeroPoint: number;
  readonly actMin: number;
  readonly actMax: number;
}

/**
 * XNNPACK add/subtract parameters, or null when the delegate leaves the op to TFLite: each input's
 * scale over the output's (float32) must lie in [2^-10, 2^8), the activation be one it fuses. The
 * multipliers are those ratios with 20 fraction bits relative to the larger one, rounded to even.
 */
export function xnnAddParams(a: Tensor, b: Tensor, out: Tensor, activation: number, subtract: boolean): XnnAddParams | null {
  if (!xnnBinaryOperands(a, b, out)) return null;
  const absA = f(a.scale / out.scale);
  const absB = f(b.scale / out.scale);
  if (absA < 2 ** -10 || absA >= 256 || absB < 2 ** -10 || absB >= 256) return null;
  const range = xnnActivationRange(out.dtype as Quantized8, activation, out.scale, out.zeroPoint);
  if (range === null) return null;
  const shift = 20 - floatExponent(Math.max(absA, absB));
  const aMultiplier = roundHalfEven(absA * 2 ** shift);
  const bMultiplier = (subtract ? -1 : 1) * roundHalfEven(absB * 2 ** shift);
  const bias = 2 ** (shift - 1) - aMultiplier * a.zeroPoint - bMultiplier * b.zeroPoint;
  return { aMultiplier, bMultiplier, bias, shift, outputZeroPoint: out.zeroPoint, actMin: range[0], actMax: range[1] };
}

/** XNNPACK vadd: (bias + a * aMultiplier + b * bMultiplier) >> shift, clamped, plus the output zero point. */
export function xnnAdd(plan: BroadcastPlan, a: Uint8Array | Int8Array, b: Uint8Array | Int8Array, out: Uint8Array | Int8Array, p: XnnAddParams): void {
  const lo = p.actMin - p.outputZeroPoint;
  const hi = p.actMax - p.outputZeroPoint;
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const v = (p.bias + x * p.aMultiplier + y * p.bMultiplier) >> p.shift;
    return (v < lo ? lo : v > hi ? hi : v) + p.outputZeroPoint;
  });
}

/** Parameters of XNNPACK's 8-bit multiply (fp32 requantization). */
export interface XnnMulParams {
  readonly aZeroPoint: number;
  readonly bZeroPoint: number;
  /** s_a * s_b / s_out in float32. */
  readonly scale: number;
  readonly outputZeroPoint: number;
  readonly actMin: number;
  readonly actMax: number;
}

/** XNNPACK multiply parameters, or null when the delegate declines (product scale outside [2^-16, 2^8)). */
export function xnnMulParams(a: Tensor, b: Tensor, out: Tensor, activation: number): XnnMulParams | null {
  if (!xnnBinaryOperands(a, b, out)) return null;
  const scale = f(f(a.scale * b.scale) / out.scale);
  if (scale < 2 ** -16 || scale >= 256) return null;
  const range = xnnActivationRange(out.dtype as Quantized8, activation, out.scale, out.zeroPoint);
  if (range === null) return null;
  return { aZeroPoint: a.zeroPoint, bZeroPoint: b.zeroPoint, scale, outputZeroPoint: out.zeroPoint, actMin: range[0], actMax: range[1] };
}

/** XNNPACK vmul (fp32): the offset product times the scale in float32, rounded to even, clamped. */
export function xnnMul(plan: BroadcastPlan, a: Uint8Array | Int8Array, b: Uint8Array | Int8Array, out: Uint8Array | Int8Array, p: XnnMulParams): void {
  const lo = p.actMin - p.outputZeroPoint;
  const hi = p.actMax - p.outputZeroPoint;
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const v = roundHalfEven(f((x - p.aZeroPoint) * (y - p.bZeroPoint) * p.scale));
    return (v < lo ? lo : v > hi ? hi : v) + p.outputZeroPoint;
  });
}

/** Parameters of XNNPACK's 8-bit leaky ReLU: the two slopes as multipliers with 8 fraction bits. */
export interface XnnLeakyReluParams {
  readonly inputZeroPoint: number;
  readonly positiveMultiplier: number;
  readonly negativeMultiplier: number;
  readonly outputZeroPoint: number;
  readonly qmin: number;
  readonly qmax: number;
}

/**
 * XNNPACK leaky ReLU parameters, or null outside its supported range (s_in / s_out in [2^-8, 2^7],
 * the negative slope's scale of magnitude at least 2^-8 and inside (-2^7, 2^7]).
 */
export function xnnLeakyReluParams(x: Tensor, out: Tensor, alpha: number): XnnLeakyReluParams | null {
  if (!(xnnQuantized(x) && xnnQuantized(out))) return null;
  const positiveScale = f(x.scale / out.scale);
  const negativeScale = f(positiveScale * f(alpha));
  if (!(positiveScale >= 2 ** -8 && positiveScale <= 128)) return null;
  if (!(negativeScale <= 128 && negativeScale >= -127.9375 && Math.abs(negativeScale) >= 2 ** -8)) return null;
  const [qmin, qmax] = quantizedRange(x.dtype as Quantized8);
  return {
    inputZeroPoint: x.zeroPoint, outputZeroPoint: out.zeroPoint, qmin, qmax,
    positiveMultiplier: roundHalfEven(f(256 * positiveScale)), negativeMultiplier: roundHalfEven(f(256 * negativeScale)),
  };
}

/** XNNPACK vlrelu: the offset input times its side's multiplier, rounded half up by 8 bits, clamped. */
export function xnnLeakyRelu(x: Uint8Array | Int8Array, out: Uint8Array | Int8Array, p: XnnLeakyReluParams): void {
  const bias = p.outputZeroPoint * 256 + 0x80;
  for (let i = 0; i < out.length; i++) {
    const v = x[i]! - p.inputZeroPoint;
    const r = (bias + v * (v >= 0 ? p.positiveMultiplier : p.negativeMultiplier)) >> 8;
    out[i] = r < p.qmin ? p.qmin : r > p.qmax ? p.qmax : r;
  }
}

/**
 * XNNPACK's 256-entry table for a quantized unary op: each input dequantized in float32, the float
 * function applied, then lrintf(y * (1 / s_out)) + zero point, clamped. It differs from TFLite's
 * LUTPopulate only in rounding exact ties to even.
 */
export function xnnLut8(type: Quantized8, x: Tensor, out: Tensor, fn: (v: number) => number): Int8Array | Uint8Array {
  const lut = type === 'int8' ? new Int8Array(256) : new Uint8Array(256);
  const [qmin, qmax] = quantizedRange(type);
  const inverseScale = f(1 / out.scale);
  for (let q = qmin; q <= qmax; q++) {
    const y = f(fn(f(x.scale * (q - x.zeroPoint))));
    const v = roundHalfEven(f(y * inverseScale)) + out.zeroPoint;
    lut[q & 0xff] = v < qmin ? qmin : v > qmax ? qmax : v;
  }
  return lut;
}
