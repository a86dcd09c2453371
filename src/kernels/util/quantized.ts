// Shared pieces of the quantized (uint8 / int8 / int16) elementwise kernels, bit-exact with TFLite's
// builtin kernels: tensor parameters as TFLite reads them, the ADD/SUB and comparison input rescaling,
// ReluX, lookup tables and the int16 sigmoid/tanh table interpolation. (Where the official runtime
// hands an op to its XNNPACK delegate instead, util/xnnpack.ts has that arithmetic.)
import type { Tensor } from '../../interpreter/tensor.js';
import type { DType } from '../../types.js';
import type { OpContext } from '../registration.js';
import { type BroadcastPlan, mapBinary, prepareBinary } from './elementwise.js';
import {
  type QuantizedMultiplier, calculateActivationRangeQuantized, checkedLog2, floatToInt32, multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierSmallerThanOneExp, quantizeMultiplier, quantizeMultiplierGreaterThanOne,
  quantizeMultiplierSmallerThanOneExp, quantizedRange, saturatingRoundingDoublingHighMul, tfliteRound, lutLookupInt16,
  lutPopulateInt16, lutPopulateInt8,
} from './quant_math.js';

export type Quantized8 = 'uint8' | 'int8';
export type QuantizedDType = 'uint8' | 'int8' | 'int16';

/** Quantized element arrays. */
export type QuantizedArray = Uint8Array | Int8Array | Int16Array;

/** True when the tensor carries quantization parameters (TFLite: quantization.type != kTfLiteNoQuantization). */
export function isQuantized(t: Tensor): boolean {
  return t.quantization !== null && t.quantization.scale.length > 0;
}

/**
 * TFLite's tensor->params (the first scale, a float32 value, and zero point), failing unless the
 * tensor has quantization parameters with a usable scale.
 */
export function requireQuantized(ctx: OpContext, t: Tensor): { scale: number; zeroPoint: number } {
  if (!isQuantized(t)) ctx.fail(`${t.dtype} tensor '${t.name}' needs quantization parameters`);
  if (!(Number.isFinite(t.scale) && t.scale > 0)) ctx.fail(`tensor '${t.name}' has invalid scale ${t.scale}`);
  return { scale: t.scale, zeroPoint: t.zeroPoint };
}

/** Fails unless the tensor's zero point is 0 (TFLite's symmetric int16 kernels). */
export function requireZeroPointZero(ctx: OpContext, t: Tensor): void {
  if (t.zeroPoint !== 0) ctx.fail(`${t.dtype} tensor '${t.name}' must have zero point 0, got ${t.zeroPoint}`);
}

/** The quantization of a quantized unary op's input and output (both required); int16 ones need zero points 0. */
export function unaryQuantization(ctx: OpContext): { input: { scale: number; zeroPoint: number }; output: { scale: number; zeroPoint: number } } {
  const x = ctx.input(0), out = ctx.output(0);
  const input = requireQuantized(ctx, x);
  const output = requireQuantized(ctx, out);
  if (x.dtype === 'int16') {
    requireZeroPointZero(ctx, x);
    requireZeroPointZero(ctx, out);
  }
  return { input, output };
}

/** A multiplier helper's result, or ctx.fail when TFLite's check on it would abort. */
export function checkedMultiplier(ctx: OpContext, m: QuantizedMultiplier | null, real: number): QuantizedMultiplier {
  if (m === null) return ctx.fail(`quantization scales give an unsupported multiplier ${real}`);
  return m;
}

/** QuantizeMultiplier, failing on a non-finite ratio. */
export function multiplierOf(ctx: OpContext, real: number): QuantizedMultiplier {
  return checkedMultiplier(ctx, quantizeMultiplier(real), real);
}

/** Quantized [min, max] of a fused activation on `out` (CalculateActivationRangeQuantized). */
export function activationRange(out: Tensor, activation: number): [number, number] {
  return calculateActivationRangeQuantized(activation, out.dtype as QuantizedDType, out.scale, out.zeroPoint);
}

/**
 * gemmlowp's RoundingDivideByPOT for any exponent, as the official (wasm) build evaluates it. TFLite
 * reaches exponents outside [0, 31], undefined in C (SUB's output multiplier above 1, comparisons on
 * scales of 1 or more, DIV's total shift for a zero numerator): the build computes the mask
 * (1ll << exponent) - 1 with the 64-bit shift count taken mod 64 and the int32 shift mod 32.
 */
function roundingDivideByPOTWrapped(x: number, exponent: number): number {
  const m = exponent & 63;
  const mask = m < 32 ? ((1 << m) - 1) | 0 : -1;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> (exponent & 31)) + ((x & mask) > threshold ? 1 : 0);
}

/** MultiplyByQuantizedMultiplierSmallerThanOneExp for any shift (see roundingDivideByPOTWrapped). */
export function multiplySmallerThanOneExpAnyShift(x: number, multiplier: number, shift: number): number {
  return roundingDivideByPOTWrapped(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
}

// ---------------------------------------------------------------------------------------------
// ADD / SUB (add.cc, sub.cc)
// ---------------------------------------------------------------------------------------------

/** Each input's offset (minus its zero point) and rescaling multiplier, in the binary ops' ArithmeticParams. */
export interface InputRescaling {
  readonly input1Offset: number;
  readonly input1Multiplier: number;
  readonly input1Shift: number;
  readonly input2Offset: number;
  readonly input2Multiplier: number;
  readonly input2Shift: number;
}

/** ArithmeticParams of quantized ADD/SUB. */
export interface AddSubParams extends InputRescaling {
  /** The int16 power-of-two path: inputs shifted right by -input{1,2}Shift, no multipliers. */
  readonly pot: boolean;
  readonly leftShift: number;
  readonly outputOffset: number;
  readonly outputMultiplier: number;
  readonly outputShift: number;
  readonly actMin: number;
  readonly actMax: number;
}

/**
 * Prepare of quantized ADD or SUB. int16 (zero points 0) takes the power-of-two path when
 * pot_scale_int16 is set and every scale is a power of two (only one input shifted), the general path
 * (left shift 15, rescaling multipliers) otherwise; 8-bit types always take the general path (left
 * shift 20).
 * ADD's output multiplier must be below 1; SUB takes one above 1 as well.
 */
export function prepareAddSub(ctx: OpContext, isSub: boolean, activation: number, potScaleInt16: boolean): AddSubParams {
  const a = ctx.input(0);
  const b = ctx.input(1);
  const out = ctx.output(0);
  const type = out.dtype as QuantizedDType;
  let general = type !== 'int16';
  let pot: { a: number; b: number; out: number } | null = null;
  if (type === 'int16') {
    for (const t of [a, b, out]) requireZeroPointZero(ctx, t);
    general = !potScaleInt16;
    if (!general) {
      const la = checkedLog2(a.scale);
      const lb = checkedLog2(b.scale);
      const lo = checkedLog2(out.scale);
      general = !(la.exact && lb.exact && lo.exact);
      pot = { a: la.log2, b: lb.log2, out: lo.log2 };
    }
  }
  const [actMin, actMax] = activationRange(out, activation);
  if (!general) {
    const input1Shift = pot!.a - pot!.out;
    const input2Shift = pot!.b - pot!.out;
    if (!((input1Shift === 0 || input2Shift === 0) && input1Shift <= 0 && input2Shift <= 0)) {
      ctx.fail('power-of-two int16 scales must leave one input on the output scale and shift the other right');
    }
    return {
      pot: true, leftShift: 0, input1Offset: 0, input1Multiplier: 0, input1Shift, input2Offset: 0, input2Multiplier: 0,
      input2Shift, outputOffset: 0, outputMultiplier: 0, outputShift: 0, actMin, actMax,
    };
  }
  if (isSub) {
    const [qmin, qmax] = quantizedRange(type);
    for (const t of [a, b, out]) {
      if (t.zeroPoint < qmin || t.zeroPoint > qmax) ctx.fail(`zero point ${t.zeroPoint} of '${t.name}' is outside the ${type} range`);
    }
  }
  const leftShift = type === 'int16' ? 15 : 20;
  const twiceMaxInputScale = 2 * Math.max(a.scale, b.scale);
  const real1 = a.scale / twiceMaxInputScale;
  const real2 = b.scale / twiceMaxInputScale;
  const realOut = twiceMaxInputScale / (2 ** leftShift * out.scale);
  const m1 = checkedMultiplier(ctx, quantizeMultiplierSmallerThanOneExp(real1), real1);
  const m2 = checkedMultiplier(ctx, quantizeMultiplierSmallerThanOneExp(real2), real2);
  const mo = checkedMultiplier(ctx, isSub && realOut > 1
    ? quantizeMultiplierGreaterThanOne(realOut) : quantizeMultiplierSmallerThanOneExp(realOut), realOut);
  return {
    pot: false, leftShift,
    input1Offset: -a.zeroPoint, input1Multiplier: m1.multiplier, input1Shift: m1.shift,
    input2Offset: -b.zeroPoint, input2Multiplier: m2.multiplier, input2Shift: m2.shift,
    outputOffset: out.zeroPoint, outputMultiplier: mo.multiplier, outputShift: mo.shift, actMin, actMax,
  };
}

/**
 * Quantized ADD (sign 1) or SUB (sign -1) on the general path: each input offset, shifted left and
 * rescaled to the common scale, then the sum/difference rescaled to the output and clamped.
 */
export function addSubGeneral(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: QuantizedArray, p: AddSubParams, sign: 1 | -1): void {
  const ls = 2 ** p.leftShift;
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const s1 = multiplyByQuantizedMultiplierSmallerThanOneExp((p.input1Offset + x) * ls, p.input1Multiplier, p.input1Shift);
    const s2 = multiplyByQuantizedMultiplierSmallerThanOneExp((p.input2Offset + y) * ls, p.input2Multiplier, p.input2Shift);
    const raw = multiplySmallerThanOneExpAnyShift((s1 + sign * s2) | 0, p.outputMultiplier, p.outputShift) + p.outputOffset;
    return raw < p.actMin ? p.actMin : raw > p.actMax ? p.actMax : raw;
  });
}

// ---------------------------------------------------------------------------------------------
// Comparisons (comparisons.cc: ComparisonQuantized)
// ---------------------------------------------------------------------------------------------

export type ComparisonScaling = InputRescaling;

/** comparisons.cc's QuantizeMultiplier: below 1 as SmallerThanOneExp, otherwise GreaterThanOne (which rejects exactly 1). */
function comparisonMultiplier(ctx: OpContext, scale: number): QuantizedMultiplier {
  return checkedMultiplier(ctx, scale < 1 ? quantizeMultiplierSmallerThanOneExp(scale) : quantizeMultiplierGreaterThanOne(scale), scale);
}

/** Both inputs' rescaling to a common real scale (each input's scale as a multiplier, left shift 8). */
function comparisonScaling(ctx: OpContext, a: Tensor, b: Tensor): ComparisonScaling {
  const m1 = comparisonMultiplier(ctx, a.scale);
  const m2 = comparisonMultiplier(ctx, b.scale);
  return {
    input1Offset: -a.zeroPoint, input1Multiplier: m1.multiplier, input1Shift: m1.shift,
    input2Offset: -b.zeroPoint, input2Multiplier: m2.multiplier, input2Shift: m2.shift,
  };
}

export interface ComparisonData {
  readonly plan: BroadcastPlan;
  /** Rescaling for quantized inputs; null compares raw values. */
  readonly scaling: ComparisonScaling | null;
}

/**
 * Prepare of a comparison: `types` compare raw values; uint8 and int8 always compare rescaled
 * (TFLite treats them as quantized), and int16 too where `int16Quantized` (EQUAL, NOT_EQUAL) and the
 * input carries quantization.
 */
export function prepareComparison(ctx: OpContext, types: DType[], int16Quantized: boolean): ComparisonData {
  const plan = prepareBinary(ctx, [...types, 'uint8', 'int8'], 'bool');
  const a = ctx.input(0);
  const b = ctx.input(1);
  if (!(a.dtype === 'uint8' || a.dtype === 'int8' || (int16Quantized && a.dtype === 'int16' && isQuantized(a)))) {
    return { plan, scaling: null };
  }
  requireQuantized(ctx, a);
  requireQuantized(ctx, b);
  return { plan, scaling: comparisonScaling(ctx, a, b) };
}

/** out[i] = cmp(rescaled a, rescaled b) as 0/1. */
export function compareQuantized(plan: BroadcastPlan, a: QuantizedArray, b: QuantizedArray, out: Uint8Array, s: ComparisonScaling, cmp: (x: number, y: number) => boolean): void {
  mapBinary<number, number>(plan, a, b, out, (x, y) => {
    const s1 = multiplySmallerThanOneExpAnyShift((s.input1Offset + x) * 256, s.input1Multiplier, s.input1Shift);
    const s2 = multiplySmallerThanOneExpAnyShift((s.input2Offset + y) * 256, s.input2Multiplier, s.input2Shift);
    return cmp(s1, s2) ? 1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------
// ReluX (activations.cc: ReluPrepare, QuantizedReluX)
// ---------------------------------------------------------------------------------------------

export interface ReluXParams {
  readonly inputOffset: number;
  readonly outputOffset: number;
  readonly multiplier: number;
  readonly shift: number;
  readonly actMin: number;
  readonly actMax: number;
}

/**
 * Prepare of quantized RELU / RELU6 / RELU_N1_TO_1 / RELU_0_TO_1: the input-to-output multiplier and
 * the clamp [actMin, actMax] (real bounds; actMax Infinity for none) quantized on the output scale.
 * int16 needs zero points 0.
 */
export function prepareReluX(ctx: OpContext, actMin: number, actMax: number): ReluXParams {
  const x = ctx.input(0);
  const out = ctx.output(0);
  if (x.dtype === 'int16') {
    requireZeroPointZero(ctx, x);
    requireZeroPointZero(ctx, out);
  }
  const m = multiplierOf(ctx, Math.fround(x.scale / out.scale));
  const [qmin, qmax] = quantizedRange(out.dtype as QuantizedDType);
  const quantize = (v: number): number => out.zeroPoint + floatToInt32(tfliteRound(Math.fround(v / out.scale)));
  return {
    inputOffset: x.zeroPoint, outputOffset: out.zeroPoint, multiplier: m.multiplier, shift: m.shift,
    actMin: Math.max(qmin, quantize(actMin)),
    actMax: actMax === Infinity ? qmax : Math.min(qmax, quantize(actMax)),
  };
}

/** ReluX: rescale to the output, then clamp. */
export function reluX(x: QuantizedArray, out: QuantizedArray, p: ReluXParams): void {
  for (let i = 0; i < out.length; i++) {
    const v = p.outputOffset + multiplyByQuantizedMultiplier(x[i]! - p.inputOffset, p.multiplier, p.shift);
    out[i] = v < p.actMin ? p.actMin : v > p.actMax ? p.actMax : v;
  }
}

// ---------------------------------------------------------------------------------------------
// Lookup tables
// ---------------------------------------------------------------------------------------------

/** A quantized unary op's table: 256 entries for uint8/int8, TFLite's interpolated 513 for int16. */
export type QuantizedTable = Uint8Array | Int8Array | Int16Array;

/**
 * LUTPopulate of `fn` (a float32 function: its results are rounded to float) from the input's to the
 * output's quantization.
 */
export function prepareTable(ctx: OpContext, fn: (x: number) => number): QuantizedTable {
  const x = ctx.input(0);
  const input = requireQuantized(ctx, x);
  const output = requireQuantized(ctx, ctx.output(0));
  if (x.dtype === 'int16') return lutPopulateInt16(input.scale, input.zeroPoint, output.scale, output.zeroPoint, fn);
  return lutPopulateInt8(x.dtype as Quantized8, input.scale, input.zeroPoint, output.scale, output.zeroPoint, fn);
}

/** LookupTable: out[i] = lut[x[i] as an unsigned byte], or the int16 table interpolated. */
export function lookupTable(x: QuantizedArray, lut: QuantizedTable, out: QuantizedArray): void {
  if (lut instanceof Int16Array) {
    for (let i = 0; i < out.length; i++) out[i] = lutLookupInt16(x[i]!, lut);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = lut[x[i]! & 0xff]!;
  }
}

// sigmoid(i / 24) in 0.16 fixed point (common.h's sigmoid_table_uint16), shared by the int16 LOGISTIC
// and TANH kernels (tanh(x) = 2 sigmoid(2x) - 1).
const SIGMOID_TABLE_UINT16 = new Uint16Array([
  32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064, 42688,
  43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409,
  51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
  57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110,
  61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186,
  63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
  64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900,
  64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208,
  65221, 65234, 65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
  65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449,
  65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491,
  65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
  65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
  65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530,
  65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
  65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535,
]);

/**
 * The int16 LOGISTIC / TANH input scaling of activations.cc's Prepare: {multiplier 0, left shift} when
 * the input scale is the power of two the fixed-point kernel takes (2^-12, or 2^-11 for TANH), else a
 * multiplier bringing the input to the table's 1/(3 * 4096) scale with the largest left shift keeping
 * it at least 2^14. Both kernels need zero points 0 and output scale 2^-15.
 */
export function prepareSigmoidInt16(ctx: OpContext, allowShiftOne: boolean): { multiplier: number; leftShift: number } {
  const x = ctx.input(0);
  const out = ctx.output(0);
  requireZeroPointZero(ctx, x);
  requireZeroPointZero(ctx, out);
  const l = checkedLog2(x.scale);
  let leftShift = 12 + l.log2;
  const pot = l.exact && (leftShift === 0 || (allowShiftOne && leftShift === 1));
  let multiplier = 0;
  if (!pot) {
    let m = x.scale * 4096 * 3;
    leftShift = 0;
    while (m <= 32767 / 2 && leftShift <= 30) {
      leftShift++;
      m *= 2;
    }
    multiplier = floatToInt32(m);
  }
  const lo = checkedLog2(out.scale);
  if (!lo.exact || lo.log2 !== -15) ctx.fail(`output scale must be 2^-15, got ${out.scale}`);
  return { multiplier, leftShift };
}

/**
 * reference_integer_ops::Logistic (int16) / Tanh (int16): the input rescaled by multiplier / 2^leftShift
 * (3 << leftShift / 1 for multiplier 0), then the sigmoid table interpolated over 9 (logistic) or
 * 8 (tanh) fraction bits, mirrored for negative inputs.
 */
export function sigmoidTableInt16(x: Int16Array, out: Int16Array, multiplier: number, leftShift: number, tanh: boolean): void {
  if (multiplier === 0) {
    multiplier = 3 << leftShift;
    leftShift = 0;
  }
  const round = leftShift > 0 ? 1 << (leftShift - 1) : 0;
  const fracBits = tanh ? 8 : 9;
  const fracMask = (1 << fracBits) - 1;
  for (let i = 0; i < out.length; i++) {
    const v = (x[i]! * multiplier + round) >> leftShift;
    const abs = Math.abs(v);
    const uh = abs >>> fracBits;
    let result: number;
    if (uh >= 255) {
      result = tanh ? 0xffff << 8 : 0x7fff << 10;
    } else {
      const ua = SIGMOID_TABLE_UINT16[uh]!;
      const ub = SIGMOID_TABLE_UINT16[uh + 1]!;
      result = ua * 2 ** fracBits + (abs & fracMask) * (ub - ua);
    }
    if (tanh) {
      result = v >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
      out[i] = result >> 8;
    } else {
      result = v >= 0 ? result + (1 << 9) : (1 << 25) - result + (1 << 9) - 1;
      out[i] = result >>> 10;
    }
  }
}
