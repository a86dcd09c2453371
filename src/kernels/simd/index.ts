// The SIMD tier: every builtin reference kernel, with the wasm SIMD128 kernels in place of theirs.
// To add one: write src/kernels/simd/<op>.ts exporting a factory (wasm) => KernelRegistration built
// with simdKernel() (it falls back to the reference kernel for what it does not handle), and list
// it in SIMD_KERNELS.
import { MutableOpResolver, type BuiltinName } from '../../interpreter/op_resolver.js';
import { BUILTIN_KERNELS } from '../builtin_ops.js';
import { registerCustomOps } from '../custom/index.js';
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { conv2dSimd } from './conv_2d.js';
import { fullyConnectedSimd } from './fully_connected.js';

export { simdKernel, packConstants, packGemmWeights, scratchOf, inHeapAtEval } from './tier.js';
export type { SimdImpl, TierData } from './tier.js';
export { conv2dSimd, fullyConnectedSimd };

/** SIMD kernel factories by builtin name. */
export const SIMD_KERNELS: Readonly<Partial<Record<BuiltinName, (wasm: WasmKernels) => KernelRegistration>>> = {
  CONV_2D: conv2dSimd,
  FULLY_CONNECTED: fullyConnectedSimd,
};

/**
 * A resolver with every builtin kernel (the SIMD ones bound to `wasm`) and TFLite's custom ops,
 * as BuiltinOpResolver. Use it with `{ heap: wasm.heap }`: the SIMD kernels run on tensors in
 * wasm.memory (elsewhere they fall back to the reference kernels).
 */
export function createSimdResolver(wasm: WasmKernels): MutableOpResolver {
  const resolver = new MutableOpResolver();
  for (const [name, kernel] of Object.entries(BUILTIN_KERNELS)) {
    const simd = SIMD_KERNELS[name as BuiltinName];
    resolver.addBuiltin(name as BuiltinName, simd ? simd(wasm) : kernel);
  }
  return registerCustomOps(resolver);
}
