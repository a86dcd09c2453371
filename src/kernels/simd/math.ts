// Float32 element-wise math, SIMD tier (wasm/assembly/math_f32.ts): the unary ops NEG, ABS,
// SQUARE, SQRT, RSQRT, EXP, LOG, TANH, CEIL, FLOOR, ROUND, and DIV (fused activation), MAXIMUM,
// MINIMUM, SQUARED_DIFFERENCE with binary_f32's broadcasts (same shapes, a scalar, a channel
// vector [.., C], one value per row). Other dtypes and broadcasts, and tensors outside the heap,
// run the reference kernels.
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { NEG } from '../neg.js';
import { ABS } from '../abs.js';
import { SQUARE } from '../square.js';
import { SQRT } from '../sqrt.js';
import { RSQRT } from '../rsqrt.js';
import { EXP } from '../exp.js';
import { LOG } from '../log.js';
import { TANH } from '../tanh.js';
import { CEIL } from '../ceil.js';
import { FLOOR } from '../floor.js';
import { ROUND } from '../round.js';
import { DIV } from '../div.js';
import { MAXIMUM } from '../maximum.js';
import { MINIMUM } from '../minimum.js';
import { SQUARED_DIFFERENCE } from '../squared_difference.js';
import { inHeapAtEval, simdKernel } from './tier.js';
import { binaryF32Simd } from './f32_util.js';
import { ELEMENT_WORK, parallelElements } from '../../wasm/splits.js';

/** The exports of wasm/assembly/math_f32.ts. Offsets in bytes, counts and strides in elements. */
interface MathExports {
  /** out[i] = f(x[i]) for i < n; op: MathOp. */
  math_f32(op: number, x: number, out: number, n: number): void;
  /** binary_f32's loop (f32_util.ts BinaryPlan) for a BinaryOp2, clamped to [lo, hi]. */
  binary2_f32(op: number, a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number, lo: number, hi: number): void;
}

const exportsOf = (wasm: WasmKernels): MathExports => wasm.exports as unknown as MathExports;

/** math_f32's op codes. */
const MathOp = { NEG: 0, ABS: 1, SQUARE: 2, SQRT: 3, RSQRT: 4, EXP: 5, LOG: 6, TANH: 7, CEIL: 8, FLOOR: 9, ROUND: 10 } as const;
type MathOp = (typeof MathOp)[keyof typeof MathOp];
/** binary2_f32's op codes. */
const BinaryOp2 = { DIV: 0, MAXIMUM: 1, MINIMUM: 2, SQUARED_DIFFERENCE: 3 } as const;
type BinaryOp2 = (typeof BinaryOp2)[keyof typeof BinaryOp2];

function unarySimd<Ref>(wasm: WasmKernels, reference: KernelRegistration<Ref>, op: MathOp): KernelRegistration {
  const math = exportsOf(wasm);
  // The data: the element count (prepare runs again whenever the shape may change).
  return simdKernel<Ref, number>(wasm, reference, {
    inPlace: [0],
    prepare(ctx) {
      const x = ctx.input(0), out = ctx.output(0);
      return x.dtype === 'float32' && out.dtype === 'float32' && inHeapAtEval(x) ? out.size : null;
    },
    eval(ctx, n) {
      if (n === 0) return;
      const x = ctx.input(0).heapByteOffset, out = ctx.output(0).heapByteOffset;
      const work = op === MathOp.EXP || op === MathOp.LOG || op === MathOp.TANH ? ELEMENT_WORK.transcendental : ELEMENT_WORK.cheap;
      if (wasm.pool && parallelElements(wasm.pool, 'math_f32', n, work, (o, c) => [op, x + 4 * o, out + 4 * o, c])) return;
      math.math_f32(op, x, out, n);
    },
  });
}

export const negSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, NEG, MathOp.NEG);
export const absSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, ABS, MathOp.ABS);
export const squareSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, SQUARE, MathOp.SQUARE);
export const sqrtSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, SQRT, MathOp.SQRT);
export const rsqrtSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, RSQRT, MathOp.RSQRT);
export const expSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, EXP, MathOp.EXP);
export const logSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, LOG, MathOp.LOG);
export const tanhSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, TANH, MathOp.TANH);
export const ceilSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, CEIL, MathOp.CEIL);
export const floorSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, FLOOR, MathOp.FLOOR);
export const roundSimd = (wasm: WasmKernels): KernelRegistration => unarySimd(wasm, ROUND, MathOp.ROUND);

export const divSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, DIV, 'binary2_f32', BinaryOp2.DIV, true);
export const maximumSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, MAXIMUM, 'binary2_f32', BinaryOp2.MAXIMUM, false);
export const minimumSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, MINIMUM, 'binary2_f32', BinaryOp2.MINIMUM, false);
export const squaredDifferenceSimd = (wasm: WasmKernels): KernelRegistration => binaryF32Simd(wasm, SQUARED_DIFFERENCE, 'binary2_f32', BinaryOp2.SQUARED_DIFFERENCE, false);
