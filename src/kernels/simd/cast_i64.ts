// CAST int64 → int32 / uint32 on the SIMD tier (wasm/assembly/cast_i64.ts): the low 32 bits of
// each value, as the reference. Nodes with other input types go to `base`.
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { CAST } from '../cast.js';
import { inHeapAtEval, simdKernel } from './tier.js';

interface CastI64Exports {
  cast_i64_i32(x: number, out: number, n: number): void;
}

/** int64 CAST nodes on the SIMD tier (to int32 / uint32; others: the reference), all other nodes on `base`. */
export function castI64(wasm: WasmKernels, base: KernelRegistration): KernelRegistration {
  const q = wasm.exports as unknown as CastI64Exports;
  const i64 = simdKernel<void, true>(wasm, CAST, {
    inPlace: [0],
    prepare(ctx) {
      const to = ctx.output(0).dtype;
      return (to === 'int32' || to === 'uint32') && inHeapAtEval(ctx.input(0)) ? true : null;
    },
    eval(ctx) {
      const out = ctx.output(0);
      if (out.size > 0) q.cast_i64_i32(ctx.input(0).heapByteOffset, out.heapByteOffset, out.size);
    },
  });
  const mine = new WeakSet<object>();
  return {
    prepare(ctx) {
      if (ctx.inputs[0]?.dtype !== 'int64') return base.prepare(ctx);
      const data = i64.prepare(ctx);
      if (typeof data === 'object' && data !== null) mine.add(data);
      return data;
    },
    eval(ctx, data) {
      if (typeof data === 'object' && data !== null && mine.has(data)) i64.eval(ctx, data);
      else base.eval(ctx, data);
    },
  };
}
