// 8-bit unary ops that the reference computes through a 256-entry table (LOGISTIC on int8 / uint8),
// SIMD tier: the node's table copied to the scratch, looked up by q8_lut
// (wasm/assembly/elementwise_q8.ts); the same bytes as the reference's lookupTable. Other nodes go
// to `base`.
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { LOGISTIC } from '../logistic.js';
import { inHeapAtEval, scratchOf, simdKernel, type Scratch } from './tier.js';
import { withQ8 } from './gemm_q8.js';
import { q8ElementwiseExports } from './elementwise_q8.js';

interface LutQ8 {
  table: Int8Array | Uint8Array;
  scratch: Scratch;
}

function lutQ8<Ref>(
  wasm: WasmKernels, reference: KernelRegistration<Ref>, tableOf: (ref: Ref) => Int8Array | Uint8Array | null, base: KernelRegistration,
): KernelRegistration {
  const q = q8ElementwiseExports(wasm);
  const reg = simdKernel<Ref, LutQ8>(wasm, reference, {
    inPlace: [0],
    prepare(ctx, ref) {
      const table = tableOf(ref);
      if (table === null || table.length !== 256 || !inHeapAtEval(ctx.input(0))) return null;
      const scratch = scratchOf(wasm);
      scratch.reserve(256);
      return { table, scratch };
    },
    eval(ctx, d) {
      const out = ctx.output(0);
      if (out.size === 0) return;
      const at = d.scratch.offset;
      new Uint8Array(wasm.memory.buffer, at, 256).set(new Uint8Array(d.table.buffer, d.table.byteOffset, 256));
      q.q8_lut(ctx.input(0).heapByteOffset, out.heapByteOffset, out.size, at);
    },
  });
  return withQ8(reg, base);
}

/** 8-bit LOGISTIC (its table) on the SIMD tier; other nodes go to `base`. */
export const logisticQ8 = (wasm: WasmKernels, base: KernelRegistration): KernelRegistration =>
  lutQ8(wasm, LOGISTIC, (ref) => (ref.kind === 'lut' && !(ref.lut instanceof Int16Array) ? ref.lut : null), base);
