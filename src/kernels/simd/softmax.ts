// SOFTMAX, SIMD tier (wasm/assembly/softmax.ts): float32 with β ≥ 0 (exp approximated within a few
// ulp, sums in f64), and uint8 / int8 inputs to uint8 / int8 / int16 outputs through the reference's
// float32 table, bit-exact. Rows are split across the thread pool. int16 → int16, negative or
// non-finite β, output scales whose reciprocal overflows float32 and tensors outside the heap run
// the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { SoftmaxOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import type { KernelCall } from '../../wasm/threads.js';
import { SOFTMAX as REFERENCE } from '../softmax.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { chunkCount, ELEMENT_WORK } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

/** wasm/assembly/softmax.ts */
interface SoftmaxExports {
  softmax_f32(rows: number, depth: number, x: number, out: number, beta: number): void;
  softmax_q8(
    rows: number, depth: number, x: number, out: number, table: number, scale: number, zp: number, lo: number, hi: number,
    inI8: number, mode: number, tmp: number,
  ): void;
}

/** softmax_q8's output modes. */
const SM_U8 = 0, SM_I8 = 1, SM_I16 = 2;
/** f32-GEMM FLOP equivalents per element of the 8-bit kernel (~2.4 ns: its table sum is a chain of dependent f32 adds). */
const Q8_ELEMENT_WORK = 100;

interface Q8Params {
  table: Float32Array;
  scale: number; zp: number; lo: number; hi: number;
  inI8: number; mode: number;
}

interface SoftmaxSimd {
  rows: number;
  depth: number;
  beta: number;
  q8: Q8Params | null;
  /** The scratch: the 8-bit table (1 KiB), then per thread 16·depth bytes (four rows of table entries). */
  scratch: Scratch;
  threadStride: number;
}

const TABLE_BYTES = 1024;
const f = Math.fround;

export function softmaxSimd(wasm: WasmKernels): KernelRegistration {
  const x = wasm.exports as unknown as SoftmaxExports;
  return simdKernel<RefData, SoftmaxSimd>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<SoftmaxOptions>, ref) {
      const input = ctx.input(0), output = ctx.output(0);
      const beta = ctx.options.beta;
      // With β ≥ 0 every exp argument is ≤ 0: no overflow, and the row maximum's table entry is 1.
      if (!inHeapAtEval(input) || !(beta >= 0 && beta < Infinity) || ref.depth === 0 || input.size === 0) return null;
      let q8: Q8Params | null = null;
      if (ref.kind === 'table') {
        // 1 / (sum · scale) is finite for sums ≥ 1 when 1 / scale is.
        if (!Number.isFinite(f(1 / ref.scale))) return null;
        const mode = output.dtype === 'uint8' ? SM_U8 : output.dtype === 'int8' ? SM_I8 : SM_I16;
        const [lo, hi] = mode === SM_U8 ? [0, 255] : mode === SM_I8 ? [-128, 127] : [-32768, 32767];
        // The clamp runs before the zero point is added, on lo − zp and hi − zp in f32: keep them exact.
        if (mode !== SM_U8 && Math.abs(ref.zeroPoint) > 1 << 20) return null;
        q8 = { table: ref.table, scale: ref.scale, zp: ref.zeroPoint, lo, hi, inI8: input.dtype === 'int8' ? 1 : 0, mode };
      } else if (ref.kind !== 'float') {
        return null;
      }
      const scratch = scratchOf(wasm);
      const threadStride = Math.ceil((16 * ref.depth) / 64) * 64;
      if (q8) scratch.reserve(TABLE_BYTES + threadStride * (wasm.pool?.threads ?? 1));
      return { rows: input.size / ref.depth, depth: ref.depth, beta, q8, scratch, threadStride };
    },
    eval(ctx, d) {
      const { rows, depth, q8 } = d;
      const input = ctx.input(0).heapByteOffset, output = ctx.output(0).heapByteOffset;
      const table = d.scratch.offset, tmp = table + TABLE_BYTES;
      if (q8) new Float32Array(wasm.heap.buffer, table, 256).set(q8.table);
      // Rows [r0, r1) as one call.
      const call = (r0: number, r1: number): KernelCall => q8
        ? {
          kernel: 'softmax_q8',
          args: [r1 - r0, depth, input + r0 * depth, output + r0 * depth * (q8.mode === SM_I16 ? 2 : 1), table, q8.scale, q8.zp, q8.lo, q8.hi, q8.inI8, q8.mode, tmp],
          perThread: { args: [11], stride: d.threadStride },
        }
        : { kernel: 'softmax_f32', args: [r1 - r0, depth, input + 4 * r0 * depth, output + 4 * r0 * depth, d.beta] };
      const pool = wasm.pool;
      const chunks = pool ? Math.min(rows, chunkCount(pool, rows * depth * (q8 ? Q8_ELEMENT_WORK : ELEMENT_WORK.transcendental))) : 0;
      if (pool && chunks >= 2) {
        const jobs: KernelCall[][] = [];
        for (let t = 0; t < chunks; t++) jobs.push([call(Math.floor((rows * t) / chunks), Math.floor((rows * (t + 1)) / chunks))]);
        return pool.runChunks(jobs);
      }
      if (q8) x.softmax_q8(rows, depth, input, output, table, q8.scale, q8.zp, q8.lo, q8.hi, q8.inI8, q8.mode, tmp);
      else x.softmax_f32(rows, depth, input, output, d.beta);
    },
  });
}
