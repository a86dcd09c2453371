// FULLY_CONNECTED, SIMD tier: float32 with constant weights (and bias) as one GEMM of the input
// rows by the packed weights. Quantized, hybrid and computed-weight layers run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { FullyConnectedOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { FULLY_CONNECTED as REFERENCE } from '../fully_connected.js';
import { packGemmWeights, inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { fullyConnectedQ8 } from './fully_connected_q8.js'; // q8
import { withQ8 } from './gemm_q8.js'; // q8
import { parallelGemmF32 } from '../../wasm/splits.js'; // threads

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface FcSimd {
  rows: number;
  depth: number;
  units: number;
  actMin: number;
  actMax: number;
  weights: number;
  /** The GEMM's packed rows (16·depth bytes), one 64-byte-aligned block per thread of wasm.pool. */
  scratch: Scratch;
  scratchStride: number;
}

export function fullyConnectedSimd(wasm: WasmKernels): KernelRegistration {
  const { exports } = wasm;
  // q8: int8/uint8 nodes go to the 8-bit kernels, all others to this one.
  return withQ8(fullyConnectedQ8(wasm), simdKernel<RefData, FcSimd>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<FullyConnectedOptions>, ref) {
      if (ref.kind !== 'float') return null;
      const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2);
      if (!weights.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      const { rows, depth, units, actMin, actMax } = ref;
      const scratch = scratchOf(wasm);
      const scratchStride = Math.ceil((16 * depth) / 64) * 64;
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { rows, depth, units, actMin, actMax, weights: packGemmWeights(wasm, weights, bias, units, depth), scratch, scratchStride };
    },
    eval(ctx, d) {
      if (d.rows === 0 || d.units === 0) return;
      // threads: split across wasm.pool (by rows, or by 8-column panels for few rows) when large enough
      const pool = wasm.pool;
      const gemm = { m: d.rows, n: d.units, k: d.depth, a: ctx.input(0).heapByteOffset, lda: d.depth * 4, w: d.weights, c: ctx.output(0).heapByteOffset, ldc: d.units * 4 };
      if (pool && parallelGemmF32(pool, gemm, d.actMin, d.actMax, d.scratch.offset, d.scratchStride)) return;
      exports.gemm_f32(gemm.m, gemm.n, gemm.k, gemm.a, gemm.lda, gemm.w, gemm.c, gemm.ldc, d.actMin, d.actMax, d.scratch.offset);
    },
  }));
}
