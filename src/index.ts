// tflite-ts: load and run .tflite models. This entry includes every builtin kernel, in the
// reference tier and (where WebAssembly SIMD is available) the wasm SIMD tier.
import { Interpreter as CoreInterpreter, loadModelBytes, type InterpreterOptions } from './interpreter/interpreter.js';
import { BuiltinOpResolver } from './interpreter/builtin_resolver.js';
import { ApiError } from './errors.js';
import { loadWasmKernels } from './wasm/loader.js';
import { createSimdResolver } from './kernels/simd/index.js';

export * from './core.js';
export { BuiltinOpResolver } from './interpreter/builtin_resolver.js';
export { loadWasmKernels, probeSimd } from './wasm/loader.js';
export type { WasmKernels, KernelExports } from './wasm/loader.js';
export { createSimdResolver } from './kernels/simd/index.js';

/**
 * The interpreter with all builtin ops available unless `opResolver` says otherwise.
 * `Interpreter.create` picks the kernel tier (`tier`, default 'auto': wasm SIMD where available);
 * the constructor runs the reference tier, or whatever `heap` + `opResolver` it is given.
 */
export class Interpreter extends CoreInterpreter {
  constructor(bytes: Uint8Array, options: InterpreterOptions = {}) {
    if (options.tier === 'simd' && !(options.heap && options.opResolver)) {
      throw new ApiError("tier 'simd' loads WebAssembly asynchronously: use Interpreter.create(), or pass the heap and opResolver of loadWasmKernels()/createSimdResolver()");
    }
    super(bytes, { ...options, opResolver: options.opResolver ?? new BuiltinOpResolver() });
  }

  /**
   * Loads a model. Without an `opResolver`, `tier` 'auto' (default) and 'simd' run the wasm SIMD
   * kernels on a heap in their WebAssembly.Memory ('simd' fails where WebAssembly SIMD is missing,
   * 'auto' falls back to the reference tier). With an `opResolver`, it and `heap` are used as given.
   */
  static override async create(source: Uint8Array | ArrayBuffer | string | URL, options: InterpreterOptions = {}): Promise<Interpreter> {
    const bytes = await loadModelBytes(source);
    const tier = options.tier ?? 'auto';
    if (tier !== 'reference' && !options.opResolver) {
      const wasm = await loadWasmKernels();
      if (wasm !== null) return new Interpreter(bytes, { ...options, heap: wasm.heap, opResolver: createSimdResolver(wasm) });
      if (tier === 'simd') throw new ApiError("tier 'simd': this engine has no WebAssembly SIMD");
    }
    return new Interpreter(bytes, options);
  }
}
