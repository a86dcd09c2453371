// ADD, SUB and MUL on int8 / uint8 tensors, SIMD tier (wasm/assembly/elementwise_q8.ts), bit-exact
// with the reference kernels: XNNPACK's arithmetic where the reference takes it (util/xnnpack.ts),
// TFLite's add.cc / sub.cc rescaling where XNNPACK declines an ADD or SUB. Any broadcast, as row
// kernel calls (broadcast_rows.ts); a short per-channel vector ([.., C] with C < 64) is tiled into
// longer rows. Constant operands are copied into the heap once. The reference kernel runs the rest:
// TFLite-path MUL, int16, zero points outside the type's range, tensors outside the heap.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { ADD } from '../add.js';
import { SUB } from '../sub.js';
import { MUL } from '../mul.js';
import type { AddSubParams } from '../util/quantized.js';
import type { XnnAddParams, XnnMulParams } from '../util/xnnpack.js';
import { inHeapAtEval, packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';
import { withQ8 } from './gemm_q8.js';
import { type RowCall, type Tiling, planRows, tileRows } from './broadcast_rows.js';

/** The functions of wasm/assembly/elementwise_q8.ts. Offsets in bytes; `u8`: uint8 (1) or int8 (0). */
export interface Q8ElementwiseExports {
  /** XNNPACK vadd: clamp(((bias + a·aMul + b·bMul) >> shift) + zp, lo, hi) per row call. */
  q8_add(
    u8: number, a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number,
    aMul: number, bMul: number, bias: number, shift: number, zp: number, lo: number, hi: number,
  ): void;
  /** XNNPACK vmul (fp32): clamp(round_even(f32((a − za)(b − zb)) · scale) + zp, lo, hi). */
  q8_mul(
    u8: number, a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number,
    za: number, zb: number, scale: number, zp: number, lo: number, hi: number,
  ): void;
  /** TFLite's add (sub 0) / sub (sub 1) rescaling; shifts as (mask, count) pairs (see rdbpotArgs). */
  q8_addsub_ref(
    u8: number, sub: number, a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number,
    off1: number, m1: number, mask1: number, k1: number, off2: number, m2: number, mask2: number, k2: number,
    mo: number, masko: number, ko: number, zp: number, lo: number, hi: number,
  ): void;
  /** QUANTIZE 8 → 8 bits: MultiplyByQuantizedMultiplier(x − zpIn) + zpOut, saturated. */
  q8_requantize(uIn: number, uOut: number, x: number, out: number, n: number, zpIn: number, left: number, m: number, mask: number, k: number, zpOut: number): void;
  /** QUANTIZE float32 → 8 bits: round(x / scale) half away from zero (in double; `inv` = 1 / scale for a power of two, else 0) + zp, saturated. */
  q8_quantize_f32(u8: number, x: number, out: number, n: number, scale: number, inv: number, zp: number): void;
  /** DEQUANTIZE (CAST with zp 0, scale 1) 8 bits → float32: (x − zp) · scale. */
  q8_dequantize(u8: number, x: number, out: number, n: number, zp: number, scale: number): void;
  /** out[i] = table[x[i] as a byte], a 256-byte table. */
  q8_lut(x: number, out: number, n: number, table: number): void;
}

export function q8ElementwiseExports(wasm: WasmKernels): Q8ElementwiseExports {
  return wasm.exports as unknown as Q8ElementwiseExports;
}

/** Whether `t` is uint8 / int8 with its zero point in the type's range (what the kernels assume). */
export function isQ8InRange(t: Tensor): boolean {
  if (t.dtype === 'int8') return t.zeroPoint >= -128 && t.zeroPoint <= 127;
  return t.dtype === 'uint8' && t.zeroPoint >= 0 && t.zeroPoint <= 255;
}

/**
 * The (mask, shift count) of gemmlowp's RoundingDivideByPOT by `exponent`, as the reference
 * evaluates it: JavaScript's 32-bit shifts (count mod 32), or, `wrapped`, also the 64-bit mask of
 * the official build for exponents outside [0, 31] (util/quantized.ts, roundingDivideByPOTWrapped).
 */
export function rdbpotArgs(exponent: number, wrapped: boolean): [number, number] {
  const k = exponent & 31;
  if (!wrapped) return [((1 << k) - 1) | 0, k];
  const m = exponent & 63;
  return [m < 32 ? ((1 << m) - 1) | 0 : -1, k];
}

/** Row kernel call: operands and output in bytes, then the broadcast strides. */
export type RowKernel = (a: number, b: number, out: number, rows: number, cols: number, aRow: number, aCol: number, bRow: number, bCol: number) => void;

function xnnAddKernel(q: Q8ElementwiseExports, u8: number, p: XnnAddParams): RowKernel {
  const bias = p.bias | 0;
  return (a, b, out, rows, cols, aRow, aCol, bRow, bCol) =>
    q.q8_add(u8, a, b, out, rows, cols, aRow, aCol, bRow, bCol, p.aMultiplier, p.bMultiplier, bias, p.shift, p.outputZeroPoint, p.actMin, p.actMax);
}

function xnnMulKernel(q: Q8ElementwiseExports, u8: number, p: XnnMulParams): RowKernel {
  return (a, b, out, rows, cols, aRow, aCol, bRow, bCol) =>
    q.q8_mul(u8, a, b, out, rows, cols, aRow, aCol, bRow, bCol, p.aZeroPoint, p.bZeroPoint, p.scale, p.outputZeroPoint, p.actMin, p.actMax);
}

/** TFLite's ADD / SUB rescaling with the parameters `p` (exported for the tests: any fixed-point parameters). */
export function refAddSubKernel(q: Q8ElementwiseExports, u8: number, sub: boolean, p: AddSubParams): RowKernel {
  const [mask1, k1] = rdbpotArgs(-p.input1Shift, false);
  const [mask2, k2] = rdbpotArgs(-p.input2Shift, false);
  const [masko, ko] = rdbpotArgs(-p.outputShift, true);
  const s = sub ? 1 : 0;
  return (a, b, out, rows, cols, aRow, aCol, bRow, bCol) => q.q8_addsub_ref(
    u8, s, a, b, out, rows, cols, aRow, aCol, bRow, bCol,
    p.input1Offset, p.input1Multiplier, mask1, k1, p.input2Offset, p.input2Multiplier, mask2, k2,
    p.outputMultiplier, masko, ko, p.outputOffset, p.actMin, p.actMax,
  );
}

/** Rows shorter than this get a per-channel operand tiled (the kernels work 16 bytes at a time). */
const TILE_MIN_COLS = 64;
/** Most kernel calls per node (one per index of the broadcast dims outside the last two). */
const MAX_CALLS = 4096;

/** An input read in place (offset −1) or a constant copied into the heap (its byte offset). */
interface Operand {
  offset: number;
  /** Tiled copies of the operand's row (see tileRows): packed with a constant, else written to the scratch at eval. */
  tiled: boolean;
}

interface BinaryQ8<Ref> {
  ref: Ref;
  calls: RowCall[];
  a: Operand;
  b: Operand;
  tiling: Tiling | null;
  scratch: Scratch;
  kernel: RowKernel;
}

/** Where an 8-bit operand will be at eval (its row tiled `copies` times when `tiling` names it), or null. */
function operandOf(wasm: WasmKernels, t: Tensor, tiling: Tiling | null, index: 0 | 1): Operand | null {
  const tiled = tiling !== null && tiling.operand === index;
  if (!t.isConstant) return inHeapAtEval(t) ? { offset: -1, tiled } : null;
  const src = t.data as Uint8Array | Int8Array;
  const n = tiled ? tiling.period : t.size;
  if (src.length < n) return null;
  const copies = tiled ? tiling.copies : 1;
  const offset = packConstants(wasm, `q8 x${copies}`, [t], Math.max(16, n * copies), (buffer, at) => {
    const dst = new Uint8Array(buffer, at, n * copies);
    const bytes = new Uint8Array(src.buffer, src.byteOffset, n);
    for (let k = 0; k < copies; k++) dst.set(bytes, k * n);
  });
  return { offset, tiled: false };
}

/** The heap byte offset of operand `op` of tensor `t` now, or −1 when it is not in `wasm`'s memory. */
function operandAt(wasm: WasmKernels, op: Operand, t: Tensor, tiling: Tiling | null, scratch: Scratch): number {
  if (op.offset >= 0) return op.offset;
  if (t.heapByteOffset < 0 || t.data.buffer !== wasm.memory.buffer) return -1;
  if (!op.tiled || tiling === null) return t.heapByteOffset;
  const row = new Uint8Array(wasm.memory.buffer, t.heapByteOffset, tiling.period);
  const dst = new Uint8Array(wasm.memory.buffer, scratch.offset, tiling.period * tiling.copies);
  for (let k = 0; k < tiling.copies; k++) dst.set(row, k * tiling.period);
  return scratch.offset;
}

/**
 * An 8-bit binary op's SIMD registration: `kernelOf` picks the row kernel from the reference's
 * prepared data (null: the reference runs the node).
 */
function binaryQ8<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, kernelOf: (ref: Ref, q: Q8ElementwiseExports, u8: number) => RowKernel | null,
): KernelRegistration {
  const q = q8ElementwiseExports(wasm);
  return simdKernel<Ref, BinaryQ8<Ref>>(wasm, reference, {
    inPlace: [],
    prepare(ctx: OpContext, ref) {
      const x = ctx.input(0), y = ctx.input(1), out = ctx.output(0);
      if (![x, y, out].every(isQ8InRange) || x.dtype !== out.dtype || y.dtype !== out.dtype) return null;
      const kernel = kernelOf(ref, q, out.dtype === 'uint8' ? 1 : 0);
      if (kernel === null) return null;
      let calls = planRows(x.shape, y.shape, out.shape, MAX_CALLS);
      if (calls === null) return null;
      const tiled = tileRows(calls, TILE_MIN_COLS);
      const tiling = tiled?.tiling ?? null;
      if (tiled !== null) calls = tiled.calls;
      const a = operandOf(wasm, x, tiling, 0), b = operandOf(wasm, y, tiling, 1);
      if (a === null || b === null) return null;
      const scratch = scratchOf(wasm);
      if (tiling !== null) scratch.reserve(tiling.period * tiling.copies);
      return { ref, calls, a, b, tiling, scratch, kernel };
    },
    eval(ctx, d) {
      const a = operandAt(wasm, d.a, ctx.input(0), d.tiling, d.scratch);
      const b = operandAt(wasm, d.b, ctx.input(1), d.tiling, d.scratch);
      if (a < 0 || b < 0) {
        reference.eval(ctx, d.ref);
        return;
      }
      const out = ctx.output(0).heapByteOffset;
      for (const c of d.calls) d.kernel(a + c.aOff, b + c.bOff, out + c.outOff, c.rows, c.cols, c.aRow, c.aCol, c.bRow, c.bCol);
    },
  });
}

type AddData = ReturnType<typeof ADD.prepare>;
type SubData = ReturnType<typeof SUB.prepare>;
type MulData = ReturnType<typeof MUL.prepare>;

function addSubKernel(sub: boolean) {
  return (ref: AddData | SubData, q: Q8ElementwiseExports, u8: number): RowKernel | null => {
    if (ref.xnn !== null) return xnnAddKernel(q, u8, ref.xnn);
    if (ref.quant === null || ref.quant.pot || ref.quant.leftShift !== 20) return null;
    return refAddSubKernel(q, u8, sub, ref.quant);
  };
}

/** 8-bit ADD on the SIMD tier; other nodes go to `base`. */
export const addQ8 = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withQ8(binaryQ8<AddData>(wasm, ADD, addSubKernel(false)), base);

/** 8-bit SUB on the SIMD tier; other nodes go to `base`. */
export const subQ8 = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withQ8(binaryQ8<SubData>(wasm, SUB, addSubKernel(true)), base);

/** 8-bit MUL on the SIMD tier (XNNPACK's arithmetic only); other nodes go to `base`. */
export const mulQ8 = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  withQ8(binaryQ8<MulData>(wasm, MUL, (ref, q, u8) => (ref.xnn === null ? null : xnnMulKernel(q, u8, ref.xnn))), base);
