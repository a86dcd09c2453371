// Loads the optimized tier's wasm kernels (wasm/assembly/*.ts, built into kernels_wasm.ts).
//
// The module is probed and compiled once per process; every `loadWasmKernels()` gives a fresh
// instance with its own WebAssembly.Memory and Heap, so each interpreter owns its memory and
// returns it to the garbage collector with the interpreter (a wasm memory never shrinks, and a
// process-wide heap would keep every interpreter's arena and packed weights forever).
//
// With `numThreads` > 1 (and SharedArrayBuffer + wasm threads available) the memory is shared,
// the instance is of the shared-memory build (kernels_wasm_shared.ts, same code) and a ThreadPool
// (threads.ts) of numThreads − 1 workers runs instances of it on the same memory.
import { Heap, WasmMemoryBacking } from '../memory/heap.js';
import { KERNELS_WASM_BASE64 } from './kernels_wasm.js';
import type { ThreadPool } from './threads.js';
import { MAX_THREADS } from './control_block.js';

/** The functions wasm/assembly/index.ts exports. Offsets and strides in bytes, sizes in elements. */
export interface KernelExports {
  /** C[m×n] = clamp(A[m×k] · packed B + bias, lo, hi); B packed by `packGemmWeights`; `pack`: 16·k bytes of scratch. */
  gemm_f32(m: number, n: number, k: number, a: number, lda: number, w: number, c: number, ldc: number, lo: number, hi: number, pack: number): void;
  /** NHWC convolution (one group) by im2col tiles of `tileRows` output pixels in `scratch` (then 16·K bytes for the GEMM), then GEMM. */
  conv2d_f32(
    input: number, output: number, w: number, scratch: number,
    batches: number, inH: number, inW: number, inC: number, outH: number, outW: number, outC: number,
    kH: number, kW: number, strideH: number, strideW: number, dilationH: number, dilationW: number, padH: number, padW: number,
    tileRows: number, lo: number, hi: number,
  ): void;
}

export interface WasmKernels {
  readonly memory: WebAssembly.Memory;
  /** The interpreter's heap over `memory`: pass it as InterpreterOptions.heap. */
  readonly heap: Heap;
  readonly exports: KernelExports;
  /**
   * Worker threads sharing `memory` (numThreads > 1 where wasm threads are available), or
   * undefined: single-threaded. Kernels split work with it; `pool.dispose()` stops the workers
   * (Interpreter.dispose() does; they are also stopped when this object is garbage-collected).
   */
  readonly pool?: ThreadPool;
}

export interface LoadWasmOptions {
  /**
   * Threads for the kernels, the calling thread included: undefined or 1, no workers; 0 or
   * negative (TFLite's −1), the default of Interpreter.create: min(4, available cores)
   * (navigator.hardwareConcurrency / os.availableParallelism()); capped at 16. Where
   * SharedArrayBuffer or wasm threads are missing (e.g. a browser page without cross-origin
   * isolation) the kernels run single-threaded, with a one-time console warning when more than
   * one thread was asked for explicitly (numThreads > 1).
   */
  numThreads?: number;
}

/** Bytes at the start of the memory reserved for the module's own data; the heap starts after them. */
export const WASM_RESERVED_BYTES = 65536;
const PAGE = 65536;
/** Pages a heap may grow to (Heap's MAX_HEAP_BYTES). */
const MAX_PAGES = 32768;

/** (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)) */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x0a, 0x01, 0x08, 0x00, // code section: one body of 8 bytes, no locals
  0x41, 0x00, // i32.const 0
  0xfd, 0x0f, // i8x16.splat
  0xfd, 0x62, // i8x16.popcnt
  0x0b, // end
]);

/** (module (memory 1 1 shared) (func (result i32) i32.const 0 i32.atomic.load)) */
const THREADS_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: () -> i32
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x05, 0x04, 0x01, 0x03, 0x01, 0x01, // memory section: min 1, max 1, shared
  0x0a, 0x0a, 0x01, 0x08, 0x00, // code section: one body of 8 bytes, no locals
  0x41, 0x00, // i32.const 0
  0xfe, 0x10, 0x02, 0x00, // i32.atomic.load align=4 offset=0
  0x0b, // end
]);

/** (module (func (result v128) i32x4.splat(0) ×3 f32x4.relaxed_madd)) */
const RELAXED_SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x13, 0x01, 0x11, 0x00, // code section: one body of 17 bytes, no locals
  0x41, 0x00, 0xfd, 0x11, 0x41, 0x00, 0xfd, 0x11, 0x41, 0x00, 0xfd, 0x11, // three i32x4.splat(i32.const 0)
  0xfd, 0x85, 0x02, // f32x4.relaxed_madd
  0x0b, // end
]);

/**
 * Whether this engine has the relaxed SIMD proposal (Chrome 114+; Node 20 only with
 * --experimental-wasm-relaxed-simd). The kernels do not use it: its fused multiply-add gave no
 * GEMM speed-up on the machines measured and makes float results differ between CPUs, and its
 * int8 dot product was wrong on Node 20 (../shared/notes/kernels-toolchain.md). Reported by
 * `tflite bench` so that a measurement says what the engine offered.
 */
export function probeRelaxedSimd(): boolean {
  try {
    return probeSimd() && WebAssembly.validate(RELAXED_SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Whether this engine can run the kernels on several threads: SharedArrayBuffer (in browsers only
 * with cross-origin isolation) and the wasm threads proposal (shared memory, atomics).
 */
export function probeThreads(): boolean {
  try {
    return typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && probeSimd() && WebAssembly.validate(THREADS_PROBE);
  } catch {
    return false;
  }
}

/** Whether this engine has WebAssembly with the fixed-width SIMD proposal (SIMD128). */
export function probeSimd(): boolean {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

let compiled: Promise<WebAssembly.Module | null> | null = null;
let compiledShared: Promise<WebAssembly.Module | null> | null = null;

/** The compiled kernel module, or null without WebAssembly/SIMD; compiled once per process. */
export function compileWasmKernels(): Promise<WebAssembly.Module | null> {
  compiled ??= (async () => {
    if (!probeSimd()) return null;
    try {
      return await WebAssembly.compile(decodeBase64(KERNELS_WASM_BASE64));
    } catch {
      return null; // e.g. a content security policy without 'wasm-unsafe-eval'
    }
  })();
  return compiled;
}

/**
 * The shared-memory build of the kernels, or null without SIMD or wasm threads; compiled once per
 * process. Imported only here, dynamically: a bundle for one thread leaves it in a lazy chunk.
 */
function compileSharedKernels(): Promise<WebAssembly.Module | null> {
  compiledShared ??= (async () => {
    if (!probeThreads()) return null;
    try {
      const { KERNELS_WASM_SHARED_BASE64 } = await import('./kernels_wasm_shared.js');
      return await WebAssembly.compile(decodeBase64(KERNELS_WASM_SHARED_BASE64));
    } catch {
      return null;
    }
  })();
  return compiledShared;
}

/** Threads when none were asked for: min(4, cores). More rarely pays for a model's small GEMMs. */
export const DEFAULT_MAX_THREADS = 4;

/** numThreads as asked (unset: 1; ≥ 1, capped at MAX_THREADS), or the default when 0 or negative. */
export async function resolveNumThreads(numThreads: number | undefined): Promise<number> {
  if (numThreads === undefined || Number.isNaN(numThreads)) return 1;
  if (numThreads >= 1) return Math.min(MAX_THREADS, Math.floor(numThreads));
  let cores = 1;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (typeof nav?.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0) {
    cores = nav.hardwareConcurrency;
  } else if (typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string') {
    try {
      const os = await import('node:os');
      cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    } catch {
      cores = 1;
    }
  }
  return Math.max(1, Math.min(DEFAULT_MAX_THREADS, cores));
}

let warned = false;

/** One console warning per process about threads that were asked for and cannot run. */
function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  console.warn(`tflite-ts: numThreads > 1 was asked for, but ${message}.`);
}

/** Pools to stop when their WasmKernels is garbage-collected without a dispose(). */
const poolFinalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry<ThreadPool>((pool) => pool.dispose())
  : null;

/**
 * A new instance of the kernels over a new memory and the heap on it (reserved bytes first), or
 * null when WebAssembly or SIMD is missing: the reference tier runs then. With numThreads > 1
 * (see LoadWasmOptions) the memory is shared and `pool` holds the worker threads; where that is
 * not possible, single-threaded kernels are returned (never an error).
 */
export async function loadWasmKernels(options: LoadWasmOptions = {}): Promise<WasmKernels | null> {
  const threads = await resolveNumThreads(options.numThreads);
  if (threads > 1) {
    const explicit = options.numThreads! > 1;
    const kernels = await loadThreaded(threads, explicit);
    if (typeof kernels !== 'string') return kernels;
    if (explicit) warnOnce(`${kernels}; the kernels run on one thread`);
  }
  const module = await compileWasmKernels();
  if (module === null) return null;
  const memory = new WebAssembly.Memory({ initial: WASM_RESERVED_BYTES / PAGE + 1, maximum: MAX_PAGES });
  const instance = await WebAssembly.instantiate(module, { env: { memory, abort } });
  const heap = new Heap(new WasmMemoryBacking(memory), WASM_RESERVED_BYTES);
  return { memory, heap, exports: instance.exports as unknown as KernelExports };
}

/**
 * The kernels on a shared memory with a pool of `threads − 1` workers (starting in the
 * background); null without SIMD; else why not.
 */
async function loadThreaded(threads: number, explicit: boolean): Promise<WasmKernels | null | string> {
  if (!probeSimd()) return null;
  if (!probeThreads()) {
    return typeof SharedArrayBuffer !== 'function'
      ? 'SharedArrayBuffer is not available (in a browser: the page is not cross-origin isolated)'
      : 'this engine has no WebAssembly threads (shared memory, atomics)';
  }
  const module = await compileSharedKernels();
  if (module === null) return 'the shared-memory kernel module did not compile';
  let memory: WebAssembly.Memory;
  try {
    memory = new StableSharedMemory({ initial: WASM_RESERVED_BYTES / PAGE + 1, maximum: MAX_PAGES, shared: true });
  } catch (e) {
    return `a shared WebAssembly.Memory could not be created (${(e as Error).message})`;
  }
  const instance = await WebAssembly.instantiate(module, { env: { memory, abort } });
  const heap = new Heap(new WasmMemoryBacking(memory), WASM_RESERVED_BYTES);
  let pool: ThreadPool;
  try {
    // Loaded on demand: single-threaded bundles leave the pool out.
    const { ThreadPool } = await import('./threads.js');
    pool = await ThreadPool.create({
      module, memory, heap, exports: instance.exports, threads,
      onWorkerError: (message) => {
        if (explicit) warnOnce(`a kernel worker thread did not start (${message}); the kernels run on fewer threads`);
      },
    });
  } catch (e) {
    return `the kernel worker threads did not start (${(e as Error).message})`;
  }
  const kernels: WasmKernels = { memory, heap, exports: instance.exports as unknown as KernelExports, pool };
  poolFinalizer?.register(kernels, pool, pool);
  return kernels;
}

/**
 * A shared WebAssembly.Memory whose `buffer` keeps its identity until this memory grows. V8 gives
 * every shared memory of the thread a new SharedArrayBuffer object whenever *any* shared memory
 * grows (another interpreter's, say): views made earlier stay valid, but the SIMD tier's "is this
 * tensor in the wasm memory?" test (`tensor.data.buffer === memory.buffer`) would fail and send
 * every kernel to the reference tier.
 */
class StableSharedMemory extends WebAssembly.Memory {
  private stable: ArrayBuffer | null = null;

  override get buffer(): ArrayBuffer {
    const current = super.buffer;
    if (this.stable === null || this.stable.byteLength !== current.byteLength) this.stable = current;
    return this.stable;
  }
}

function abort(): never {
  throw new Error('wasm kernel abort');
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
