// tflite-ts/simd: the wasm SIMD tier for selective registration. Load the kernels once
// (loadWasmKernels), then register the SIMD kernel of each op the model needs, bound to them, and
// run the interpreter on their heap:
//   const wasm = await loadWasmKernels();
//   const resolver = new MutableOpResolver().addBuiltin('CONV_2D', conv2dSimd(wasm)) …;
//   new Interpreter(bytes, { opResolver: resolver, heap: wasm.heap });
// Ops without a SIMD kernel take their reference kernel from tflite-ts/kernels.
export { loadWasmKernels, probeSimd, probeThreads, probeRelaxedSimd } from './wasm/loader.js';
export type { WasmKernels, KernelExports, LoadWasmOptions } from './wasm/loader.js';
export type { ThreadPool } from './wasm/threads.js';
export * from './kernels/simd/index.js';
