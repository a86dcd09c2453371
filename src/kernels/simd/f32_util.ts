// Shared by the SIMD tier's float32 element-wise, pooling and resize kernels: operands that are
// either read in place in the wasm heap or constants copied into it once, and the broadcast
// patterns binary_f32 (wasm/assembly/elementwise_f32.ts) runs.
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import type { KernelRegistration, OpContext } from '../registration.js';
import { activationRange } from '../kernel_util.js';
import { inHeapAtEval, packConstants, simdKernel } from './tier.js';
import { ELEMENT_WORK, parallelBinaryF32 } from '../../wasm/splits.js';

/**
 * The float32 kernels of wasm/assembly/{dwconv,elementwise,pool}_f32.ts (exported by
 * wasm/assembly/index.ts). Offsets in bytes, sizes and strides in elements.
 */
export interface F32KernelExports {
  /** Depthwise convolution, multiplier 1, C ≥ 4; weights packed by packDepthwiseWeights; scratch: zero row + kH row addresses. */
  dwconv_f32(
    input: number, output: number, w: number, scratch: number,
    batches: number, inH: number, inW: number, c: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number, lo: number, hi: number,
  ): void;
  /** The depthwise input channel-expanded by m and zero-padded: dst [batches, pH, pW, inC·m], (py, px) = src (py − padH, px − padW). */
  pad_input_f32(
    src: number, dst: number, batches: number, inH: number, inW: number, inC: number, m: number,
    pH: number, pW: number, padH: number, padW: number,
  ): void;
  /** out[r·cols + c] = clamp(a[r·aRow + c·aCol] ∘ b[r·bRow + c·bCol], lo, hi); op 0 add, 1 sub, 2 mul, 3 prelu. */
  binary_f32(op: number, a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number, lo: number, hi: number): void;
  /** out[i] = f(x[i]): 0 relu, 1 relu6, 2 relu_n1_to_1, 3 leaky relu (alpha p0), 4 hard swish, 5 logistic, 6 clamp to [p0, p1]. */
  unary_f32(op: number, x: number, out: number, n: number, p0: number, p1: number): void;
  /** NHWC average (isMax 0) or max (1) pooling over the taps inside the input, clamped. */
  pool_f32(
    isMax: number, input: number, output: number, batches: number, inH: number, inW: number, c: number, outH: number, outW: number,
    fH: number, fW: number, sH: number, sW: number, padH: number, padW: number, lo: number, hi: number,
  ): void;
  /** NHWC bilinear resize with the reference's f32 scales; halfPixel 0 or 1; scratch: 16·outW bytes; output rows [y0, y0 + rows) of each image. */
  resize_bilinear_f32(
    input: number, output: number, batches: number, inH: number, inW: number, c: number, outH: number, outW: number,
    hScale: number, wScale: number, halfPixel: number, scratch: number, y0: number, rows: number,
  ): void;
  /** rows × cols 4-byte values between row strides: one CONCATENATION input. */
  copy_rows_32(src: number, dst: number, rows: number, cols: number, srcStride: number, dstStride: number): void;
  /** 4-D PAD of 4-byte values: input [d0..d3] at (b0..b3) in output [o0..o3], `value` (its bits) elsewhere. */
  pad_32(
    input: number, output: number, d0: number, d1: number, d2: number, d3: number,
    b0: number, b1: number, b2: number, b3: number, o0: number, o1: number, o2: number, o3: number, value: number,
  ): void;
}

export function f32Exports(wasm: WasmKernels): F32KernelExports {
  return wasm.exports as unknown as F32KernelExports;
}

/** An input read in place (`offset` -1: its tensor's heap offset at eval) or a constant copied into the heap. */
export interface Operand {
  index: number;
  offset: number;
}

/**
 * Where input `index` will be at eval: a constant float32 tensor is copied into the heap once
 * (packConstants); a non-constant one must be in the heap at eval. Null when neither applies.
 */
export function operandOf(wasm: WasmKernels, t: Tensor, index: number): Operand | null {
  if (t.dtype !== 'float32') return null;
  if (t.isConstant) {
    const n = t.size;
    if ((t.data as Float32Array).length < n) return null;
    const offset = packConstants(wasm, 'f32', [t], Math.max(4, n * 4), (buffer, at) => {
      new Float32Array(buffer, at, n).set((t.data as Float32Array).subarray(0, n));
    });
    return { index, offset };
  }
  return inHeapAtEval(t) ? { index, offset: -1 } : null;
}

/** The heap offset of an operand now, or -1 when its tensor is not in `wasm`'s memory (then run the reference). */
export function operandAt(wasm: WasmKernels, op: Operand, t: Tensor): number {
  if (op.offset >= 0) return op.offset;
  return t.owningHeap === wasm.heap ? t.heapByteOffset : -1;
}

/** out[r·cols + c] = a[r·aRow + c·aCol] ∘ b[r·bRow + c·bCol] (binary_f32's loop). */
export interface BinaryPlan {
  rows: number;
  cols: number;
  aRow: number;
  aCol: number;
  bRow: number;
  bCol: number;
}

const numel = (s: readonly number[]): number => s.reduce((p, d) => p * d, 1);

/** `s` right-aligned to rank `rank` with leading ones. */
function aligned(s: readonly number[], rank: number): number[] {
  return [...new Array<number>(Math.max(0, rank - s.length)).fill(1), ...s];
}

/** Whether `s` is `out`'s trailing dims with ones before: it repeats every numel(s) elements. */
function isSuffix(s: readonly number[], out: readonly number[]): boolean {
  const x = aligned(s, out.length);
  let k = 0;
  while (k < x.length && x[k] === 1) k++;
  for (let d = k; d < x.length; d++) if (x[d] !== out[d]) return false;
  return x.length === out.length;
}

/** Whether `s` is `out`'s leading dims with ones after: one value per run of numel(out)/numel(s) elements. */
function isPrefix(s: readonly number[], out: readonly number[]): boolean {
  const x = aligned(s, out.length);
  if (x.length !== out.length) return false;
  let k = x.length;
  while (k > 0 && x[k - 1] === 1) k--;
  for (let d = 0; d < k; d++) if (x[d] !== out[d]) return false;
  return true;
}

/**
 * The binary_f32 loop for a ∘ b broadcast to `out`: equal shapes, a scalar, an operand that is
 * the other's trailing dims (a channel vector [.., C]) or leading dims (one value per row).
 * Null for other broadcasts (the reference kernel runs them).
 */
export function planBinaryF32(a: readonly number[], b: readonly number[], out: readonly number[]): BinaryPlan | null {
  const n = numel(out), na = numel(a), nb = numel(b);
  if (na === n && nb === n) return { rows: 1, cols: n, aRow: 0, aCol: 1, bRow: 0, bCol: 1 };
  if (na === n && nb === 1) return { rows: 1, cols: n, aRow: 0, aCol: 1, bRow: 0, bCol: 0 };
  if (nb === n && na === 1) return { rows: 1, cols: n, aRow: 0, aCol: 0, bRow: 0, bCol: 1 };
  if (na === n && nb > 0 && isSuffix(b, out)) return { rows: n / nb, cols: nb, aRow: nb, aCol: 1, bRow: 0, bCol: 1 };
  if (nb === n && na > 0 && isSuffix(a, out)) return { rows: n / na, cols: na, aRow: 0, aCol: 1, bRow: na, bCol: 1 };
  if (na === n && nb > 0 && isPrefix(b, out)) return { rows: nb, cols: n / nb, aRow: n / nb, aCol: 1, bRow: 1, bCol: 0 };
  if (nb === n && na > 0 && isPrefix(a, out)) return { rows: na, cols: n / na, aRow: 1, aCol: 0, bRow: n / na, bCol: 1 };
  return null;
}

// ------------------------------------------------------------------ binary op registrations

interface BinarySimd<Ref> {
  ref: Ref;
  plan: BinaryPlan;
  a: Operand;
  b: Operand;
  lo: number;
  hi: number;
}

/**
 * A float32 binary op's SIMD registration over `kernel` (binary_f32 or math_f32.ts's binary2_f32,
 * which share the row/column broadcast loop and argument list) with op code `op`; `fused`: the
 * node's fusedActivationFunction clamps the output. Split across wasm.pool by rows or columns.
 */
export function binaryF32Simd<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, kernel: 'binary_f32' | 'binary2_f32', op: number, fused: boolean,
): KernelRegistration {
  const run = (wasm.exports as unknown as Record<typeof kernel, F32KernelExports['binary_f32']>)[kernel];
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
      const a = operandAt(wasm, d.a, ctx.input(0)), b = operandAt(wasm, d.b, ctx.input(1));
      if (a < 0 || b < 0) {
        reference.eval(ctx, d.ref);
        return;
      }
      const p = d.plan, out = ctx.output(0).heapByteOffset;
      if (p.rows * p.cols === 0) return;
      if (wasm.pool && parallelBinaryF32(wasm.pool, kernel, op, a, b, out, p, d.lo, d.hi, ELEMENT_WORK.cheap)) return;
      run.call(wasm.exports, op, a, b, out, p.rows, p.cols, p.aRow, p.aCol, p.bRow, p.bCol, d.lo, d.hi);
    },
  });
}
