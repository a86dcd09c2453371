// MediaPipe's custom ops on the SIMD tier: every op of src/mediapipe, with the wasm
// Convolution2DTransposeBias (src/kernels/simd/transpose_conv.ts) in place of the reference one.
import type { KernelRegistration } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import { MEDIAPIPE_OPS } from '../../mediapipe/index.js';
import { convolution2DTransposeBiasSimd } from './transpose_conv.js';

/** SIMD kernel factories by MediaPipe custom op name. */
export const SIMD_MEDIAPIPE_OPS: Readonly<Record<string, (wasm: WasmKernels) => KernelRegistration>> = Object.freeze({
  Convolution2DTransposeBias: convolution2DTransposeBiasSimd,
});

/**
 * Adds the MediaPipe custom ops to a resolver as registerMediaPipeOps does, the SIMD ones bound
 * to `wasm` (use the resolver with `{ heap: wasm.heap }`; elsewhere they run the reference kernels).
 */
export function registerSimdMediaPipeOps<R extends { addCustom(name: string, kernel: KernelRegistration): unknown }>(
  resolver: R, wasm: WasmKernels,
): R {
  for (const [name, kernel] of Object.entries(MEDIAPIPE_OPS)) {
    const simd = SIMD_MEDIAPIPE_OPS[name];
    resolver.addCustom(name, simd ? simd(wasm) : kernel);
  }
  return resolver;
}
