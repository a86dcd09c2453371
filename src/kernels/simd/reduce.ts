// Float32 reductions, SIMD tier (wasm/assembly/reduce_f32.ts): SUM, REDUCE_MAX, REDUCE_MIN,
// REDUCE_PROD and MEAN over constant axes that form one contiguous block of the input's dims
// (dims of size 1 aside): the last axis (softmax, layer norm), H and W, and so on. Bit-exact: each
// output folds its inputs in the reference's order. MEAN wraps the pooling kernel's MEAN over H, W
// (./pool.ts), which keeps the nodes it takes. Empty inputs and everything else run the reference.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { SUM } from '../sum.js';
import { REDUCE_MAX } from '../reduce_max.js';
import { REDUCE_MIN } from '../reduce_min.js';
import { REDUCE_PROD } from '../reduce_prod.js';
import { planReduce, readIntTensor } from '../util/reduce.js';
import { inHeapAtEval, simdKernel, type TierData } from './tier.js';
import { meanSimd } from './pool.js';

interface ReduceExports {
  /** out[o, c] = fold over j < k of x[o, j, c] (input [outer, k, inner]); MEAN divides by `count`. */
  reduce_f32(op: number, x: number, out: number, outer: number, k: number, inner: number, count: number): void;
}

/** reduce_f32's op codes. */
const ReduceOp = { SUM: 0, MAX: 1, MIN: 2, PROD: 3, MEAN: 4 } as const;
type ReduceOp = (typeof ReduceOp)[keyof typeof ReduceOp];

interface Block {
  outer: number;
  k: number;
  inner: number;
}

/** The input as [outer, k, inner] with the reduced dims in k, or null when they are not contiguous (or k is 0). */
export function reducedBlock(shape: readonly number[], axes: readonly number[]): Block | null {
  let first = -1, last = -1;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1 || !axes.includes(d)) continue;
    if (first < 0) first = d;
    last = d;
  }
  if (first < 0) return null;
  let outer = 1, k = 1, inner = 1;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d]!;
    if (d < first) outer *= n;
    else if (d > last) inner *= n;
    else if (axes.includes(d) || n === 1) k *= n;
    else return null;
  }
  return k === 0 ? null : { outer, k, inner };
}

function reduceSimd<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, op: ReduceOp, skip: (ref: Ref) => boolean = () => false,
): KernelRegistration {
  const kernels = wasm.exports as unknown as ReduceExports;
  return simdKernel<Ref, Block>(wasm, reference, {
    inPlace: [0],
    prepare(ctx: OpContext<{ keepDims?: boolean }>, ref) {
      const input = ctx.input(0), axis = ctx.input(1);
      if (skip(ref) || input.dtype !== 'float32' || !axis.isConstant || !inHeapAtEval(input)) return null;
      const plan = planReduce(ctx, input.shape, readIntTensor(ctx, axis, 'axis'), ctx.options.keepDims === true);
      const block = reducedBlock(input.shape, plan.axes);
      // MEAN's divisor must be the f32 the reference divides by.
      return block !== null && block.k <= 2 ** 24 ? block : null;
    },
    eval(ctx, b) {
      if (b.outer * b.inner === 0) return;
      kernels.reduce_f32(op, ctx.input(0).heapByteOffset, ctx.output(0).heapByteOffset, b.outer, b.k, b.inner, b.k);
    },
  });
}

export const sumSimd = (wasm: WasmKernels): KernelRegistration => reduceSimd(wasm, SUM, ReduceOp.SUM);
export const reduceMaxSimd = (wasm: WasmKernels): KernelRegistration => reduceSimd(wasm, REDUCE_MAX, ReduceOp.MAX);
export const reduceMinSimd = (wasm: WasmKernels): KernelRegistration => reduceSimd(wasm, REDUCE_MIN, ReduceOp.MIN);
export const reduceProdSimd = (wasm: WasmKernels): KernelRegistration => reduceSimd(wasm, REDUCE_PROD, ReduceOp.PROD);
/** MEAN: the pooling kernel's where it applies (4-D over H, W), this one elsewhere. */
export const meanReduceSimd = (wasm: WasmKernels): KernelRegistration =>
  reduceSimd(wasm, meanSimd(wasm) as KernelRegistration<TierData<unknown, unknown>>, ReduceOp.MEAN, (ref) => ref.simd !== null);
