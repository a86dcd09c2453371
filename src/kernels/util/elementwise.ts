// Shared helpers of the elementwise kernels: broadcast plans, element loops, fused-activation ranges.
import type { Tensor } from '../../interpreter/tensor.js';
import type { DType } from '../../types.js';
import { Activation, activationRange, broadcastIndex, checkType, sameShape } from '../kernel_util.js';
import type { OpContext } from '../registration.js';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** A writable indexed sequence (typed arrays). */
export interface Writable<T> {
  [i: number]: T;
  readonly length: number;
}

/**
 * How the inputs of a broadcasting op map onto its output: for each input, per output element, the
 * flat index into that input, or null when the input already has the output's shape (the fast path).
 */
export interface BroadcastPlan {
  readonly shape: number[];
  readonly index: (Int32Array | null)[];
}

/**
 * Numpy broadcast of `tensors` (TFLite's CalculateShapeForBroadcast), at any rank: the official
 * runtime broadcasts rank 8 shapes that no dimension merging can shrink, for every op here.
 * Sizes output 0. The index tables (one int32 per output element and broadcast input) are built
 * on first use: the SIMD tier runs most broadcasts without them, and on a large output building
 * them costs more than the op itself.
 */
export function planBroadcast(ctx: OpContext, tensors: readonly Tensor[]): BroadcastPlan {
  const first = tensors[0]!.shape;
  if (tensors.every((t) => sameShape(t.shape, first))) {
    ctx.resizeOutput(0, first);
    return { shape: [...first], index: tensors.map(() => null) };
  }
  const rank = Math.max(...tensors.map((t) => t.shape.length));
  const shape = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    let d = 1;
    for (const t of tensors) {
      const td = t.shape[t.shape.length - rank + i] ?? 1;
      if (td === 1) continue;
      if (d !== 1 && td !== d) ctx.fail(`shapes ${tensors.map((x) => `[${x.shape}]`).join(', ')} cannot be broadcast`);
      d = td;
    }
    shape[i] = d;
  }
  ctx.resizeOutput(0, shape);
  const shapes = tensors.map((t) => [...t.shape]);
  let index: (Int32Array | null)[] | null = null;
  return {
    shape,
    get index() {
      if (index === null) {
        try {
          index = shapes.map((s) => (sameShape(s, shape) ? null : broadcastIndex(s, shape)));
        } catch (e) {
          if (e instanceof RangeError) ctx.fail(`broadcast to [${shape}] is too large`);
          throw e;
        }
      }
      return index;
    },
  };
}

/** out[i] = fn(a[ia[i]], b[ib[i]]) over the output, ia/ib being the plan's indices (identity where null). */
export function mapBinary<T, U>(
  plan: BroadcastPlan, a: ArrayLike<T>, b: ArrayLike<T>, out: Writable<U>, fn: (x: T, y: T) => U,
): void {
  const ia = plan.index[0] ?? null;
  const ib = plan.index[1] ?? null;
  const n = out.length;
  if (ia === null && ib === null) {
    for (let i = 0; i < n; i++) out[i] = fn(a[i]!, b[i]!);
  } else if (ia === null) {
    for (let i = 0; i < n; i++) out[i] = fn(a[i]!, b[ib![i]!]!);
  } else if (ib === null) {
    for (let i = 0; i < n; i++) out[i] = fn(a[ia[i]!]!, b[i]!);
  } else {
    for (let i = 0; i < n; i++) out[i] = fn(a[ia[i]!]!, b[ib[i]!]!);
  }
}

/**
 * out[i] = fn(a[i]). Shared by many kernels, its call of `fn` is megamorphic (~10 ns per element):
 * the float32 kernels write their own loops.
 */
export function mapUnary<T, U>(a: ArrayLike<T>, out: Writable<U>, fn: (x: T) => U): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = fn(a[i]!);
}

/**
 * Prepare of a two-input broadcasting op: both inputs of one of `types`, the output of `outType`
 * (the input type when omitted); sizes the output and returns the broadcast plan.
 */
export function prepareBinary(ctx: OpContext, types: DType[], outType?: DType): BroadcastPlan {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const a = ctx.input(0);
  const b = ctx.input(1);
  checkType(ctx, a, ...types);
  if (b.dtype !== a.dtype) ctx.fail(`input types differ: ${a.dtype} and ${b.dtype}`);
  checkType(ctx, ctx.output(0), outType ?? a.dtype);
  return planBroadcast(ctx, [a, b]);
}

/** Prepare of a one-input op whose output has the input's shape and `outType` (the input type when omitted). */
export function prepareUnary(ctx: OpContext, types: DType[], outType?: DType): void {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const x = ctx.input(0);
  checkType(ctx, x, ...types);
  checkType(ctx, ctx.output(0), outType ?? x.dtype);
  ctx.resizeOutput(0, x.shape);
}

/**
 * Float clamp range of a fused activation: RELU, RELU6 and RELU_N1_TO_1 clamp; every other value
 * (NONE, TANH, SIGN_BIT, unknown) is ignored by ADD/SUB/MUL/DIV. Infinities pass unclamped, as in
 * the official runtime (its XNNPack path; the builtin kernel would clamp them to +-FLT_MAX).
 */
export const floatActivationRange: (activation: number) => [number, number] = activationRange;

/** CalculateActivationRange<int32_t>. */
export function int32ActivationRange(activation: number): [number, number] {
  switch (activation) {
    case Activation.RELU: return [0, INT32_MAX];
    case Activation.RELU6: return [0, 6];
    case Activation.RELU_N1_TO_1: return [-1, 1];
    default: return [INT32_MIN, INT32_MAX];
  }
}

/** CalculateActivationRange<int64_t>. */
export function int64ActivationRange(activation: number): [bigint, bigint] {
  switch (activation) {
    case Activation.RELU: return [0n, INT64_MAX];
    case Activation.RELU6: return [0n, 6n];
    case Activation.RELU_N1_TO_1: return [-1n, 1n];
    default: return [INT64_MIN, INT64_MAX];
  }
}

/** std::min(std::max(x, lo), hi): NaN passes through, as in TFLite's ActivationFunctionWithMinMax. */
export function clamp(x: number, lo: number, hi: number): number {
  const y = x < lo ? lo : x;
  return hi < y ? hi : y;
}

export function clampBig(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : hi < x ? hi : x;
}
