// Quantization support shared by CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV: the prepare-time
// checks and requantization parameters (TFLite's PopulateConvolutionQuantizationParams), the
// requantization itself, bias handling, and the on-the-fly input quantization of the hybrid
// (dynamic-range) kernels (portable_tensor_utils.cc).
//
// Requantization follows what the official runtime computes. Its XNNPACK delegate runs the 8-bit
// convolutions: the int32 accumulator times a float32 scale (input_scale · filter_scale /
// output_scale in float32), in float32, rounded half to even. (TFLite's own reference kernels use
// the fixed-point MultiplyByQuantizedMultiplier instead, whose double rounding differs by 1 in a
// share of the outputs.) The 16x8 kernels are TFLite's own: fixed-point multipliers on an int64
// accumulator, or on an int32 one with an int32 bias.
import type { Tensor } from '../../interpreter/tensor.js';
import type { OpContext } from '../registration.js';
import { checkActivation } from '../kernel_util.js';
import {
  calculateActivationRangeQuantized, convolutionMultipliers, floatToInt32, multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64, tfliteRound,
} from './quant_math.js';

/** Element type of a fully quantized convolution's input and output. */
export type QuantKind = 'uint8' | 'int8' | 'int16';

export type QuantArray = Uint8Array | Int8Array | Int16Array;

/**
 * How accumulators become outputs: 'float' (8-bit: float32 scale, round half to even), 'int32'
 * (16x8 with an int32 bias: int32 MultiplyByQuantizedMultiplier), 'int64' (16x8 with an int64 bias).
 */
export type Requantization = 'float' | 'int32' | 'int64';

/** The integer parameters of a quantized convolution, precomputed in prepare. */
export interface ConvQuant {
  requant: Requantization;
  /** -input zero point, added to every input value. */
  inputOffset: number;
  /** -filter zero point (uint8 only; the int8 kernels ignore the filter zero point). */
  filterOffset: number;
  outputOffset: number;
  /** Per output channel, 'float' requantization: input_scale · filter_scale / output_scale in float32. */
  scales: Float32Array;
  /** Per output channel, 'int32'/'int64' requantization: multiplier and shift (QuantizeMultiplier). */
  multipliers: Int32Array;
  shifts: Int32Array;
  actMin: number;
  actMax: number;
  /** Bias values as plain numbers (0 without a bias), refreshed by `loadBias` in eval. */
  bias: Float64Array;
}

const FLOAT32 = 0;
const INT32 = 2;
const INT64 = 4;

/** Fails unless a quantized tensor has per-tensor or per-channel scales. */
function checkQuantized(ctx: OpContext, t: Tensor, what: string): void {
  if (t.quantization === null || t.quantization.scale.length === 0) ctx.fail(`${what} '${t.name}' has no quantization parameters`);
}

/**
 * The input/output type of a quantized convolution from its input dtype, with the zero-point
 * rules TFLite checks (int16 activations are symmetric).
 */
export function quantKindOf(ctx: OpContext, input: Tensor, output: Tensor): QuantKind {
  const kind = input.dtype as QuantKind;
  if (output.dtype !== kind) ctx.fail(`output '${output.name}' has type ${output.dtype}, expected ${kind}`);
  checkQuantized(ctx, input, 'input');
  checkQuantized(ctx, output, 'output');
  if (kind === 'int16' && (input.zeroPoint !== 0 || output.zeroPoint !== 0)) {
    ctx.fail('int16 input and output must have zero point 0');
  }
  return kind;
}

/**
 * Checks a quantized bias (int32 for 8-bit kernels; int64, or int32 where `int32For16` allows it,
 * for 16x8) of `channels` elements with zero point 0.
 */
export function checkQuantBias(ctx: OpContext, kind: QuantKind, bias: Tensor, channels: number, int32For16: boolean, zeroPointCheck = true): void {
  if (kind === 'int16') {
    if (bias.dtype !== 'int64' && !(int32For16 && bias.dtype === 'int32')) {
      ctx.fail(`bias '${bias.name}' has type ${bias.dtype}, expected int64${int32For16 ? ' or int32' : ''}`);
    }
  } else if (bias.dtype !== 'int32') {
    ctx.fail(`bias '${bias.name}' has type ${bias.dtype}, expected int32`);
  }
  if (zeroPointCheck && bias.zeroPoint !== 0) ctx.fail(`bias '${bias.name}' must have zero point 0`);
  if (bias.size !== channels) ctx.fail(`bias has ${bias.size} elements, expected ${channels}`);
}

/**
 * The bias type a 16x8 kernel accumulates with: the op's quantized_bias_type when set (it must
 * match the bias), else int64 (TFLite then reads the bias as int64, so an int32 bias is rejected).
 */
export function checkBiasType16(ctx: OpContext, quantizedBiasType: number, bias: Tensor | null): 'int32' | 'int64' {
  if (quantizedBiasType === FLOAT32) {
    if (bias !== null && bias.dtype !== 'int64') ctx.fail('an int32 bias needs quantized_bias_type INT32');
    return 'int64';
  }
  if (quantizedBiasType !== INT32 && quantizedBiasType !== INT64) ctx.fail(`invalid quantized_bias_type ${quantizedBiasType}`);
  const type = quantizedBiasType === INT32 ? 'int32' : 'int64';
  if (bias !== null && bias.dtype !== type) ctx.fail(`bias has type ${bias.dtype}, but quantized_bias_type is ${type}`);
  return type;
}

/**
 * PopulateConvolutionQuantizationParams' checks and parameters: per-channel (int8/int16) or
 * per-tensor filter scales, the uint8 bias scale check, the requantization scales or fixed-point
 * multipliers, and the activation clamp of the output type. `requant` is 'float' for 8-bit kinds.
 */
export function prepareConvQuant(
  ctx: OpContext, kind: QuantKind, input: Tensor, filter: Tensor, bias: Tensor | null, output: Tensor,
  activation: number, channels: number, requant: Requantization,
): ConvQuant {
  checkQuantized(ctx, filter, 'filter');
  const fq = filter.quantization!;
  if (fq.scale.length !== 1 && fq.scale.length !== channels) {
    ctx.fail(`filter has ${fq.scale.length} scales, expected 1 or ${channels}`);
  }
  if (fq.scale.length > 1) {
    if (kind === 'uint8') ctx.fail('per-channel quantization needs int8 or int16 input');
    if (filter.shape[fq.quantizedDimension] !== channels) {
      ctx.fail(`filter's quantized dimension ${fq.quantizedDimension} does not have ${channels} channels`);
    }
  }
  if (kind === 'uint8' && bias !== null) {
    // The bias scale must be close to input_scale * filter_scale (GetQuantizedConvolutionMultipler).
    const productScale = input.scale * filter.scale;
    if (!(Math.abs(productScale - bias.scale) / output.scale <= 0.02)) {
      ctx.fail(`bias scale ${bias.scale} differs from input scale × filter scale ${productScale}`);
    }
  }
  checkActivation(ctx, activation);
  // Also the check that every input_scale · filter_scale / output_scale is finite.
  const m = convolutionMultipliers(input.scale, fq.scale, output.scale, channels);
  if (m === null) return ctx.fail('invalid quantization scales');
  const f = Math.fround;
  const scales = requant === 'float'
    ? Float32Array.from({ length: channels }, (_, c) => f(f(input.scale * fq.scale[fq.scale.length > 1 ? c : 0]!) / output.scale))
    : new Float32Array(0);
  const [actMin, actMax] = calculateActivationRangeQuantized(activation, kind, output.scale, output.zeroPoint);
  return {
    requant,
    inputOffset: -input.zeroPoint,
    filterOffset: kind === 'uint8' ? -filter.zeroPoint : 0,
    outputOffset: output.zeroPoint,
    scales, multipliers: m.multipliers, shifts: m.shifts, actMin, actMax,
    bias: new Float64Array(channels),
  };
}

/** Round half to even (lrintf / the magic-bias rounding of XNNPACK's fp32 requantization). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The clamped output value of output channel `oc` for an accumulator `acc` (bias included). */
export function requantize(q: ConvQuant, acc: number, oc: number): number {
  let v: number;
  if (q.requant === 'float') {
    const f = Math.fround;
    v = roundHalfEven(f(f(acc | 0) * q.scales[oc]!));
  } else if (q.requant === 'int32') {
    v = multiplyByQuantizedMultiplier(acc | 0, q.multipliers[oc]!, q.shifts[oc]!);
  } else {
    v = multiplyByQuantizedMultiplierInt64(acc, q.multipliers[oc]!, q.shifts[oc]!);
  }
  v += q.outputOffset;
  return v < q.actMin ? q.actMin : v > q.actMax ? q.actMax : v;
}

/** Copies the bias values (int32 or int64) into `q.bias`; zeros without a bias. */
export function loadBias(q: ConvQuant, bias: Tensor | null): void {
  const out = q.bias;
  if (bias === null) {
    out.fill(0);
    return;
  }
  const data = bias.data;
  if (data instanceof BigInt64Array) {
    for (let i = 0; i < out.length; i++) out[i] = Number(data[i]!);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = data[i] as number;
  }
}

// ---------------------------------------------------------------------------------------------
// Hybrid kernels: float input quantized to int8 at eval time (per batch, or per pixel)
// ---------------------------------------------------------------------------------------------

/** Scratch of a hybrid kernel: the quantized input and its per-batch scale and offset. */
export interface HybridScratch {
  quantized: Int8Array;
  /** Per batch (or pixel): the input scale. */
  factors: Float32Array;
  /** Per batch (or pixel): the input zero point. */
  offsets: Int32Array;
}

export function hybridScratch(inputSize: number, rows: number): HybridScratch {
  return { quantized: new Int8Array(inputSize), factors: new Float32Array(rows), offsets: new Int32Array(rows) };
}

/**
 * AsymmetricQuantizeFloats on values[start, start + size): the range [min(0, min), max(0, max)]
 * over int8's 256 levels, the zero point nudged from the side with the smaller error (double
 * arithmetic), then q = round(zp + v / scale) in float32. Returns the scale (1 for a zero range)
 * and the zero point.
 */
export function asymmetricQuantizeFloats(values: Float32Array, start: number, size: number, out: Int8Array): { scale: number; offset: number } {
  const f = Math.fround;
  let min = values[start]!, max = min;
  for (let i = start + 1; i < start + size; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const rmin = min < 0 ? min : 0;
  const rmax = max > 0 ? max : 0;
  if (rmin === rmax) {
    out.fill(0, start, start + size);
    return { scale: 1, offset: 0 };
  }
  const scale = (rmax - rmin) / 255;
  const zeroPointFromMin = -128 - rmin / scale;
  const zeroPointFromMax = 127 - rmax / scale;
  const errorFromMin = 128 + Math.abs(rmin / scale);
  const errorFromMax = 127 + Math.abs(rmax / scale);
  const zeroPoint = errorFromMin < errorFromMax ? zeroPointFromMin : zeroPointFromMax;
  const offset = zeroPoint <= -128 ? -128 : zeroPoint >= 127 ? 127 : tfliteRound(zeroPoint);
  const factor = f(scale);
  const inv = f(1 / factor);
  for (let i = start; i < start + size; i++) {
    const q = floatToInt32(tfliteRound(f(offset + f(values[i]! * inv))));
    out[i] = q > 127 ? 127 : q < -128 ? -128 : q;
  }
  return { scale: factor, offset };
}

/** Quantizes a hybrid kernel's float input asymmetrically in `rows` equal runs (batches, or pixels). */
export function quantizeHybridInput(input: Float32Array, rows: number, s: HybridScratch): void {
  const size = input.length / rows;
  for (let r = 0; r < rows; r++) {
    const { scale, offset } = asymmetricQuantizeFloats(input, r * size, size, s.quantized);
    s.factors[r] = scale;
    s.offsets[r] = offset;
  }
}

/** Per-channel float32 scales of a hybrid kernel's filter (one scale repeated to `channels`). */
export function hybridChannelScales(ctx: OpContext, filter: Tensor, channels: number): Float32Array {
  checkQuantized(ctx, filter, 'filter');
  const scales = filter.quantization!.scale;
  if (scales.length !== 1 && scales.length !== channels) ctx.fail(`filter has ${scales.length} scales, expected 1 or ${channels}`);
  return Float32Array.from({ length: channels }, (_, c) => scales[scales.length === 1 ? 0 : c]!);
}
