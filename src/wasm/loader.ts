// Loads the optimized tier's wasm kernels (wasm/assembly/*.ts, built into kernels_wasm.ts).
//
// The module is probed and compiled once per process; every `loadWasmKernels()` gives a fresh
// instance with its own WebAssembly.Memory and Heap, so each interpreter owns its memory and
// returns it to the garbage collector with the interpreter (a wasm memory never shrinks, and a
// process-wide heap would keep every interpreter's arena and packed weights forever).
import { Heap, WasmMemoryBacking } from '../memory/heap.js';
import { KERNELS_WASM_BASE64 } from './kernels_wasm.js';

/** The functions wasm/assembly/index.ts exports. Offsets and strides in bytes, sizes in elements. */
export interface KernelExports {
  /** C[m×n] = clamp(A[m×k] · packed B + bias, lo, hi); B packed by `packGemmWeights`. */
  gemm_f32(m: number, n: number, k: number, a: number, lda: number, w: number, c: number, ldc: number, lo: number, hi: number): void;
  /** NHWC convolution (one group) by im2col tiles of `tileRows` output pixels in `scratch`, then GEMM. */
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

/** Whether this engine has WebAssembly with the fixed-width SIMD proposal (SIMD128). */
export function probeSimd(): boolean {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

let compiled: Promise<WebAssembly.Module | null> | null = null;

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
 * A new instance of the kernels over a new memory and the heap on it (reserved bytes first), or
 * null when WebAssembly or SIMD is missing: the reference tier runs then.
 */
export async function loadWasmKernels(): Promise<WasmKernels | null> {
  const module = await compileWasmKernels();
  if (module === null) return null;
  const memory = new WebAssembly.Memory({ initial: WASM_RESERVED_BYTES / PAGE + 1, maximum: MAX_PAGES });
  const instance = await WebAssembly.instantiate(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('wasm kernel abort');
      },
    },
  });
  const heap = new Heap(new WasmMemoryBacking(memory), WASM_RESERVED_BYTES);
  return { memory, heap, exports: instance.exports as unknown as KernelExports };
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
