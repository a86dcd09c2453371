// FULLY_CONNECTED, SIMD tier, 16x8: int16 activations, int8 weights (per-tensor with a zero point,
// or per-channel), constant weights and bias, as one i16 GEMM of the input rows by the packed
// weights (wasm/assembly/gemm_i16.ts), bit-exact with the reference kernel in both of its 16x8
// modes: the int64 accumulator scaled in double, and the int32 one with ruy's single rounding.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { FullyConnectedOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { FULLY_CONNECTED as REFERENCE, type FcQuantParams } from '../fully_connected.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { fcRequant, gemmWeightStats, i16Exports, packI16Weights, I16_TILE_BYTES, I16_TMP_BYTES } from './gemm_i16.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

interface FcI16 {
  p: FcQuantParams;
  weights: number;
  mode: number;
  blk: number;
  tileRows: number;
  scratch: Scratch;
}

export function fullyConnectedI16(wasm: WasmKernels): KernelRegistration {
  const i16 = i16Exports(wasm);
  return simdKernel<RefData, FcI16>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<FullyConnectedOptions>, ref) {
      if (ref.kind !== 'quantized') return null;
      const p = ref.p;
      const input = ctx.input(0), weights = ctx.input(1), bias = ctx.optionalInput(2), output = ctx.output(0);
      if (input.dtype !== 'int16' || output.dtype !== 'int16' || weights.dtype !== 'int8') return null;
      if (!weights.isConstant || (bias !== null && !bias.isConstant) || !inHeapAtEval(input)) return null;
      if (p.rounding === 'double') return null;
      const stats = gemmWeightStats(wasm, weights, p.units, p.depth, p.filterOffset);
      const rq = fcRequant(stats, p.units, p.depth, p.filterOffset, bias, p.rounding, p.scales, p.multipliers, p.shifts);
      if (rq === null) return null;
      const packed = packI16Weights(wasm, weights, bias, p.units, p.depth, p.filterOffset, rq);
      const rowBytes = ((p.depth + 1) >> 1) * 4;
      const tileRows = Math.max(4, Math.floor(I16_TILE_BYTES / rowBytes) & ~3);
      const scratch = scratchOf(wasm);
      // The A4 layout takes whole blocks of 4 rows.
      scratch.reserve(I16_TMP_BYTES + Math.min(tileRows, Math.ceil(Math.max(p.rows, 1) / 4) * 4) * rowBytes);
      return { p, weights: packed, mode: rq.mode, blk: rq.blk, tileRows, scratch };
    },
    eval(ctx, d) {
      const p = d.p;
      if (p.rows === 0 || p.units === 0) return;
      const tmp = d.scratch.offset;
      i16.i16_gemm_rows(
        0, p.rows, p.units, p.depth, d.blk, ctx.input(0).heapByteOffset, p.depth * 2, d.weights, ctx.output(0).heapByteOffset, p.units * 2,
        tmp + I16_TMP_BYTES, d.tileRows, d.mode, p.qmin, p.qmax, tmp,
      );
    },
  });
}
