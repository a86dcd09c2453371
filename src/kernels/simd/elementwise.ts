// Element-wise float32 ops, SIMD tier (wasm/assembly/elementwise_f32.ts): ADD, SUB, MUL (same
// shapes, a scalar, a channel vector [.., C] or one value per row, fused activation in the store)
// and PRELU (alpha broadcast the same ways); RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH and
// LOGISTIC (DIV, SQRT and the other math: ./math.ts). Constant operands are copied into the heap
// once. Other dtypes and broadcasts, and tensors outside the heap, run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { activationRange } from '../kernel_util.js';
import { ADD } from '../add.js';
import { SUB } from '../sub.js';
import { MUL } from '../mul.js';
import { PRELU } from '../prelu.js';
import { RELU } from '../relu.js';
import { RELU6 } from '../relu6.js';
import { RELU_N1_TO_1 } from '../relu_n1_to_1.js';
import { LEAKY_RELU } from '../leaky_relu.js';
import { HARD_SWISH } from '../hard_swish.js';
import { LOGISTIC } from '../logistic.js';
import { inHeapAtEval, simdKernel } from './tier.js';
import { type BinaryPlan, type Operand, f32Exports, operandAt, operandOf, planBinaryF32 } from './f32_util.js';
import { ELEMENT_WORK, parallelBinaryF32, parallelElements } from '../../wasm/splits.js';

/** binary_f32's op codes (wasm/assembly/elementwise_f32.ts). */
const BinaryOp = { ADD: 0, SUB: 1, MUL: 2, PRELU: 3 } as const;
type BinaryOp = (typeof BinaryOp)[keyof typeof BinaryOp];
/** unary_f32's op codes. */
const UnaryOp = { RELU: 0, RELU6: 1, RELU_N1_TO_1: 2, LEAKY_RELU: 3, HARD_SWISH: 4, LOGISTIC: 5 } as const;
type UnaryOp = (typeof UnaryOp)[keyof typeof UnaryOp];

interface BinarySimd<Ref> {
  ref: Ref;
  plan: BinaryPlan;
  a: Operand;
  b: Operand;
  lo: number;
  hi: number;
}

function binarySimd<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, op: BinaryOp, fused: boolean,
): KernelRegistration {
  return simdKernel<Ref, BinarySimd<Ref>>(wasm, reference, {
    inPlace: [],
    prepare(ctx: OpContext<{ fusedActivationFunction?: number }>, ref) {
      const x = ctx.input(0), y = ctx.input(1), out = ctx.output(0);
      if (x.dtype !== 'float32' || y.dtype !== 'float32' || out.dtype !== 'float32') return null;
      const plan = planBinaryF32(x.shape, y.shape, out.shape);
      if (plan === null) return null;
      const a = operandOf(wasm, x, 0), b = operandOf(wasm, y, 1);
      if (a === null || b === null) return null;
      const [lo, hi] = fused ? activationRange(ctx.options.fusedActivationFunction ?? 0) : [-Infinity, Infinity];
      return { ref, plan, a, b, lo, hi };
    },
    eval(ctx, d) {
      const out = ctx.output(0);
      const a = operandAt(wasm, d.a, ctx.input(0)), b = operandAt(wasm, d.b, ctx.input(1));
      if (a < 0 || b < 0) {
        reference.eval(ctx, d.ref);
        return;
      }
      const p = d.plan;
      if (p.rows * p.cols === 0) return;
      if (wasm.pool && parallelBinaryF32(wasm.pool, 'binary_f32', op, a, b, out.heapByteOffset, p, d.lo, d.hi, ELEMENT_WORK.cheap)) return;
      f32Exports(wasm).binary_f32(op, a, b, out.heapByteOffset, p.rows, p.cols, p.aRow, p.aCol, p.bRow, p.bCol, d.lo, d.hi);
    },
  });
}

export const addSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, ADD, BinaryOp.ADD, true);
export const subSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, SUB, BinaryOp.SUB, true);
export const mulSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, MUL, BinaryOp.MUL, true);
/** PRELU: the output has x's shape (the reference checks), alpha broadcasts against it. */
export const preluSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, PRELU, BinaryOp.PRELU, false);

interface UnarySimd {
  alpha: number;
}

function unarySimd<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, op: UnaryOp,
): KernelRegistration {
  return simdKernel<Ref, UnarySimd>(wasm, reference, {
    inPlace: [0],
    prepare(ctx: OpContext<{ alpha?: number }>) {
      const x = ctx.input(0), out = ctx.output(0);
      if (x.dtype !== 'float32' || out.dtype !== 'float32' || !inHeapAtEval(x)) return null;
      return { alpha: op === UnaryOp.LEAKY_RELU ? Math.fround(ctx.options.alpha ?? 0) : 0 };
    },
    eval(ctx, d) {
      const x = ctx.input(0).heapByteOffset, out = ctx.output(0).heapByteOffset;
      const n = ctx.output(0).size;
      if (n === 0) return;
      const work = op === UnaryOp.LOGISTIC ? ELEMENT_WORK.transcendental : ELEMENT_WORK.cheap;
      if (wasm.pool && parallelElements(wasm.pool, 'unary_f32', n, work, (o, c) => [op, x + 4 * o, out + 4 * o, c, d.alpha, 0])) return;
      f32Exports(wasm).unary_f32(op, x, out, n, d.alpha, 0);
    },
  });
}

export const reluSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, RELU, UnaryOp.RELU);
export const relu6Simd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, RELU6, UnaryOp.RELU6);
export const reluN1To1Simd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, RELU_N1_TO_1, UnaryOp.RELU_N1_TO_1);
export const leakyReluSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, LEAKY_RELU, UnaryOp.LEAKY_RELU);
export const hardSwishSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, HARD_SWISH, UnaryOp.HARD_SWISH);
export const logisticSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, LOGISTIC, UnaryOp.LOGISTIC);
