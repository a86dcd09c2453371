// tflite-ts: load and run .tflite models. This entry includes every builtin kernel, in the
// reference tier and (where WebAssembly SIMD is available) the wasm SIMD tier.
import { Interpreter as CoreInterpreter, loadModelBytes, type InterpreterOptions } from './interpreter/interpreter.js';
import { BuiltinOpResolver } from './interpreter/builtin_resolver.js';
import { ApiError } from './errors.js';
import { loadWasmKernels } from './wasm/loader.js';
import { createSimdResolver } from './kernels/simd/index.js';

export * from './core.js';
export { BuiltinOpResolver } from './interpreter/builtin_resolver.js';
export { loadWasmKernels, probeSimd, probeThreads, probeRelaxedSimd } from './wasm/loader.js';
export type { WasmKernels, KernelExports, LoadWasmOptions } from './wasm/loader.js';
export type { ThreadPool } from './wasm/threads.js';
export { createSimdResolver } from './kernels/simd/index.js';

/**
 * The interpreter with all builtin ops available unless `opResolver` says otherwise.
 * `Interpreter.create` picks the kernel tier (`tier`, default 'auto': wasm SIMD where available);
 * the constructor runs the reference tier, or whatever `heap` + `opResolver` it is given.
 */
export class Interpreter extends CoreInterpreter {
  /** threads: what dispose() also releases (Interpreter.create's worker threads). */
  private readonly onDispose: (() => void)[] = [];

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
   *
   * `numThreads` (SIMD tier): threads the GEMM kernels (CONV_2D, FULLY_CONNECTED) split their
   * work across, the calling thread included. Default (unset, 0 or −1) min(4, available cores);
   * 1 runs no workers. Workers start in the background and join once up (tens of ms).
   * Without SharedArrayBuffer / wasm threads (e.g. a page without cross-origin isolation) the
   * kernels run on one thread (a one-time console warning when numThreads > 1 was asked for).
   * dispose() stops the worker threads; they never keep a Node process alive.
   */
  static override async create(source: Uint8Array | ArrayBuffer | string | URL, options: InterpreterOptions = {}): Promise<Interpreter> {
    const bytes = await loadModelBytes(source);
    const tier = options.tier ?? 'auto';
    if (tier !== 'reference' && !options.opResolver) {
      const wasm = await loadWasmKernels({ numThreads: options.numThreads ?? -1 }); // threads: −1 = default
      if (wasm !== null) {
        const pool = wasm.pool; // threads
        let interpreter: Interpreter;
        try {
          interpreter = new Interpreter(bytes, { ...options, heap: wasm.heap, opResolver: createSimdResolver(wasm) });
        } catch (e) {
          pool?.dispose();
          throw e;
        }
        if (pool) interpreter.onDispose.push(() => pool.dispose());
        return interpreter;
      }
      if (tier === 'simd') throw new ApiError("tier 'simd': this engine has no WebAssembly SIMD");
    }
    return new Interpreter(bytes, options);
  }

  override dispose(): void {
    super.dispose();
    for (const f of this.onDispose.splice(0)) f(); // threads
  }
}
