// FULLY_CONNECTED: output = input · weightsᵀ + bias, weights [units, depth]
// (DEFAULT format). The input is flattened to [size / depth, depth]; with
// keep_num_dims the output keeps the input's leading dimensions.
// Quantized as TFLite's default (optimized) kernel: uint8, int8 (per-tensor or per-channel weights),
// 16x8 (int16 activations, int8 weights, int32 or int64 bias); hybrid (float activations, int8
// weights quantized on the fly per row, symmetric or asymmetric) as fully_connected.cc EvalHybrid.
import type { KernelRegistration, OpContext } from './registration.js';
import type { FullyConnectedOptions } from '../schema/generated.js';
import { TensorType } from '../schema/generated.js';
import { Activation, activationRange, checkRank, checkType, numElements } from './kernel_util.js';
import {
  calculateActivationRangeQuantized, convolutionMultipliers, multiplyByQuantizedMultiplier,
  floatToInt32, tfliteRound,
} from './util/quant_math.js';
import {
  affineOf, applyFloatActivation, asymmetricQuantizeFloats, convMultiplierChecked, multiplyByQuantizedMultiplierSingleRounding,
  rowSums, symmetricQuantizeFloats,
} from './util/quant_dense.js';

/** Reference float fully connected layer over `rows` input rows of `depth` values. */
export function fullyConnectedFloat(
  rows: number, depth: number, units: number,
  input: Float32Array, weights: Float32Array, bias: Float32Array | null,
  actMin: number, actMax: number, output: Float32Array,
): void {
  let o = 0;
  for (let r = 0; r < rows; r++) {
    const i0 = r * depth;
    for (let u = 0; u < units; u++) {
      const w0 = u * depth;
      let acc = 0;
      for (let d = 0; d < depth; d++) acc += input[i0 + d]! * weights[w0 + d]!;
      if (bias !== null) acc += bias[u]!;
      output[o++] = acc < actMin ? actMin : acc > actMax ? actMax : acc;
    }
  }
}

/** Parameters of the integer kernel. */
export interface FcQuantParams {
  rows: number;
  depth: number;
  units: number;
  /** -input zero point, -weights zero point (0 for per-channel weights), output zero point. */
  inputOffset: number;
  filterOffset: number;
  outputOffset: number;
  /** One multiplier/shift per unit, or a single one for per-tensor weights. */
  multipliers: Int32Array;
  shifts: Int32Array;
  qmin: number;
  qmax: number;
  /**
   * How the accumulator is rescaled, as the kernel TFLite picks by default does it:
   * 'double': int32 accumulator, gemmlowp's double-rounding MultiplyByQuantizedMultiplier (uint8);
   * 'single': int32 accumulator, ruy's single-rounding one (int8, and 16x8 with an int32 bias);
   * 'int64': the 16x8 reference kernel's int64 accumulator scaled in double:
   * round(acc × input_scale × weight_scale / output_scale).
   */
  rounding: 'double' | 'single' | 'int64';
  /** For 'int64' rounding: the per-unit (or single) effective scales in double. */
  scales: Float64Array;
}

type QuantArray = Uint8Array | Int8Array | Int16Array;

/** Reference integer fully connected layer (reference_integer_ops::FullyConnected[PerChannel]). */
export function fullyConnectedQuantized(
  p: FcQuantParams, input: QuantArray, weights: Uint8Array | Int8Array, bias: Int32Array | BigInt64Array | null, output: QuantArray,
): void {
  const { rows, depth, units, inputOffset, filterOffset, outputOffset, multipliers, shifts, qmin, qmax } = p;
  const perChannel = multipliers.length > 1;
  const rounding = p.rounding;
  let o = 0;
  for (let r = 0; r < rows; r++) {
    const i0 = r * depth;
    for (let u = 0; u < units; u++) {
      const w0 = u * depth;
      let acc = 0; // exact: |acc| < 2^53 for any real layer
      for (let d = 0; d < depth; d++) acc += (weights[w0 + d]! + filterOffset) * (input[i0 + d]! + inputOffset);
      if (bias !== null) acc += Number(bias[u]!);
      const c = perChannel ? u : 0;
      let v = rounding === 'single' ? multiplyByQuantizedMultiplierSingleRounding(acc | 0, multipliers[c]!, shifts[c]!)
        : rounding === 'double' ? multiplyByQuantizedMultiplier(acc | 0, multipliers[c]!, shifts[c]!)
          : floatToInt32(tfliteRound(acc * p.scales[c]!));
      v += outputOffset;
      output[o++] = v < qmin ? qmin : v > qmax ? qmax : v;
    }
  }
}

/** Parameters of the hybrid kernel (float activations, int8 weights). */
export interface FcHybridParams {
  rows: number;
  depth: number;
  units: number;
  asymmetric: boolean;
  /** Per-unit weight scales, or null for the per-tensor `filterScale`. */
  channelScales: Float32Array | null;
  filterScale: number;
  activation: number;
  /** Scratch: the quantized input rows. */
  quantized: Int8Array;
  /** Weight row sums (asymmetric inputs), precomputed for constant weights. */
  sums: Int32Array | null;
}

/**
 * Reference hybrid fully connected layer: each input row quantized to int8 on the fly, integer dot
 * products, then output = bias + dot × (row scale × weight scale) in float32, and the activation.
 */
export function fullyConnectedHybrid(
  p: FcHybridParams, input: Float32Array, weights: Int8Array, bias: Float32Array | null, output: Float32Array,
): void {
  const { rows, depth, units, channelScales, quantized } = p;
  const sums = p.asymmetric ? (p.sums ?? rowSums(weights, units, depth)) : null;
  const f = Math.fround;
  for (let r = 0; r < rows; r++) {
    const i0 = r * depth, o0 = r * units;
    let rowScale: number, zeroPoint = 0;
    if (p.asymmetric) {
      const q = asymmetricQuantizeFloats(input, i0, depth, quantized);
      rowScale = q.scale;
      zeroPoint = q.zeroPoint;
    } else {
      rowScale = symmetricQuantizeFloats(input, i0, depth, quantized);
    }
    if (channelScales === null) rowScale = f(rowScale * p.filterScale);
    for (let u = 0; u < units; u++) {
      const w0 = u * depth;
      let dot = 0;
      for (let d = 0; d < depth; d++) dot += weights[w0 + d]! * quantized[i0 + d]!;
      if (sums !== null) dot = (dot - sums[u]! * zeroPoint) | 0;
      const scale = channelScales === null ? rowScale : f(rowScale * channelScales[u]!);
      output[o0 + u] = f((bias === null ? 0 : bias[u]!) + f(f(dot) * scale));
    }
    applyFloatActivation(output, o0, o0 + units, p.activation);
  }
}

type FcData =
  | { kind: 'float'; rows: number; depth: number; units: number; actMin: number; actMax: number }
  | { kind: 'quantized'; p: FcQuantParams }
  | { kind: 'hybrid'; p: FcHybridParams };

const CLIPPING = [Activation.NONE, Activation.RELU, Activation.RELU_N1_TO_1, Activation.RELU6] as number[];

function prepare(ctx: OpContext<FullyConnectedOptions>): FcData {
  if (ctx.numInputs < 2 || ctx.numInputs > 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  const o = ctx.options;
  if (o.weightsFormat !== 0) ctx.fail(`weights format ${o.weightsFormat} is not supported (only DEFAULT)`);
  checkType(ctx, weights, 'float32', 'int8', 'uint8');
  const hybrid = weights.dtype !== 'float32' && input.dtype === 'float32';
  if (weights.dtype === 'float32' || hybrid) {
    checkType(ctx, input, 'float32');
    checkType(ctx, output, 'float32');
    if (bias) checkType(ctx, bias, 'float32');
  } else {
    checkType(ctx, input, 'uint8', 'int8', 'int16');
    checkType(ctx, output, 'uint8', 'int8', 'int16');
    if (bias) checkType(ctx, bias, 'int32', 'int64');
  }
  checkRank(ctx, weights, 2);
  if (input.shape.length < 1) ctx.fail('input must have rank ≥ 1');
  const [units, depth] = weights.shape as [number, number];
  if (depth <= 0) ctx.fail(`weights have depth ${depth}`);
  const size = numElements(input.shape);
  if (size % depth !== 0) ctx.fail(`input of ${size} elements does not split into rows of ${depth}`);
  if (bias && numElements(bias.shape) !== units) ctx.fail(`bias has ${numElements(bias.shape)} elements, expected ${units}`);
  const rows = size / depth;
  if (o.keepNumDims) {
    const last = input.shape[input.shape.length - 1];
    if (last !== depth) ctx.fail(`keep_num_dims: input's last dimension ${last} differs from weights depth ${depth}`);
    ctx.resizeOutput(0, [...input.shape.slice(0, -1), units]);
  } else {
    ctx.resizeOutput(0, [rows, units]);
  }
  const act = o.fusedActivationFunction;
  // TFLite's float and integer kernels take only the clipping activations; the hybrid one takes all.
  if (!hybrid && !CLIPPING.includes(act)) ctx.fail(`fused activation ${act} is not supported`);
  if (hybrid && !(act >= 0 && act <= 5)) ctx.fail(`unknown fused activation ${act}`);

  if (weights.dtype === 'float32') {
    const [actMin, actMax] = activationRange(act);
    return { kind: 'float', rows, depth, units, actMin, actMax };
  }
  const w = affineOf(ctx, weights);
  const perChannel = w.scales.length > 1;
  if (perChannel) {
    if (w.quantizedDimension !== 0 || w.scales.length !== units) {
      ctx.fail(`per-channel weights need one scale per unit along dimension 0, got ${w.scales.length} along ${w.quantizedDimension}`);
    }
  }
  if (hybrid) {
    return {
      kind: 'hybrid',
      p: {
        rows, depth, units, asymmetric: !!o.asymmetricQuantizeInputs,
        channelScales: perChannel ? Float32Array.from(w.scales) : null, filterScale: Math.fround(w.scale), activation: act,
        quantized: new Int8Array(rows * depth),
        sums: o.asymmetricQuantizeInputs && weights.isConstant ? rowSums(int8View(weights.data as Uint8Array | Int8Array), units, depth) : null,
      },
    };
  }
  return { kind: 'quantized', p: prepareQuantized(ctx, rows, depth, units, w, perChannel) };
}

function prepareQuantized(
  ctx: OpContext<FullyConnectedOptions>, rows: number, depth: number, units: number, w: ReturnType<typeof affineOf>, perChannel: boolean,
): FcQuantParams {
  const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
  const inq = affineOf(ctx, input), outq = affineOf(ctx, output);
  const it = input.dtype, ot = output.dtype;
  // The (input, weights, output) combinations TFLite's kernel runs.
  const ok = (it === 'uint8' && weights.dtype === 'uint8' && (ot === 'uint8' || ot === 'int16'))
    || (it === 'int8' && weights.dtype === 'int8' && ot === 'int8')
    || (it === 'int16' && weights.dtype === 'int8' && ot === 'int16');
  if (!ok) ctx.fail(`unsupported types: ${it} input, ${weights.dtype} weights, ${ot} output`);
  if (perChannel && it === 'uint8') ctx.fail('per-channel weights need int8 or int16 activations');
  if (bias?.dtype === 'int64' && it !== 'int16') ctx.fail('int64 bias needs int16 activations');

  // gemmlowp runs the uint8 kernels, ruy the int8 / int16 ones.
  let rounding: FcQuantParams['rounding'] = it === 'uint8' ? 'double' : 'single';
  if (it === 'int16') {
    if (inq.zeroPoint !== 0 || outq.zeroPoint !== 0) ctx.fail('int16 input and output need zero point 0');
    const qbt = ctx.options.quantizedBiasType ?? 0;
    if (qbt !== TensorType.FLOAT32) {
      if (qbt !== TensorType.INT32 && qbt !== TensorType.INT64) ctx.fail(`quantized bias type ${qbt} must be INT32 or INT64`);
      if (bias && bias.dtype !== (qbt === TensorType.INT64 ? 'int64' : 'int32')) ctx.fail(`bias is ${bias.dtype}, the options say ${qbt === TensorType.INT64 ? 'int64' : 'int32'}`);
    }
    // TFLite's optimized 16x8 kernel (int32 accumulator) runs only with zero weight zero point and
    // an int32 bias; otherwise its reference kernel with an int64 accumulator does.
    if (w.zeroPoint !== 0 || bias?.dtype === 'int64' || qbt === TensorType.INT64) {
      if (qbt === TensorType.INT32) ctx.fail('int16 reference kernel with int32 bias and non-zero weight zero point is not supported');
      if (bias && bias.dtype !== 'int64') ctx.fail('the int64-accumulator 16x8 kernel needs an int64 bias');
      rounding = 'int64';
    }
  }

  let multipliers: Int32Array, shifts: Int32Array;
  if (perChannel) {
    const m = convolutionMultipliers(inq.scale, w.scales, outq.scale, units);
    if (m === null) return ctx.fail('output multipliers are not finite');
    ({ multipliers, shifts } = m);
  } else {
    const m = convMultiplierChecked(ctx, inq, w, bias ? affineOf(ctx, bias) : null, outq);
    multipliers = Int32Array.of(m.multiplier);
    shifts = Int32Array.of(m.shift);
  }
  const [qmin, qmax] = calculateActivationRangeQuantized(ctx.options.fusedActivationFunction, ot as 'uint8' | 'int8' | 'int16', outq.scale, outq.zeroPoint);
  const scales = Float64Array.from(perChannel ? w.scales : [w.scale], (s) => (inq.scale * s) / outq.scale);
  return {
    rows, depth, units, inputOffset: -inq.zeroPoint, filterOffset: perChannel ? 0 : -w.zeroPoint, outputOffset: outq.zeroPoint,
    multipliers, shifts, qmin, qmax, rounding, scales,
  };
}

/** uint8 hybrid weights are read as int8 bytes, as TFLite does. */
function int8View(data: Uint8Array | Int8Array): Int8Array {
  return data instanceof Int8Array ? data : new Int8Array(data.buffer, data.byteOffset, data.length);
}

function evalFc(ctx: OpContext<FullyConnectedOptions>, d: FcData): void {
  const bias = ctx.optionalInput(2);
  const input = ctx.input(0).data, weights = ctx.input(1).data, output = ctx.output(0).data;
  switch (d.kind) {
    case 'float':
      fullyConnectedFloat(
        d.rows, d.depth, d.units, input as Float32Array, weights as Float32Array,
        bias ? (bias.data as Float32Array) : null, d.actMin, d.actMax, output as Float32Array,
      );
      return;
    case 'quantized':
      fullyConnectedQuantized(
        d.p, input as QuantArray, weights as Uint8Array | Int8Array,
        bias ? (bias.data as Int32Array | BigInt64Array) : null, output as QuantArray,
      );
      return;
    case 'hybrid':
      fullyConnectedHybrid(
        d.p, input as Float32Array, int8View(weights as Uint8Array | Int8Array),
        bias ? (bias.data as Float32Array) : null, output as Float32Array,
      );
  }
}

export const FULLY_CONNECTED: KernelRegistration<FcData, FullyConnectedOptions> = { prepare, eval: evalFc };
