// ARG_MAX / ARG_MIN of int8 / uint8 tensors along their innermost (non-unit) axis, SIMD tier
// (wasm/assembly/argmax_q8.ts), the same indices as the reference kernels. Other types, other
// axes, an axis that is not constant and tensors outside the heap run the reference kernels.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { ARG_MAX } from '../arg_max.js';
import { ARG_MIN } from '../arg_min.js';
import { inHeapAtEval, simdKernel } from './tier.js';

interface ArgMaxExports {
  /** Indices of `rows` rows of `n` bytes (XORed with `flip`: their first unsigned maximum), int32 or int64 (`out64`). */
  q8_argmax_rows(x: number, out: number, rows: number, n: number, flip: number, out64: number): void;
}

interface ArgQ8 {
  rows: number;
  n: number;
  flip: number;
  out64: number;
}

function argQ8(wasm: WasmKernels, reference: KernelRegistration<{ axis: number }>, isMax: boolean): KernelRegistration {
  const q = wasm.exports as unknown as ArgMaxExports;
  return simdKernel<{ axis: number }, ArgQ8>(wasm, reference, {
    inPlace: [0],
    prepare(ctx: OpContext, ref) {
      const x = ctx.input(0), out = ctx.output(0);
      if ((x.dtype !== 'uint8' && x.dtype !== 'int8') || ref.axis < 0 || !inHeapAtEval(x)) return null;
      const shape = x.shape;
      if (shape.slice(ref.axis + 1).some((d) => d !== 1)) return null; // not the innermost axis
      const n = shape[ref.axis]!;
      if (n === 0) return null;
      // XOR that turns the comparison into one unsigned maximum: int8 order → uint8, MIN → MAX.
      const flip = (x.dtype === 'int8' ? 0x80 : 0) ^ (isMax ? 0 : 0xff);
      return { rows: out.size, n, flip, out64: out.dtype === 'int64' ? 1 : 0 };
    },
    eval(ctx, d) {
      if (d.rows > 0) q.q8_argmax_rows(ctx.input(0).heapByteOffset, ctx.output(0).heapByteOffset, d.rows, d.n, d.flip, d.out64);
    },
  });
}

export const argMaxSimd = (wasm: WasmKernels): KernelRegistration => argQ8(wasm, ARG_MAX, true);
export const argMinSimd = (wasm: WasmKernels): KernelRegistration => argQ8(wasm, ARG_MIN, false);
