// CONCATENATION and PAD / PADV2 of 4-byte elements (float32, int32), SIMD tier
// (wasm/assembly/pool_f32.ts: copy_rows_32, pad_32): vector copies and fills in the heap in place
// of the reference's per-row typed-array copies. CONCATENATION's fused activation (float32)
// clamps the output afterwards, as the reference does. Other dtypes, dynamic shapes, ranks above 4
// (PAD) and tensors outside the heap run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { ConcatenationOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { activationRange } from '../kernel_util.js';
import { CONCATENATION } from '../concatenation.js';
import { PAD } from '../pad.js';
import { PADV2 } from '../padv2.js';
import { inHeapAtEval, packConstants, simdKernel } from './tier.js';
import { type Operand, f32Exports, operandAt } from './f32_util.js';

const is32 = (dtype: string): boolean => dtype === 'float32' || dtype === 'int32';

/** Like operandOf, for any 4-byte dtype. */
function operand32(wasm: WasmKernels, ctx: OpContext, index: number): Operand | null {
  const t = ctx.input(index);
  if (!is32(t.dtype)) return null;
  if (t.isConstant) {
    const n = t.size;
    const src = new Uint32Array(t.data.buffer, t.data.byteOffset, Math.min(n, t.data.byteLength >> 2));
    if (src.length < n) return null;
    return { index, offset: packConstants(wasm, 'u32', [t], Math.max(4, n * 4), (buffer, at) => new Uint32Array(buffer, at, n).set(src)) };
  }
  return inHeapAtEval(t) ? { index, offset: -1 } : null;
}

interface ConcatSimd {
  ref: unknown;
  inputs: Operand[];
  /** Elements before the axis (product of the leading dims) and each input's block after it. */
  outer: number;
  blocks: number[];
  lo: number;
  hi: number;
}

export function concatenationSimd(wasm: WasmKernels): KernelRegistration {
  const reference = CONCATENATION as KernelRegistration<unknown>;
  return simdKernel<unknown, ConcatSimd>(wasm, reference, {
    inPlace: [],
    prepare(ctx: OpContext<ConcatenationOptions>, ref) {
      const out = ctx.output(0);
      if (!is32(out.dtype) || out.shape.length === 0) return null;
      const rank = out.shape.length;
      const axis = ctx.options.axis < 0 ? ctx.options.axis + rank : ctx.options.axis;
      const inputs: Operand[] = [];
      const blocks: number[] = [];
      let inner = 1;
      for (let d = axis + 1; d < rank; d++) inner *= out.shape[d]!;
      let outer = 1;
      for (let d = 0; d < axis; d++) outer *= out.shape[d]!;
      for (let i = 0; i < ctx.numInputs; i++) {
        const op = operand32(wasm, ctx, i);
        if (op === null || ctx.input(i).shape.length !== rank) return null;
        inputs.push(op);
        blocks.push(ctx.input(i).shape[axis]! * inner);
      }
      const act = ctx.options.fusedActivationFunction;
      const [lo, hi] = out.dtype === 'float32' ? activationRange(act) : [-Infinity, Infinity];
      return { ref, inputs, outer, blocks, lo, hi };
    },
    eval(ctx, d) {
      const out = ctx.output(0);
      const offsets: number[] = [];
      for (const op of d.inputs) {
        const at = operandAt(wasm, op, ctx.input(op.index));
        if (at < 0) {
          reference.eval(ctx, d.ref);
          return;
        }
        offsets.push(at);
      }
      const total = d.blocks.reduce((a, b) => a + b, 0);
      let column = 0;
      d.inputs.forEach((_, i) => {
        const block = d.blocks[i]!;
        if (block > 0 && d.outer > 0) f32Exports(wasm).copy_rows_32(offsets[i]!, out.heapByteOffset + column * 4, d.outer, block, block, total);
        column += block;
      });
      const n = d.outer * total;
      if (n > 0 && (d.lo !== -Infinity || d.hi !== Infinity)) {
        f32Exports(wasm).unary_f32(6, out.heapByteOffset, out.heapByteOffset, n, d.lo, d.hi);
      }
    },
  });
}

interface PadSimd {
  ref: unknown;
  /** Input shape and before-paddings as 4-D (leading ones / zeros). */
  before: number[];
}

const bits = new Int32Array(1);
const bitsF = new Float32Array(bits.buffer);

function padSimd(wasm: WasmKernels, reference: KernelRegistration<unknown>): KernelRegistration {
  return simdKernel<unknown, PadSimd>(wasm, reference, {
    inPlace: [0],
    prepare(ctx, ref) {
      const input = ctx.input(0), out = ctx.output(0);
      if (!is32(input.dtype) || input.shape.length > 4 || !ctx.input(1).isConstant || !inHeapAtEval(input)) return null;
      const before = (ref as { before: number[] }).before;
      if (!Array.isArray(before) || before.length !== input.shape.length) return null;
      if (out.shape.length !== input.shape.length) return null;
      return { ref, before: [...new Array<number>(4 - before.length).fill(0), ...before] };
    },
    eval(ctx, d) {
      const input = ctx.input(0), out = ctx.output(0);
      const lead = 4 - input.shape.length;
      const dims = [...new Array<number>(lead).fill(1), ...input.shape];
      const odims = [...new Array<number>(lead).fill(1), ...out.shape];
      if (odims.some((x) => x === 0)) return;
      const values = ctx.optionalInput(2);
      let value = 0;
      if (values !== null) {
        if (input.dtype === 'float32') {
          bitsF[0] = (values.data as Float32Array)[0]!;
          value = bits[0]!;
        } else {
          value = (values.data as Int32Array)[0]!;
        }
      }
      const [b0, b1, b2, b3] = d.before as [number, number, number, number];
      // An empty input: everything is padding.
      const [d0, d1, d2, d3] = dims.some((x) => x === 0) ? [0, 0, 0, 0] : (dims as [number, number, number, number]);
      f32Exports(wasm).pad_32(
        input.heapByteOffset, out.heapByteOffset, d0, d1, d2, d3, b0, b1, b2, b3,
        odims[0]!, odims[1]!, odims[2]!, odims[3]!, value,
      );
    },
  });
}

export const padSimdKernel = (wasm: WasmKernels): KernelRegistration => padSimd(wasm, PAD as KernelRegistration<unknown>);
export const padV2SimdKernel = (wasm: WasmKernels): KernelRegistration => padSimd(wasm, PADV2 as KernelRegistration<unknown>);
