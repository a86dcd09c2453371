// Float32 element-wise math, SIMD tier (wasm/assembly/math_f32.ts): the unary ops NEG, ABS,
// SQUARE, SQRT, RSQRT, EXP, LOG, TANH, CEIL, FLOOR, ROUND, and DIV (fused activation), MAXIMUM,
// MINIMUM, SQUARED_DIFFERENCE with binary_f32's broadcasts (same shapes, a scalar, a channel
// vector [.., C], one value per row). Other dtypes and broadcasts, and tensors outside the heap,
// run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { activationRange } from '../kernel_util.js';
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
import { type BinaryPlan, type Operand, operandAt, operandOf, planBinaryF32 } from './f32_util.js';
import { ELEMENT_WORK, parallelBinaryF32, parallelElements } from '../../wasm/splits.js';

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

interface BinarySimd<Ref> {
  ref: Ref;
  plan: BinaryPlan;
  a: Operand;
  b: Operand;
  lo: number;
  hi: number;
}

function binarySimd<Ref>(wasm: WasmKernels, reference: KernelRegistration<Ref>, op: BinaryOp2): KernelRegistration {
  const math = exportsOf(wasm);
  return simdKernel<Ref, BinarySimd<Ref>>(wasm, reference, {
    inPlace: [],
    prepare(ctx: OpContext<{ fusedActivationFunction?: number }>, ref) {
      const x = ctx.input(0), y = ctx.input(1), out = ctx.output(0);
      if (x.dtype !== 'float32' || y.dtype !== 'float32' || out.dtype !== 'float32') return null;
      const plan = planBinaryF32(x.shape, y.shape, out.shape);
      if (plan === null) return null;
      const a = operandOf(wasm, x, 0), b = operandOf(wasm, y, 1);
      if (a === null || b === null) return null;
      const [lo, hi] = op === BinaryOp2.DIV ? activationRange(ctx.options.fusedActivationFunction ?? 0) : [-Infinity, Infinity];
      return { ref, plan, a, b, lo, hi };
    },
    eval(ctx, d) {
      const a = operandAt(wasm, d.a, ctx.input(0)), b = operandAt(wasm, d.b, ctx.input(1));
      if (a < 0 || b < 0) {
        reference.eval(ctx, d.ref);
        return;
      }
      const p = d.plan, out = ctx.output(0).heapByteOffset;
      if (p.rows * p.cols === 0) return;
      if (wasm.pool && parallelBinaryF32(wasm.pool, 'binary2_f32', op, a, b, out, p, d.lo, d.hi, ELEMENT_WORK.cheap)) return;
      math.binary2_f32(op, a, b, out, p.rows, p.cols, p.aRow, p.aCol, p.bRow, p.bCol, d.lo, d.hi);
    },
  });
}

export const divSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, DIV, BinaryOp2.DIV);
export const maximumSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, MAXIMUM, BinaryOp2.MAXIMUM);
export const minimumSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, MINIMUM, BinaryOp2.MINIMUM);
export const squaredDifferenceSimd = (wasm: WasmKernels): KernelRegistration => binarySimd(wasm, SQUARED_DIFFERENCE, BinaryOp2.SQUARED_DIFFERENCE);
