// SPLIT and GATHER of 4-byte elements (float32, int32), SIMD tier: one copy_rows_32 call
// (wasm/assembly/pool_f32.ts) per output piece or gathered index, instead of a typed-array view
// and copy per row. Worth it on small tensors in loops (an LSTM's step); the same bytes as the
// reference. Dynamic shapes, batch_dims, other dtypes and tensors outside the heap run the
// reference kernels; GATHER checks every index as the reference does.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { GatherOptions, SplitOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { SPLIT } from '../split.js';
import { GATHER } from '../gather.js';
import { inHeapAtEval, packConstants, simdKernel } from './tier.js';
import { type Operand, f32Exports, operandAt } from './f32_util.js';

const is32 = (dtype: string): boolean => dtype === 'float32' || dtype === 'int32';

interface SplitSimd {
  /** Elements before the axis, the input's block after it, each output's block. */
  outer: number;
  block: number;
  pieces: number[];
}

type SplitRef = ReturnType<typeof SPLIT.prepare>;

export function splitSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<SplitRef, SplitSimd>(wasm, SPLIT, {
    inPlace: [1],
    prepare(ctx: OpContext<SplitOptions>, ref) {
      const input = ctx.input(1);
      if (ref.dynamic || !is32(input.dtype) || !inHeapAtEval(input)) return null;
      const shape = input.shape;
      let outer = 1, inner = 1;
      for (let d = 0; d < ref.axis; d++) outer *= shape[d]!;
      for (let d = ref.axis + 1; d < shape.length; d++) inner *= shape[d]!;
      const pieces = ctx.outputs.map((t) => t.shape[ref.axis]! * inner);
      return { outer, block: shape[ref.axis]! * inner, pieces };
    },
    eval(ctx, d) {
      if (d.outer === 0) return;
      const copy = f32Exports(wasm).copy_rows_32;
      let src = ctx.input(1).heapByteOffset;
      for (let k = 0; k < d.pieces.length; k++) {
        const n = d.pieces[k]!;
        if (n > 0) copy(src, ctx.outputs[k]!.heapByteOffset, d.outer, n, d.block, n);
        src += n * 4;
      }
    },
  });
}

interface GatherSimd {
  ref: GatherRef;
  params: Operand;
  outer: number;
  axisSize: number;
  inner: number;
}

type GatherRef = ReturnType<typeof GATHER.prepare>;

export function gatherSimd(wasm: WasmKernels): KernelRegistration {
  return simdKernel<GatherRef, GatherSimd>(wasm, GATHER, {
    inPlace: [],
    prepare(ctx: OpContext<GatherOptions>, ref) {
      const input = ctx.input(0), positions = ctx.input(1);
      if (ref.batchDims !== 0 || !is32(input.dtype) || positions.dtype !== 'int32') return null;
      let params: Operand;
      if (input.isConstant) {
        const n = input.size;
        const src = new Uint32Array(input.data.buffer, input.data.byteOffset, Math.min(n, input.data.byteLength >> 2));
        if (src.length < n) return null;
        params = { index: 0, offset: packConstants(wasm, 'u32', [input], Math.max(4, n * 4), (buffer, at) => new Uint32Array(buffer, at, n).set(src)) };
      } else if (inHeapAtEval(input)) {
        params = { index: 0, offset: -1 };
      } else {
        return null;
      }
      const shape = input.shape;
      let outer = 1, inner = 1;
      for (let d = 0; d < ref.axis; d++) outer *= shape[d]!;
      for (let d = ref.axis + 1; d < shape.length; d++) inner *= shape[d]!;
      return { ref, params, outer, axisSize: shape[ref.axis]!, inner };
    },
    eval(ctx, d) {
      const at = operandAt(wasm, d.params, ctx.input(0));
      if (at < 0) {
        GATHER.eval(ctx, d.ref);
        return;
      }
      const pos = ctx.input(1).data as Int32Array;
      for (let i = 0; i < pos.length; i++) {
        const p = pos[i]!;
        if (!(p >= 0 && p < d.axisSize)) ctx.fail(`gather index ${p} out of bounds [0, ${d.axisSize})`);
      }
      const out = ctx.output(0).heapByteOffset;
      if (d.outer * d.inner === 0) return;
      const copy = f32Exports(wasm).copy_rows_32;
      // Per index: its slice of every outer block.
      for (let i = 0; i < pos.length; i++) copy(at + pos[i]! * d.inner * 4, out + i * d.inner * 4, d.outer, d.inner, d.axisSize * d.inner, pos.length * d.inner);
    },
  });
}
