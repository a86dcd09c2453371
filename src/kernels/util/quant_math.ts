// TFLite's integer quantization arithmetic, bit-exact: multiplier encoding (quantization_util.cc),
// MultiplyByQuantizedMultiplier and friends (common.h, double-rounding build as the official runtime
// ships), gemmlowp's fixed-point primitives and math functions (fixedpoint.h), and the LUT builders.
//
// Conventions
// - Integers are plain JS numbers holding the C value exactly. int32 arithmetic that C lets overflow
//   (wrapping in the official wasm build) wraps here too (`| 0`, Math.imul).
// - float→int32 conversions saturate and map NaN to 0, as wasm's trunc_sat does in the official build.
// - Multipliers are TFLite's {multiplier: Q0.31 significand, shift: power-of-two exponent} pairs:
//   real ≈ multiplier * 2^(shift - 31).
// - Fixed-point values are raw integers of a gemmlowp FixedPoint<RawType, IntegerBits>; functions that
//   take a `raw` argument work on int32 (RAW32, default) or int16 (RAW16) raw values.
// - Functions that TFLite guards with TFLITE_CHECK (which aborts) return null where the check would
//   fail; kernels turn that into ctx.fail.
// - Testing against LiteRT.js: it hands many int8/uint8 ops to XNNPack, which requantizes in float32
//   with one round-to-nearest-even, so expect ±1 on some values there. TFLite's own kernels (int16,
//   mixed int8/uint8, configurations XNNPack declines) match these functions exactly.

import { Activation } from '../kernel_util.js';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** A quantized multiplier: real ≈ multiplier * 2^(shift - 31). */
export interface QuantizedMultiplier {
  /** Q0.31 significand, in [2^30, 2^31) for positive reals (0 for 0 and flushed tiny values). */
  multiplier: number;
  /** Power-of-two exponent (positive: left shift). */
  shift: number;
}

/** The output element types of quantized kernels. */
export type QuantizedType = 'uint8' | 'int8' | 'int16' | 'int32';

/** [min, max] representable in a quantized element type. */
export function quantizedRange(type: QuantizedType): [number, number] {
  switch (type) {
    case 'uint8': return [0, 255];
    case 'int8': return [-128, 127];
    case 'int16': return [-32768, 32767];
    case 'int32': return [INT32_MIN, INT32_MAX];
  }
}

/** TfLiteRound (std::round): nearest integer, ties away from zero. Exact for float and double inputs. */
export function tfliteRound(x: number): number {
  return x < 0 ? -Math.round(-x) + 0 : Math.round(x);
}

/** static_cast<int32_t> of a float/double as the official wasm build does it: truncates, saturates, NaN → 0. */
export function floatToInt32(x: number): number {
  if (x >= INT32_MAX) return INT32_MAX;
  if (x <= INT32_MIN) return INT32_MIN;
  return x === x ? Math.trunc(x) + 0 : 0;
}

/** A scale TFLite's quantized kernels can work with: finite and positive. */
export function isValidScale(scale: number): boolean {
  return Number.isFinite(scale) && scale > 0;
}

// ---------------------------------------------------------------------------------------------
// Multiplier encoding (quantization_util.cc, kernel_util.cc)
// ---------------------------------------------------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // high word index (little-endian: 1)

/** std::frexp: x = fraction * 2^exponent with |fraction| in [0.5, 1); (0, 0) for 0. x must be finite. */
export function frexp(x: number): { fraction: number; exponent: number } {
  if (x === 0) return { fraction: x, exponent: 0 };
  let bias = 0;
  F64[0] = x;
  if (((U32[HI]! >>> 20) & 0x7ff) === 0) { // subnormal: normalise first
    F64[0] = x * 2 ** 64;
    bias = 64;
  }
  const hi = U32[HI]!;
  const exponent = ((hi >>> 20) & 0x7ff) - 1022 - bias;
  U32[HI] = (hi & 0x800fffff) | (1022 << 20);
  return { fraction: F64[0]!, exponent };
}

/**
 * QuantizeMultiplier: a double to a Q0.31 significand and exponent, rounding half away from zero
 * and carrying 2^31 into the exponent; magnitudes below ~2^-32 (shift < -31) flush to {0, 0}.
 * Null for a non-finite input (TFLite aborts).
 */
export function quantizeMultiplier(real: number): QuantizedMultiplier | null {
  if (!Number.isFinite(real)) return null;
  if (real === 0) return { multiplier: 0, shift: 0 };
  const { fraction, exponent } = frexp(real);
  let q = tfliteRound(fraction * 2147483648);
  let shift = exponent;
  if (q === 2147483648) {
    q /= 2;
    shift++;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: q, shift };
}

/** QuantizeMultiplierSmallerThanOneExp: real in (0, 1); `shift` ≤ 0 is the (negative) left shift. Null when a check fails. */
export function quantizeMultiplierSmallerThanOneExp(real: number): QuantizedMultiplier | null {
  if (!(real < 1 && real > 0)) return null;
  const m = quantizeMultiplier(real);
  return m !== null && m.shift <= 0 ? m : null;
}

/** QuantizeMultiplierGreaterThanOne: real > 1; `shift` ≥ 0 is the left shift. Null when a check fails. */
export function quantizeMultiplierGreaterThanOne(real: number): QuantizedMultiplier | null {
  if (!(real > 1)) return null;
  const m = quantizeMultiplier(real);
  return m !== null && m.shift >= 0 ? m : null;
}

/**
 * Per-channel output multipliers of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED
 * (PopulateConvolutionQuantizationParams): for each channel, input_scale * filter_scale / output_scale
 * in double, a single filter scale being broadcast. Null if any ratio is not finite.
 */
export function convolutionMultipliers(
  inputScale: number, filterScales: readonly number[], outputScale: number, channels: number,
): { multipliers: Int32Array; shifts: Int32Array } | null {
  const multipliers = new Int32Array(channels);
  const shifts = new Int32Array(channels);
  for (let c = 0; c < channels; c++) {
    const filterScale = filterScales.length > 1 ? filterScales[c]! : filterScales[0]!;
    const m = quantizeMultiplier((inputScale * filterScale) / outputScale);
    if (m === null) return null;
    multipliers[c] = m.multiplier;
    shifts[c] = m.shift;
  }
  return { multipliers, shifts };
}

/**
 * GetQuantizedConvolutionMultipler (the legacy per-tensor uint8 path): the input*filter scale product
 * is taken in float32, the division by the output scale in double.
 */
export function getQuantizedConvolutionMultiplier(inputScale: number, filterScale: number, outputScale: number): number {
  return Math.fround(inputScale * filterScale) / outputScale;
}

/** TFLite's check that a bias scale equals input_scale * filter_scale (relative 1e-6, in double). */
export function biasScaleMatches(inputScale: number, filterScale: number, biasScale: number): boolean {
  const product = inputScale * filterScale;
  return Math.abs(product - biasScale) <= 1e-6 * Math.min(product, biasScale);
}

/**
 * CalculateActivationRangeQuantized: the quantized [min, max] a fused activation (schema's
 * ActivationFunctionType: NONE, RELU, RELU_N1_TO_1, RELU6; others clamp to the type range) allows,
 * with the bounds quantized as zero_point + (int32)round(f / scale) in float32.
 */
export function calculateActivationRangeQuantized(activation: number, outputType: 'uint8' | 'int8' | 'int16', scale: number, zeroPoint: number): [number, number] {
  const [qmin, qmax] = quantizedRange(outputType);
  const quantize = (f: number): number => (zeroPoint + floatToInt32(tfliteRound(Math.fround(f / scale)))) | 0;
  switch (activation) {
    case Activation.RELU: return [Math.max(qmin, quantize(0)), qmax];
    case Activation.RELU6: return [Math.max(qmin, quantize(0)), Math.min(qmax, quantize(6))];
    case Activation.RELU_N1_TO_1: return [Math.max(qmin, quantize(-1)), Math.min(qmax, quantize(1))];
    default: return [qmin, qmax];
  }
}

/**
 * PreprocessSoftmaxScaling: min(beta * input_scale * 2^(31 - inputIntegerBits), 2^31 - 1) as a
 * greater-than-one multiplier. Null when TFLite's checks fail.
 */
export function preprocessSoftmaxScaling(beta: number, inputScale: number, inputIntegerBits: number): QuantizedMultiplier | null {
  const real = Math.min(beta * inputScale * (1 << (31 - inputIntegerBits)), 2147483647);
  return quantizeMultiplierGreaterThanOne(real);
}

/** PreprocessLogSoftmaxScalingExp: the softmax scaling plus the reverse scaling divisor. Null when a check fails. */
export function preprocessLogSoftmaxScalingExp(beta: number, inputScale: number, inputIntegerBits: number):
  { multiplier: number; shift: number; reverseScalingDivisor: number; reverseScalingShift: number } | null {
  const m = preprocessSoftmaxScaling(beta, inputScale, inputIntegerBits);
  if (m === null) return null;
  // (1 << (31 - shift)) is int arithmetic in C: shift 0 gives INT32_MIN, which the check then rejects.
  const reverse = quantizeMultiplierSmallerThanOneExp((1 << (31 - m.shift)) / m.multiplier);
  if (reverse === null) return null;
  return { multiplier: m.multiplier, shift: m.shift, reverseScalingDivisor: reverse.multiplier, reverseScalingShift: reverse.shift };
}

/**
 * CalculateInputRadius: the largest input difference (in input units) whose rescaled value stays
 * below the fixed-point range: floor((2^ib - 1) * 2^(totalSignedBits - ib) / 2^inputLeftShift).
 */
export function calculateInputRadius(inputIntegerBits: number, inputLeftShift: number, totalSignedBits = 31): number {
  const maxInputRescaled = ((2 ** inputIntegerBits - 1) * 2 ** (totalSignedBits - inputIntegerBits)) / 2 ** inputLeftShift;
  return Math.floor(maxInputRescaled);
}

/**
 * CheckedLog2 (float32 arithmetic): the rounded log2 of x and whether x is within 1e-3 (in log2) of
 * that power of two.
 */
export function checkedLog2(x: number): { log2: number; exact: boolean } {
  const xLog2 = Math.fround(Math.fround(Math.log(x)) * Math.fround(1 / Math.fround(Math.LN2)));
  const rounded = tfliteRound(xLog2);
  const frac = Math.fround(xLog2 - rounded);
  return { log2: floatToInt32(rounded), exact: Math.abs(frac) < Math.fround(1e-3) };
}

/** DownScaleInt32ToInt16Multiplier: a Q0.31 multiplier to Q0.15 with rounding, saturating at 32767. */
export function downScaleInt32ToInt16Multiplier(multiplier: number): number {
  if (multiplier >= INT32_MAX - 32768) return 32767;
  return (multiplier + 32768) >> 16;
}

// ---------------------------------------------------------------------------------------------
// Integer primitives (gemmlowp fixedpoint.h, common.h)
// ---------------------------------------------------------------------------------------------

/**
 * SaturatingRoundingDoublingHighMul on int32 (ARM VQRDMULH): (a * b + 2^30) >> 31, i.e. the
 * rounded high half of the doubled product, INT32_MIN * INT32_MIN saturating to INT32_MAX. Exact for
 * all int32 inputs: the low 31 bits of a*b + 2^30 come from Math.imul and the quotient from the
 * double product, whose error (< 2^11) cannot move it across an integer.
 */
export function saturatingRoundingDoublingHighMul(a: number, b: number): number {
  if (a === b && a === INT32_MIN) return INT32_MAX;
  const low = (Math.imul(a, b) + 0x40000000) & 0x7fffffff;
  return Math.round((a * b + 0x40000000 - low) / 2147483648) | 0;
}

/** SaturatingRoundingDoublingHighMul on int16 raw values: (a * b + 2^14) >> 15, -32768 * -32768 saturating to 32767. */
export function saturatingRoundingDoublingHighMul16(a: number, b: number): number {
  if (a === b && a === -32768) return 32767;
  return Math.floor((a * b + 16384) / 32768);
}

/**
 * RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero (a rounding arithmetic
 * right shift); exponent in [0, 31]. Works on int16 values as well.
 */
export function roundingDivideByPOT(x: number, exponent: number): number {
  const mask = ((1 << exponent) - 1) | 0;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/**
 * SaturatingRoundingMultiplyByPOT on int32: exponent > 0 shifts left saturating to the int32 range,
 * exponent < 0 is RoundingDivideByPOT(x, -exponent). (TFLite's ...POTParam for exponent ≥ 0.)
 */
export function saturatingRoundingMultiplyByPOT(x: number, exponent: number): number {
  return srmpot(x, exponent, RAW32);
}

/**
 * MultiplyByQuantizedMultiplier (int32 x, double rounding): the left shift (wrapping, as the C
 * multiply does in practice), SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT.
 */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  return roundingDivideByPOT(saturatingRoundingDoublingHighMul(Math.imul(x, 1 << left), multiplier), right);
}

/** MultiplyByQuantizedMultiplierSmallerThanOneExp: `leftShift` ≤ 0 (a right shift by -leftShift after the high mul). */
export function multiplyByQuantizedMultiplierSmallerThanOneExp(x: number, multiplier: number, leftShift: number): number {
  return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
}

/** MultiplyByQuantizedMultiplierGreaterThanOne: `leftShift` ≥ 0 applied (wrapping) before the high mul. */
export function multiplyByQuantizedMultiplierGreaterThanOne(x: number, multiplier: number, leftShift: number): number {
  return saturatingRoundingDoublingHighMul(Math.imul(x, 1 << leftShift), multiplier);
}

/**
 * MultiplyByQuantizedMultiplier(int64_t x, int32 multiplier, int shift), used by the 16x8 kernels on
 * their int64 accumulators: the multiplier is reduced to 15 bits (rounded, capped at 0x7FFF) and
 * (x * reduced + 2^(14 - shift)) >> (15 - shift) is truncated to int32. `x` is an integer-valued
 * number with |x| < 2^47 (TFLite's own precondition), `multiplier` ≥ 0, shift in [-31, 7]; exact
 * under those conditions, results past int32 wrapping as the C truncation does.
 */
export function multiplyByQuantizedMultiplierInt64(x: number, multiplier: number, shift: number): number {
  const reduced = multiplier < 0x7fff0000 ? (multiplier + 32768) >> 16 : 0x7fff;
  const totalShift = 15 - shift;
  // x * reduced can reach 2^62: split x = hi * 2^24 + lo so every partial product is exact.
  const hi = Math.floor(x / 16777216);
  const lo = x - hi * 16777216;
  const a = hi * reduced; // |a| < 2^38: the product is a * 2^24 + b
  const b = lo * reduced + 2 ** (totalShift - 1); // < 2^40 + 2^45
  let result: number;
  if (totalShift >= 24) {
    const p = 2 ** (totalShift - 24);
    const qa = Math.floor(a / p);
    result = qa + Math.floor(((a - qa * p) * 16777216 + b) / 2 ** totalShift);
  } else {
    // a * 2^k may pass 2^53; only its value mod 2^32 matters for the int32 truncation.
    const k = 24 - totalShift;
    const m = 2 ** (32 - k);
    result = (a - Math.floor(a / m) * m) * 2 ** k + Math.floor(b / 2 ** totalShift);
  }
  return result | 0;
}

/** CountLeadingSignBits of an int32: the redundant sign bits (31 for 0 and -1, 0 for INT32_MIN). */
export function countLeadingSignBits(x: number): number {
  if (x >= 0) return Math.clz32(x) - 1;
  return x === INT32_MIN ? 0 : Math.clz32(2 * -x - 1);
}

/** SaturatingAddNonGemmlowp on int32. */
export function saturatingAdd32(a: number, b: number): number {
  const s = a + b;
  return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : s;
}

/** SaturatingSub on int32. */
export function saturatingSub32(a: number, b: number): number {
  const s = a - b;
  return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : s;
}

/** SaturatingSub on int16. */
export function saturatingSub16(a: number, b: number): number {
  const s = a - b;
  return s > 32767 ? 32767 : s < -32768 ? -32768 : s;
}

/** RoundingHalfSum (VRHADD): (a + b) / 2 rounded to nearest, ties away from zero. */
export function roundingHalfSum(a: number, b: number): number {
  const sum = a + b;
  return Math.trunc((sum + (sum >= 0 ? 1 : -1)) / 2) + 0;
}

// ---------------------------------------------------------------------------------------------
// gemmlowp fixed point: FixedPoint<int32|int16, IntegerBits> on raw values
// ---------------------------------------------------------------------------------------------

/** A fixed-point raw integer type. */
export interface RawType {
  readonly bits: 16 | 32;
  readonly min: number;
  readonly max: number;
}
export const RAW32: RawType = { bits: 32, min: INT32_MIN, max: INT32_MAX };
export const RAW16: RawType = { bits: 16, min: -32768, max: 32767 };

const wrap = (x: number, raw: RawType): number => (raw.bits === 32 ? x | 0 : (x << 16) >> 16);
/** FixedPoint operator* on raw values. */
const fmul = (a: number, b: number, raw: RawType): number =>
  (raw.bits === 32 ? saturatingRoundingDoublingHighMul(a, b) : saturatingRoundingDoublingHighMul16(a, b));
const fadd = (a: number, b: number, raw: RawType): number => wrap(a + b, raw);
const fsub = (a: number, b: number, raw: RawType): number => wrap(a - b, raw);
/** FixedPoint<raw, integerBits>::One(). */
const fone = (integerBits: number, raw: RawType): number => (integerBits === 0 ? raw.max : 1 << (raw.bits - 1 - integerBits));
/** GEMMLOWP_CHECKED_FIXEDPOINT_CONSTANT: an int32 raw constant, rounding-shifted to 16 bits for int16. */
const fconst = (int32Raw: number, raw: RawType): number => (raw.bits === 32 ? int32Raw : wrap(roundingDivideByPOT(int32Raw, 16), raw));

/** SaturatingRoundingMultiplyByPOT on raw values of `raw`. */
function srmpot(x: number, exponent: number, raw: RawType): number {
  if (exponent === 0) return x;
  if (exponent < 0) return roundingDivideByPOT(x, -exponent);
  const threshold = (1 << (raw.bits - 1 - exponent)) - 1;
  if (x > threshold) return raw.max;
  if (x < -threshold) return raw.min;
  return wrap(x * 2 ** exponent, raw);
}

/** Rescale<dstIntegerBits>(x with srcIntegerBits): a saturating/rounding change of the binary point. */
export function rescale(x: number, srcIntegerBits: number, dstIntegerBits: number, raw: RawType = RAW32): number {
  return srmpot(x, srcIntegerBits - dstIntegerBits, raw);
}

/** exp(a) for a in [-1/4, 0) (Q0), by a 4th-order Taylor expansion around -1/8. */
export function expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a: number, raw: RawType = RAW32): number {
  const constantTerm = fconst(1895147668, raw); // exp(-1/8)
  const oneThird = fconst(715827883, raw);
  const x = fadd(a, 1 << (raw.bits - 4), raw); // a + 1/8
  const x2 = fmul(x, x, raw);
  const x3 = fmul(x2, x, raw);
  const x4 = fmul(x2, x2, raw);
  const x4Over4 = srmpot(x4, -2, raw);
  const poly = srmpot(fadd(fmul(fadd(x4Over4, x3, raw), oneThird, raw), x2, raw), -1, raw);
  const term = fmul(constantTerm, fadd(x, poly, raw), raw);
  if (raw.bits === 32) return (constantTerm + term) | 0;
  const s = constantTerm + term; // AddSaturatingIf16Bit
  return s > 32767 ? 32767 : s < -32768 ? -32768 : s;
}

// exp(-2^e) in Q0.31 for the barrel shifter of exp_on_negative_values, e = -2..4.
const EXP_BARREL = [1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242];

/** exp(a) for a ≤ 0 given with `integerBits` integer bits; the result is Q0 (raw max for a = 0). */
export function expOnNegativeValues(a: number, integerBits: number, raw: RawType = RAW32): number {
  const fractionalBits = raw.bits - 1 - integerBits;
  const oneQuarter = 1 << (fractionalBits - 2);
  const aModQuarterMinusOneQuarter = fsub(a & (oneQuarter - 1), oneQuarter, raw);
  let result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusOneQuarter, integerBits, 0, raw), raw);
  const remainder = fsub(aModQuarterMinusOneQuarter, a, raw);
  for (let k = 0; k < EXP_BARREL.length; k++) {
    const exponent = k - 2;
    if (integerBits > exponent && (remainder & (1 << (fractionalBits + exponent))) !== 0) {
      result = fmul(result, fconst(EXP_BARREL[k]!, raw), raw);
    }
  }
  if (integerBits > 5 && a < fconst(-(1 << (36 - integerBits)), raw)) result = 0; // below -32: exp is 0
  return a === 0 ? raw.max : result;
}

/** Newton-Raphson reciprocal iterations shared by the two (.)/(1 + x) functions; x is Q2. */
function reciprocalOfHalfDenominator(halfDenominator: number, raw: RawType): number {
  const oneQ2 = fone(2, raw);
  let x = fadd(fconst(1515870810, raw), fmul(halfDenominator, fconst(-1010580540, raw), raw), raw); // 48/17 - 32/17 d
  for (let i = 0; i < 3; i++) {
    const halfDenominatorTimesX = fmul(halfDenominator, x, raw);
    const oneMinus = fsub(oneQ2, halfDenominatorTimesX, raw);
    x = fadd(x, rescale(fmul(x, oneMinus, raw), 4, 2, raw), raw);
  }
  return x;
}

/** 1 / (1 + a) for a in [0, 1) (Q0 in and out). */
export function oneOverOnePlusXForXIn01(a: number, raw: RawType = RAW32): number {
  const x = reciprocalOfHalfDenominator(roundingHalfSum(a, raw.max), raw);
  return rescale(x, 1, 0, raw); // ExactMulByPot<-1> then Rescale<0>
}

/** (1 - a) / (1 + a) for a in [0, 1) (Q0 in and out). */
export function oneMinusXOverOnePlusXForXIn01(a: number, raw: RawType = RAW32): number {
  const x = reciprocalOfHalfDenominator(roundingHalfSum(a, raw.max), raw);
  return rescale(fsub(x, fone(2, raw), raw), 2, 0, raw);
}

/** gemmlowp::tanh of a value with `integerBits` integer bits; Q0 result. */
export function fixedPointTanh(a: number, integerBits: number, raw: RawType = RAW32): number {
  if (a === 0) return 0;
  const negative = a < 0;
  const n = negative ? a : wrap(-a, raw);
  // -tanh(n) for n < 0: (1 - exp(2n)) / (1 + exp(2n)), 2n being n with one more integer bit.
  const t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(n, integerBits + 1, raw), raw);
  return negative ? wrap(-t, raw) : t;
}

/** gemmlowp::logistic of a value with `integerBits` integer bits; Q0 result. */
export function fixedPointLogistic(a: number, integerBits: number, raw: RawType = RAW32): number {
  if (a === 0) return fconst(1 << 30, raw);
  const positive = a > 0;
  const abs = positive ? a : wrap(-a, raw);
  const resultIfPositive = oneOverOnePlusXForXIn01(expOnNegativeValues(wrap(-abs, raw), integerBits, raw), raw);
  return positive ? resultIfPositive : fsub(raw.max, resultIfPositive, raw);
}

/**
 * log(x) for x ≥ 1 (works down to 1/x_max), int32 raw values: input with `inputIntegerBits`, result
 * with `outputIntegerBits` (log_x_for_x_greater_than_or_equal_to_1, used by quantized LOG_SOFTMAX).
 */
export function logXForXGreaterThanOrEqualTo1(input: number, inputIntegerBits: number, outputIntegerBits: number): number {
  const raw = RAW32;
  const accumIntegerBits = outputIntegerBits + 1;
  const log2 = 1488522236;
  const sqrtSqrtHalf = 1805811301;
  const sqrtHalf = 1518500250;
  const oneQuarter = 536870912;
  const alphaN = 117049297;
  const alphaD = 127690142;
  const alphaI = 1057819769;
  const alphaF = 638450708;
  const shiftedQuarter = rescale(oneQuarter, 0, accumIntegerBits);

  const zA = input;
  const zAHeadroomPlus1 = Math.clz32(zA);
  const rATmp = srmpot(zA, zAHeadroomPlus1 - 1, raw);
  const rARaw = srmpot(fmul(rATmp, sqrtHalf, raw), 1, raw);
  const zAPow2Adj = saturatingAdd32(srmpot(inputIntegerBits - zAHeadroomPlus1, 31 - accumIntegerBits, raw), shiftedQuarter);

  const zB = fmul(zA, sqrtHalf, raw);
  const zBHeadroom = Math.clz32(zB) - 1;
  const rBRaw = srmpot(zA, zBHeadroom, raw);
  const zBPow2Adj = saturatingSub32(srmpot(inputIntegerBits - zBHeadroom, 31 - accumIntegerBits, raw), shiftedQuarter);

  const r = Math.min(rARaw, rBRaw);
  const zPow2Adj = Math.max(zAPow2Adj, zBPow2Adj);

  const p = roundingHalfSum(r, sqrtSqrtHalf);
  let q = fsub(r, sqrtSqrtHalf, raw);
  q = fadd(q, q, raw);

  const commonSq = fmul(q, q, raw);
  const num = fadd(fmul(q, r, raw), fmul(fmul(q, commonSq, raw), alphaN, raw), raw);
  const denomMinusOne = fadd(
    fmul(p, fadd(fadd(alphaI, q, raw), fmul(alphaD, commonSq, raw), raw), raw),
    fmul(alphaF, q, raw), raw);
  const recipDenom = oneOverOnePlusXForXIn01(denomMinusOne, raw);

  const numScaled = rescale(num, 0, accumIntegerBits);
  return rescale(fadd(fmul(zPow2Adj, log2, raw), fmul(numScaled, recipDenom, raw), raw), accumIntegerBits, outputIntegerBits);
}

/**
 * GetReciprocal: 1/x for a positive x with `xIntegerDigits` integer bits, as a Q0.31 value to be
 * shifted right by `numBitsOverUnit` (the softmax normaliser).
 */
export function getReciprocal(x: number, xIntegerDigits: number): { reciprocal: number; numBitsOverUnit: number } {
  const headroomPlusOne = Math.clz32(x);
  const shiftedSumMinusOne = ((x << headroomPlusOne) - 2147483648) | 0;
  return { reciprocal: oneOverOnePlusXForXIn01(shiftedSumMinusOne), numBitsOverUnit: xIntegerDigits - headroomPlusOne };
}

/**
 * GetInvSqrtQuantizedMultiplierExp: 1/sqrt(input) as a multiplier (Newton-Raphson in Q3); the
 * returned shift is multiplied by `reverseShift` (-1 gives a left-shift convention, as
 * L2_NORMALIZATION and RSQRT use). Inputs ≤ 1 give {INT32_MAX, 0}.
 */
export function getInvSqrtQuantizedMultiplierExp(input: number, reverseShift: number): QuantizedMultiplier {
  if (input <= 1) return { multiplier: INT32_MAX, shift: 0 };
  let shift = 11;
  while (input >= 1 << 29) {
    input = Math.trunc(input / 4);
    shift++;
  }
  const maxLeftShiftBits = Math.clz32(input) - 1;
  const leftShiftBitPairs = (maxLeftShiftBits >> 1) - 1;
  shift -= leftShiftBitPairs;
  input <<= 2 * leftShiftBitPairs;
  const raw = RAW32;
  const halfInput = roundingDivideByPOT(input >> 1, 1); // Q3
  const halfThree = (1 << 28) + (1 << 27); // 1.5 in Q3
  let x = 1 << 28; // 1 in Q3
  for (let i = 0; i < 5; i++) {
    const x3 = rescale(fmul(fmul(x, x, raw), x, raw), 9, 3);
    x = rescale(fsub(fmul(halfThree, x, raw), fmul(halfInput, x3, raw), raw), 6, 3);
  }
  let multiplier = fmul(x, 1518500250, raw); // * sqrt(2)/2
  if (shift < 0) {
    multiplier <<= -shift;
    shift = 0;
  }
  return { multiplier, shift: shift * reverseShift + 0 };
}

// ---------------------------------------------------------------------------------------------
// Lookup tables (common.h LUTPopulate / LUTLookup)
// ---------------------------------------------------------------------------------------------

/**
 * LUTPopulate for int8/uint8: out[q] = quantize(fn(dequantize(q))) for every input value, in float32
 * arithmetic as TFLite (fn's result is rounded to float32). Index the table with `q & 0xff`.
 */
export function lutPopulateInt8(type: 'int8' | 'uint8', inputScale: number, inputZeroPoint: number, outputScale: number, outputZeroPoint: number, fn: (x: number) => number): Int8Array | Uint8Array {
  const lut = type === 'int8' ? new Int8Array(256) : new Uint8Array(256);
  const [minval, maxval] = quantizedRange(type);
  const f = Math.fround;
  const inverseScale = f(1 / outputScale);
  const zp = f(outputZeroPoint);
  for (let val = minval; val <= maxval; val++) {
    const dequantized = f(inputScale * f(val - inputZeroPoint));
    const transformed = f(fn(dequantized));
    const rescaled = tfliteRound(f(transformed * inverseScale));
    const quantized = floatToInt32(f(rescaled + zp));
    lut[val & 0xff] = Math.max(Math.min(maxval, quantized), minval);
  }
  return lut;
}

/**
 * LUTPopulate for int16 (513 entries: 512 segments over the input range plus a closing one), each
 * anchor biased by half the midpoint interpolation error. `precision` is TFLite's FloatT: 'float'
 * (the default, float32 arithmetic) or 'double' (the deprecated overload softmax still uses).
 */
export function lutPopulateInt16(inputScale: number, inputZeroPoint: number, outputScale: number, outputZeroPoint: number, fn: (x: number) => number, precision: 'float' | 'double' = 'float'): Int16Array {
  const r = precision === 'float' ? Math.fround : (x: number): number => x;
  const lut = new Int16Array(513);
  const inputMin = r(r(inputScale) * r(-32768 - inputZeroPoint));
  const inputMax = r(r(inputScale) * r(32767 - inputZeroPoint));
  const outputMin = r(r(outputScale) * r(-32768 - outputZeroPoint));
  const outputMax = r(r(outputScale) * r(32767 - outputZeroPoint));
  const steps = 512;
  const step = r(r(inputMax - inputMin) / steps);
  const halfStep = r(step / 2);
  const scalingInv = r(65536 / r(outputMax - outputMin));
  const clampToTable = (v: number): number => (v !== v ? 0 : Math.trunc(Math.min(Math.max(v, -32768), 32767)));
  for (let i = 0; i < steps; i++) {
    const x = r(inputMin + r(i * step));
    const val = r(fn(x));
    const valMidpoint = r(fn(r(x + halfStep)));
    const valNext = r(fn(r(inputMin + r((i + 1) * step))));
    const sampleVal = tfliteRound(r(val * scalingInv));
    const midpointInterpVal = tfliteRound(r(r(r(valNext * scalingInv) + tfliteRound(r(val * scalingInv))) / 2));
    const midpointVal = tfliteRound(r(valMidpoint * scalingInv));
    const midpointErr = r(midpointInterpVal - midpointVal);
    const bias = tfliteRound(r(midpointErr / 2));
    lut[i] = clampToTable(r(sampleVal - bias));
  }
  lut[steps] = clampToTable(tfliteRound(r(r(fn(inputMax)) * scalingInv)));
  return lut;
}

/** LUTLookup for int16: base lut[256 + (v >> 7)] plus the interpolated slope over the low 7 bits. */
export function lutLookupInt16(value: number, lut: Int16Array): number {
  const index = 256 + (value >> 7);
  const offset = value & 0x7f;
  const base = lut[index]!;
  const slope = ((lut[index + 1]! - base) << 16) >> 16;
  return ((base + ((slope * offset + 64) >> 7)) << 16) >> 16;
}
