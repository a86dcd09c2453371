// Element-wise float32 ops, SIMD tier (wasm/assembly/elementwise_f32.ts): ADD, SUB, MUL (same
// shapes, a scalar, a channel vector [.., C] or one value per row, fused activation in the store)
// and PRELU (alpha broadcast the same ways); RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH and
// LOGISTIC (DIV, SQRT and the other math: ./math.ts). Constant operands are copied into the heap
// once. Other dtypes and broadcasts, and tensors outside the heap, run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
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
import { binaryF32Simd, f32Exports } from './f32_util.js';
import { ELEMENT_WORK, parallelElements } from '../../wasm/splits.js';

/** binary_f32's op codes (wasm/assembly/elementwise_f32.ts). */
const BinaryOp = { ADD: 0, SUB: 1, MUL: 2, PRELU: 3 } as const;
type BinaryOp = (typeof BinaryOp)[keyof typeof BinaryOp];
/** unary_f32's op codes. */
const UnaryOp = { RELU: 0, RELU6: 1, RELU_N1_TO_1: 2, LEAKY_RELU: 3, HARD_SWISH: 4, LOGISTIC: 5 } as const;
type UnaryOp = (typeof UnaryOp)[keyof typeof UnaryOp];

export const addSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, ADD, 'binary_f32', BinaryOp.ADD, true);
export const subSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, SUB, 'binary_f32', BinaryOp.SUB, true);
export const mulSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, MUL, 'binary_f32', BinaryOp.MUL, true);
/** PRELU: the output has x's shape (the reference checks), alpha broadcasts against it. */
export const preluSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, PRELU, 'binary_f32', BinaryOp.PRELU, false);

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
