// The optimized tier's wasm kernels (AssemblyScript, SIMD128). Built by scripts/build-wasm.mjs into
// src/wasm/kernels_wasm.ts; loaded by src/wasm/loader.ts, which lists these exports in KernelExports.
// Every buffer is a byte offset into the imported memory (the interpreter's heap); the first
// 64 KiB of it stay reserved for this module's own static data.
export { gemm_f32 } from './gemm_f32';
export { conv2d_f32 } from './conv_f32';
