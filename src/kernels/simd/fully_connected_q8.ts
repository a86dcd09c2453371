// FULLY_CONNECTED, SIMD tier, 8-bit: int8 (per-tensor or per-channel weights; ruy's single-rounding
// requantization) and uint8 (gemmlowp's double rounding) with constant weights and bias, as one q8
// GEMM of the input rows (widened to i16 in tiles) by the packed weights, bit-exact with the
// reference kernel. 16x8, uint8 → int16, hybrid and computed weights run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { FullyConnectedOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { FULLY_CONNECTED as REFERENCE, type FcQuantParams } from '../fully_connected.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { packQ8Weights, q8Exports, Q8_DOUBLE, Q8_SINGLE } from './gemm_q8.js';
import { Q8_TILE_BYTES } from './conv_2d_q8.js';
import { parallelQ8GemmRows } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface FcQ8 {
  p: FcQuantParams;
  weights: number;
  mode: number;
  u8: number;
  tileRows: number;
  scratch: Scratch;
  /** Bytes between the threads' scratch blocks (tmp, then the A tile; one per thread of wasm.pool). */
  scratchStride: number;
}

/** Bytes at the start of the scratch for the fixed-point requantization's accumulators. */
const TMP_BYTES = 128;

export function fullyConnectedQ8(wasm: WasmKernels): KernelRegistration {
  const q8 = q8Exports(wasm);
  return simdKernel<RefData, FcQ8>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<FullyConnectedOptions>, ref) {
      if (ref.kind !== 'quantized') return null;
      const p = ref.p;
      const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      const t = input.dtype;
      if ((t !== 'int8' && t !== 'uint8') || output.dtype !== t || weights.dtype !== t) return null;
      if (!weights.isConstant || (bias !== null && (!bias.isConstant || bias.dtype !== 'int32')) || !inHeapAtEval(input)) return null;
      const mode = p.rounding === 'single' ? Q8_SINGLE : p.rounding === 'double' ? Q8_DOUBLE : -1;
      if (mode < 0) return null;
      // The shifts the wasm code takes exactly (see rqFixed in wasm/assembly/gemm_q8.ts).
      for (const s of p.shifts) if (s < -31 || s > (mode === Q8_SINGLE ? 14 : 31)) return null;
      const packed = packQ8Weights(wasm, weights, bias, p.units, p.depth, p.filterOffset, { mode, multipliers: p.multipliers, shifts: p.shifts });
      const rowBytes = ((p.depth + 1) >> 1) * 4;
      const tileRows = Math.max(4, Math.floor(Q8_TILE_BYTES / rowBytes) & ~3);
      const scratch = scratchOf(wasm);
      // The A4 layout takes whole blocks of 4 rows.
      const scratchStride = Math.ceil((TMP_BYTES + Math.min(tileRows, Math.ceil(Math.max(p.rows, 1) / 4) * 4) * rowBytes) / 64) * 64;
      scratch.reserve(scratchStride * (wasm.pool?.threads ?? 1));
      return { p, weights: packed, mode, u8: t === 'uint8' ? 1 : 0, tileRows, scratch, scratchStride };
    },
    eval(ctx, d) {
      const p = d.p;
      if (p.rows === 0 || p.units === 0) return;
      const tmp = d.scratch.offset;
      const input = ctx.input(0).heapByteOffset, output = ctx.output(0).heapByteOffset;
      // threads: split by rows, or by column panels for few rows (a classifier), when large enough
      if (wasm.pool && parallelQ8GemmRows(wasm.pool, p.rows, p.units, {
        k: p.depth, a: input, lda: p.depth, w: d.weights, c: output, ldc: p.units,
        scratch: tmp + TMP_BYTES, scratchStride: d.scratchStride, tileRows: d.tileRows,
        zpIn: -p.inputOffset, u8: d.u8, mode: d.mode, zp: p.outputOffset, lo: p.qmin, hi: p.qmax, tmp,
      })) return;
      q8.q8_gemm_rows(
        p.rows, p.units, p.depth, input, p.depth, d.weights, output, p.units,
        tmp + TMP_BYTES, d.tileRows, -p.inputOffset, d.u8, d.mode, p.outputOffset, p.qmin, p.qmax, tmp,
      );
    },
  });
}
