// MEAN: the average along the axes in input 1 (TFLite reduce.cc EvalMean, reference_ops::Mean).
// uint8/int8/int16 requantize from the input to the output scale: as XNNPACK does where the official
// runtime delegates to it (uint8/int8, constant non-empty axes), else as TFLite's own kernel.
import type { ReducerOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { isConstant, numElements } from './kernel_util.js';
import { forEachReduced, reducer, type ReduceData, type ReducePlan, sumRawValues } from './util/reduce.js';
import { floatToInt32, multiplyByQuantizedMultiplier, quantizedRange, quantizeMultiplier, type QuantizedMultiplier } from './util/quant_math.js';

/**
 * Sums each output's inputs then divides by their count: float32 sums round to float32
 * as they go; int32 sums accumulate in int64 (`acc`) and int64 sums wrap, and integer
 * division truncates toward zero. An empty input gives NaN (0 for integers), as TFLite.
 */
export function meanReference(dtype: DType, plan: ReducePlan, inShape: readonly number[], input: TypedArray, output: TypedArray, acc: BigInt64Array): void {
  const n = numElements(plan.outShape);
  if (numElements(inShape) === 0) {
    if (dtype === 'float32') (output as Float32Array).fill(NaN, 0, n);
    else if (dtype === 'int64') (output as BigInt64Array).fill(0n, 0, n);
    else (output as Int32Array).fill(0, 0, n);
    return;
  }
  if (dtype === 'float32') {
    const x = input as Float32Array;
    const y = output as Float32Array;
    y.fill(0, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { y[o] = y[o]! + x[i]!; });
    for (let o = 0; o < n; o++) y[o] = y[o]! / plan.count;
  } else if (dtype === 'int64') {
    const x = input as BigInt64Array;
    const y = output as BigInt64Array;
    y.fill(0n, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { y[o] = y[o]! + x[i]!; });
    const c = BigInt(plan.count);
    for (let o = 0; o < n; o++) y[o] = y[o]! / c;
  } else {
    const x = input as Int32Array;
    const y = output as Int32Array;
    acc.fill(0n, 0, n);
    forEachReduced(inShape, plan.outStrides, (i, o) => { acc[o] = acc[o]! + BigInt(x[i]!); });
    const c = BigInt(plan.count);
    for (let o = 0; o < n; o++) y[o] = Number(acc[o]! / c);
  }
}

const f = Math.fround;

/**
 * How a quantized mean turns each output's raw int32 input sum into its value. TFLite's kernels use
 * fixed point: clamp(MultiplyByQuantizedMultiplier(sum + offset) + bias). XNNPACK, which the official
 * runtime delegates uint8/int8 MEAN with constant, non-empty axes to, works in float32:
 * clamp(round_half_even(f32(sum) * scale + bias)).
 */
export type QuantizedMeanParams =
  | { kind: 'fixed'; multiplier: number; shift: number; offset: number; bias: number; min: number; max: number }
  | { kind: 'float'; scale: number; bias: number; min: number; max: number };

/**
 * TFLite's 4-D mean over H and W with keep_dims of uint8/int8 (optimized Mean / optimized_integer_ops::Mean):
 * the count folds into a float32 scale, the zero points into a bias rounded in float32.
 */
export function meanHwParams(type: 'uint8' | 'int8', inScale: number, inZp: number, outScale: number, outZp: number, count: number): QuantizedMeanParams | null {
  let temp = f(f(inZp * inScale) / outScale);
  temp = temp > 0 ? f(temp + 0.5) : f(temp - 0.5);
  const m = quantizeMultiplier(f(inScale / f(f(count) * outScale)));
  if (m === null) return null;
  const [min, max] = quantizedRange(type);
  return { kind: 'fixed', multiplier: m.multiplier, shift: m.shift, offset: 0, bias: (outZp - floatToInt32(temp)) | 0, min, max };
}

/**
 * TFLite's general quantized mean (reference_ops::QuantizedMeanOrSum, compute_sum false): the
 * input/output multiplier takes the 1/count factor (shifted up by floor(log2 count), within TFLite's
 * limits, then divided), the input zero point is removed from the sum.
 */
export function meanGeneralParams(type: 'uint8' | 'int8' | 'int16', scaleRatio: QuantizedMultiplier, inZp: number, outZp: number, count: number): QuantizedMeanParams {
  const up = Math.min(31 - Math.clz32(count), 32, 31 + scaleRatio.shift);
  const multiplier = Number((BigInt(scaleRatio.multiplier) << BigInt(up)) / BigInt(count));
  const [min, max] = quantizedRange(type);
  return { kind: 'fixed', multiplier, shift: scaleRatio.shift - up, offset: -inZp * count, bias: outZp, min, max };
}

/** XNNPACK's quantized mean: scale = input_scale / (output_scale * count), the zero points in the bias. */
export function meanXnnpackParams(type: 'uint8' | 'int8', inScale: number, inZp: number, outScale: number, outZp: number, count: number): QuantizedMeanParams {
  const scale = f(inScale / f(outScale * count));
  const [min, max] = quantizedRange(type);
  return { kind: 'float', scale, bias: f(outZp - f(f(inZp * count) * scale)), min, max };
}

/** Rounds to the nearest integer, ties to even (lrintf in the default rounding mode). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && (r & 1) !== 0 ? r - 1 : r;
}

/** Quantized means of raw sums: `sums` holds each output's int32 sum of raw input values. */
export function requantizeMeans(p: QuantizedMeanParams, sums: Int32Array, n: number, output: TypedArray): void {
  const y = output as Int8Array;
  const { min, max } = p;
  for (let o = 0; o < n; o++) {
    const v = p.kind === 'fixed'
      ? (multiplyByQuantizedMultiplier((sums[o]! + p.offset) | 0, p.multiplier, p.shift) + p.bias) | 0
      : roundHalfEven(f(f(f(sums[o]!) * p.scale) + p.bias));
    y[o] = v < min ? min : v > max ? max : v;
  }
}

interface MeanQuant {
  /** input_scale / output_scale (PrepareMeanOrSum). */
  ratio: QuantizedMultiplier;
  /** Null until the plan is known. */
  params: QuantizedMeanParams | null;
  /** int32 sums, one per output. */
  sums: Int32Array;
}

/** TFLite's special case: 4-D, keep_dims, axis tensor exactly {1, 2}. */
function isHwMean(ctx: OpContext<ReducerOptions>): boolean {
  const axis = ctx.input(1);
  if (!ctx.options.keepDims || ctx.input(0).shape.length !== 4 || axis.size !== 2) return false;
  const a = Number(axis.data[0]);
  const b = Number(axis.data[1]);
  return (a === 1 && b === 2) || (a === 2 && b === 1);
}

function meanQuant(ctx: OpContext<ReducerOptions>, plan: ReducePlan | null): MeanQuant {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const ratio = quantizeMultiplier(input.scale / output.scale);
  if (ratio === null) return ctx.fail(`invalid scales: input ${input.scale}, output ${output.scale}`);
  const q: MeanQuant = { ratio, params: null, sums: new Int32Array(0) };
  if (plan === null) return q;
  const type = input.dtype as 'uint8' | 'int8' | 'int16';
  const count = Math.max(plan.count, 1);
  const { scale: si, zeroPoint: zi } = input;
  const { scale: so, zeroPoint: zo } = output;
  if (type !== 'int16' && isConstant(ctx.input(1)) && ctx.input(1).size > 0) {
    q.params = meanXnnpackParams(type, si, zi, so, zo, count);
  } else if (type !== 'int16' && isHwMean(ctx)) {
    q.params = meanHwParams(type, si, zi, so, zo, count);
    if (q.params === null) return ctx.fail(`invalid scales: input ${si}, output ${so}`);
  } else {
    q.params = meanGeneralParams(type, ratio, zi, zo, count);
  }
  q.sums = new Int32Array(numElements(plan.outShape));
  return q;
}

export const MEAN: KernelRegistration<ReduceData<MeanQuant>, ReducerOptions> = reducer<MeanQuant>({
  dtypes: ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'],
  quantized: meanQuant,
  run(ctx, plan, scratch, quant) {
    const input = ctx.input(0);
    const output = ctx.output(0).data;
    const n = numElements(plan.outShape);
    if (quant === null) {
      meanReference(input.dtype, plan, input.shape, input.data, output, scratch(input.dtype === 'int32' ? n : 0));
      return;
    }
    // Empty inputs give T(NaN), 0 for integers. (An empty axis list requantizes each element.)
    if (sumRawValues(input, plan, quant.sums, n, output)) requantizeMeans(quant.params!, quant.sums, n, output);
  },
});
