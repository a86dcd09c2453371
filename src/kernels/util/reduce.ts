// Shared by the reductions (MEAN, SUM, REDUCE_PROD/MAX/MIN/ANY: TFLite reduce.cc) and the
// axis-taking index ops (ARG_MAX/ARG_MIN, CUMSUM).
import type { Tensor } from '../../interpreter/tensor.js';
import type { DType, TypedArray } from '../../types.js';
import type { OpContext } from '../registration.js';
import { checkType, isConstant, numElements } from '../kernel_util.js';

export function checkCounts(ctx: OpContext, inputs: number, outputs: number): void {
  if (ctx.numInputs !== inputs) ctx.fail(`expected ${inputs} inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== outputs) ctx.fail(`expected ${outputs} outputs, got ${ctx.numOutputs}`);
}

export function checkSameDtype(ctx: OpContext, input: Tensor, output: Tensor): void {
  if (input.dtype !== output.dtype) ctx.fail(`output '${output.name}' is ${output.dtype}, input '${input.name}' is ${input.dtype}`);
}

/** The values of an int32/int64 tensor as numbers; fails when the data does not match the shape. */
export function readIntTensor(ctx: OpContext, t: Tensor, what: string): number[] {
  checkType(ctx, t, 'int32', 'int64');
  const d = t.data;
  if (d.length !== t.size) ctx.fail(`${what} tensor '${t.name}' holds ${d.length} values, its shape [${t.shape}] needs ${t.size}`);
  const out = new Array<number>(d.length);
  for (let i = 0; i < d.length; i++) out[i] = Number(d[i]);
  return out;
}

/** How a reduction maps input elements onto output elements. */
export interface ReducePlan {
  /** Resolved axes: non-negative, deduplicated, in the order given. */
  readonly axes: readonly number[];
  readonly outShape: readonly number[];
  /** Per input dim, the stride of its output element (0 along reduced dims). */
  readonly outStrides: readonly number[];
  /** Input elements folded into each output element. */
  readonly count: number;
}

/**
 * Resolves the axis values against the input shape (TFLite's ResolveAxis: negative
 * axes wrap, duplicates count once; a scalar input ignores the axes) and sizes the output.
 */
export function planReduce(ctx: OpContext, inShape: readonly number[], axisValues: readonly number[], keepDims: boolean): ReducePlan {
  const rank = inShape.length;
  if (rank === 0) return { axes: [], outShape: [], outStrides: [], count: 1 };
  const axes: number[] = [];
  for (const v of axisValues) {
    const a = v < 0 ? v + rank : v;
    if (!Number.isInteger(a) || a < 0 || a >= rank) ctx.fail(`axis ${v} out of range for rank ${rank}`);
    if (!axes.includes(a)) axes.push(a);
  }
  const outShape: number[] = [];
  const outStrides = new Array<number>(rank).fill(0);
  let count = 1;
  let stride = 1;
  for (let d = rank - 1; d >= 0; d--) {
    if (axes.includes(d)) {
      count *= inShape[d]!;
      if (keepDims) outShape.unshift(1);
    } else {
      outShape.unshift(inShape[d]!);
      outStrides[d] = stride;
      stride *= inShape[d]!;
    }
  }
  return { axes, outShape, outStrides, count };
}

/**
 * Calls `visit(inputIndex, outputIndex, first)` for every input element in row-major order,
 * so each output element sees its inputs in increasing memory order (as TFLite folds them);
 * `first` marks the first input of each output element.
 */
export function forEachReduced(inShape: readonly number[], outStrides: readonly number[], visit: (i: number, o: number, first: boolean) => void): void {
  const rank = inShape.length;
  const total = numElements(inShape);
  const counter = new Array<number>(rank).fill(0);
  // Reduced dims whose counter is not 0: the element is not its output's first.
  let along = 0;
  let o = 0;
  for (let i = 0; i < total; i++) {
    visit(i, o, along === 0);
    for (let d = rank - 1; d >= 0; d--) {
      const reduced = outStrides[d] === 0;
      if (reduced && counter[d] === 0) along++;
      counter[d]!++;
      o += outStrides[d]!;
      if (counter[d]! < inShape[d]!) break;
      if (reduced) along--;
      o -= outStrides[d]! * inShape[d]!;
      counter[d] = 0;
    }
  }
}

/**
 * The int32 (wrapping) sums of the raw values of a quantized input over the reduced axes, into `sums[0..n)`;
 * false, writing 0 to `output[0..n)` instead, when the input is empty.
 */
export function sumRawValues(input: Tensor, plan: ReducePlan, sums: Int32Array, n: number, output: TypedArray): boolean {
  if (numElements(input.shape) === 0) {
    (output as Int8Array).fill(0, 0, n);
    return false;
  }
  const x = input.data as Int8Array;
  sums.fill(0, 0, n);
  forEachReduced(input.shape, plan.outStrides, (i, o) => { sums[o] = (sums[o]! + x[i]!) | 0; });
  return true;
}

export type ReduceKind = 'sum' | 'prod' | 'max' | 'min' | 'any';

// numeric_limits<T>::lowest() / max(): TFLite's neutral elements for max/min.
const FLT_MAX = 3.4028234663852886e38;
const LIMITS: Partial<Record<DType, [number | bigint, number | bigint]>> = {
  float32: [-FLT_MAX, FLT_MAX],
  int32: [-0x80000000, 0x7fffffff],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0, 255],
  int8: [-128, 127],
  int16: [-32768, 32767],
};

function initValue(kind: ReduceKind, dtype: DType): number | bigint {
  const big = dtype === 'int64';
  switch (kind) {
    case 'sum': case 'any': return big ? 0n : 0;
    case 'prod': return big ? 1n : 1;
    case 'max': return LIMITS[dtype]![0];
    case 'min': return LIMITS[dtype]![1];
  }
}

/**
 * SUM/PROD/MAX/MIN/ANY over `plan.axes` (TFLite optimized_ops::ReduceGeneric): no axes is a
 * copy; an empty input gives the neutral element; otherwise each output starts from its first
 * input and folds the others in order. Stores into the typed output do TFLite's arithmetic:
 * float32 rounding, int32/int64 wrap-around.
 */
export function reduceGeneric(kind: ReduceKind, dtype: DType, plan: ReducePlan, inShape: readonly number[], input: TypedArray, output: TypedArray): void {
  const n = numElements(plan.outShape);
  if (plan.axes.length === 0) {
    (output as Uint8Array).set((input as Uint8Array).subarray(0, n));
    return;
  }
  if (numElements(inShape) === 0) {
    (output as Uint8Array).fill(initValue(kind, dtype) as number, 0, n);
    return;
  }
  const s = plan.outStrides;
  if (dtype === 'int64') {
    const x = input as BigInt64Array;
    const y = output as BigInt64Array;
    switch (kind) {
      case 'sum': forEachReduced(inShape, s, (i, o, first) => { y[o] = first ? x[i]! : y[o]! + x[i]!; }); return;
      case 'prod': forEachReduced(inShape, s, (i, o, first) => { y[o] = first ? x[i]! : BigInt.asIntN(64, y[o]! * x[i]!); }); return;
      case 'max': forEachReduced(inShape, s, (i, o, first) => { if (first || !(y[o]! > x[i]!)) y[o] = x[i]!; }); return;
      case 'min': forEachReduced(inShape, s, (i, o, first) => { if (first || !(y[o]! < x[i]!)) y[o] = x[i]!; }); return;
      case 'any': throw new Error('unreachable');
    }
  }
  const x = input as Float32Array;
  const y = output as Float32Array;
  switch (kind) {
    case 'sum': forEachReduced(inShape, s, (i, o, first) => { y[o] = first ? x[i]! : y[o]! + x[i]!; }); return;
    case 'prod':
      if (dtype === 'int32') forEachReduced(inShape, s, (i, o, first) => { y[o] = first ? x[i]! : Math.imul(y[o]!, x[i]!); });
      else forEachReduced(inShape, s, (i, o, first) => { y[o] = first ? x[i]! : y[o]! * x[i]!; });
      return;
    // (acc > x) ? acc : x, as TFLite's MaxOp: a NaN input only survives when it comes last.
    case 'max': forEachReduced(inShape, s, (i, o, first) => { if (first || !(y[o]! > x[i]!)) y[o] = x[i]!; }); return;
    case 'min': forEachReduced(inShape, s, (i, o, first) => { if (first || !(y[o]! < x[i]!)) y[o] = x[i]!; }); return;
    case 'any': forEachReduced(inShape, s, (i, o, first) => { if (first) y[o] = 0; if (x[i] !== 0) y[o] = 1; }); return;
  }
}

export interface ReduceData<Q = null> {
  /** Null while the axis tensor is not constant: planned in eval. */
  plan: ReducePlan | null;
  /** int64 accumulators (MEAN of int32), kept across invokes. */
  scratch: BigInt64Array;
  /** What `spec.quantized` precomputed for a quantized input (null otherwise, or while the plan is pending). */
  quant: Q | null;
}

export interface ReduceSpec<Q = null> {
  readonly dtypes: readonly DType[];
  /**
   * For uint8/int8/int16 inputs: checks and precomputes the requantization in prepare (`plan` is null
   * while the axis tensor is not constant; it is then called again in eval with the plan). Without it,
   * quantized values are reduced raw and input and output must share scale and zero point.
   */
  quantized?(ctx: OpContext<{ keepDims: boolean }>, plan: ReducePlan | null): Q;
  /** Computes output 0; `scratch(n)` lends n int64 accumulators. */
  run(ctx: OpContext<{ keepDims: boolean }>, plan: ReducePlan, scratch: (n: number) => BigInt64Array, quant: Q | null): void;
}

function plan(ctx: OpContext<{ keepDims: boolean }>): ReducePlan {
  const input = ctx.input(0);
  return planReduce(ctx, input.shape, readIntTensor(ctx, ctx.input(1), 'axis'), ctx.options.keepDims === true);
}

export function isQuantizedType(dtype: DType): dtype is 'uint8' | 'int8' | 'int16' {
  return dtype === 'uint8' || dtype === 'int8' || dtype === 'int16';
}

/**
 * The prepare/eval pair of a reduction: input 0 is reduced over the axes in input 1
 * (int32 in TFLite; int64 accepted too), output 0 keeps the input dtype.
 */
export function reducer<Q = null>(spec: ReduceSpec<Q>) {
  return {
    prepare(ctx: OpContext<{ keepDims: boolean }>): ReduceData<Q> {
      checkCounts(ctx, 2, 1);
      const input = ctx.input(0);
      const axis = ctx.input(1);
      const output = ctx.output(0);
      checkType(ctx, input, ...spec.dtypes);
      checkSameDtype(ctx, input, output);
      checkType(ctx, axis, 'int32', 'int64');
      if (axis.shape.length > 1) ctx.fail(`axis tensor '${axis.name}' must be a scalar or a vector, has shape [${axis.shape}]`);
      // TFLite's reductions take int16 only symmetric (PrepareSimple).
      if (input.dtype === 'int16' && (input.zeroPoint !== 0 || output.zeroPoint !== 0)) {
        ctx.fail(`int16 input and output need zero point 0, got ${input.zeroPoint} and ${output.zeroPoint}`);
      }
      const quantized = isQuantizedType(input.dtype) && spec.quantized !== undefined;
      // Without requantization the raw values are reduced: scales must agree.
      if (isQuantizedType(input.dtype) && !quantized && (input.scale !== output.scale || input.zeroPoint !== output.zeroPoint)) {
        ctx.fail('quantized input and output must have the same scale and zero point');
      }
      const data: ReduceData<Q> = { plan: null, scratch: new BigInt64Array(0), quant: null };
      if (isConstant(axis)) {
        data.plan = plan(ctx);
        ctx.resizeOutput(0, data.plan.outShape);
      } else {
        ctx.markDynamic(0);
      }
      if (quantized) data.quant = spec.quantized!(ctx, data.plan);
      return data;
    },
    eval(ctx: OpContext<{ keepDims: boolean }>, data: ReduceData<Q>): void {
      let p = data.plan;
      let quant = data.quant;
      if (p === null) {
        p = plan(ctx);
        ctx.resizeOutput(0, p.outShape);
        if (isQuantizedType(ctx.input(0).dtype) && spec.quantized !== undefined) quant = spec.quantized(ctx, p);
      }
      spec.run(ctx, p, (n) => {
        if (data.scratch.length < n) data.scratch = new BigInt64Array(n);
        return data.scratch;
      }, quant);
    },
  };
}
