// The SIMD tier's shared machinery: the wrapper that runs a wasm kernel where it applies and the
// reference kernel everywhere else, weights packed once into the wasm heap, and scratch memory.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';

/**
 * The wasm half of a SIMD registration. `prepare` runs after the reference prepare (which
 * validated the node and sized its outputs) and returns null when it does not handle the node;
 * `eval` runs only when every non-constant input and every output lives in the wasm memory.
 */
export interface SimdImpl<RefData, SimdData> {
  prepare(ctx: OpContext, ref: RefData): SimdData | null;
  eval(ctx: OpContext, data: SimdData): void;
}

export interface TierData<RefData, SimdData> {
  ref: RefData;
  simd: SimdData | null;
}

/** A registration that runs `impl` where it applies and `reference` otherwise. */
export function simdKernel<RefData, SimdData>(
  wasm: WasmKernels, reference: KernelRegistration<RefData>, impl: SimdImpl<RefData, SimdData>,
): KernelRegistration<TierData<RefData, SimdData>> {
  return {
    prepare(ctx) {
      const ref = reference.prepare(ctx);
      return { ref, simd: impl.prepare(ctx, ref) };
    },
    eval(ctx, data) {
      if (data.simd !== null && inMemory(ctx, wasm.memory)) impl.eval(ctx, data.simd);
      else reference.eval(ctx, data.ref);
    },
  };
}

/**
 * Whether the node's tensors are where the wasm kernel can reach them: outputs and non-constant
 * inputs in `memory` (not so for dynamic tensors, constant-folded nodes, or an interpreter whose
 * heap is not this memory). Constants are packed or copied into the heap in prepare.
 */
function inMemory(ctx: OpContext, memory: WebAssembly.Memory): boolean {
  const buffer = memory.buffer;
  for (const t of ctx.inputs) {
    if (t !== null && t.allocation !== 'constant' && (t.heapByteOffset < 0 || t.data.buffer !== buffer)) return false;
  }
  for (const t of ctx.outputs) if (t.heapByteOffset < 0 || t.data.buffer !== buffer) return false;
  return true;
}

/** Whether the kernel may run on `t` at eval time: a constant or a tensor planned in the heap. */
export function reachable(t: Tensor): boolean {
  return t.allocation !== 'dynamic';
}

// ------------------------------------------------------------------ packed GEMM weights

/** Output columns per packed panel (wasm/assembly/gemm_f32.ts NR). */
export const GEMM_NR = 8;

interface Packed {
  weights: Float32Array;
  bias: Float32Array | null;
  offset: number;
}

/** Per wasm instance: packed weights by weight tensor, reused when a node is prepared again. */
const packedByWasm = new WeakMap<WasmKernels, WeakMap<Tensor, Packed>>();

/**
 * Packs constant weights [n, k] (row j = output column j; CONV_2D's OHWI filter and
 * FULLY_CONNECTED's weights alike) and an optional bias [n] into the heap in the GEMM panel
 * layout: ceil(n/8) panels of [bias[8], then for each of the k depths the 8 columns' weights],
 * zero-padded past n. Returns the byte offset; packed once per weight tensor and bias.
 */
export function packGemmWeights(wasm: WasmKernels, weights: Tensor, bias: Tensor | null, n: number, k: number): number {
  let cache = packedByWasm.get(wasm);
  if (cache === undefined) packedByWasm.set(wasm, (cache = new WeakMap()));
  const w = weights.data as Float32Array;
  const b = bias === null ? null : (bias.data as Float32Array);
  const hit = cache.get(weights);
  if (hit !== undefined && hit.weights === w && hit.bias === b) return hit.offset;
  if (hit !== undefined) wasm.heap.freeBlock(hit.offset);
  const panels = Math.ceil(n / GEMM_NR);
  const panelFloats = (k + 1) * GEMM_NR;
  const offset = wasm.heap.alloc(panels * panelFloats * 4, 64, `packed weights of '${weights.name}'`);
  const dst = new Float32Array(wasm.heap.buffer, offset, panels * panelFloats);
  dst.fill(0);
  for (let p = 0; p < panels; p++) {
    const base = p * panelFloats;
    const cols = Math.min(GEMM_NR, n - p * GEMM_NR);
    for (let c = 0; c < cols; c++) {
      const j = p * GEMM_NR + c;
      if (b !== null) dst[base + c] = b[j]!;
      const src = j * k;
      for (let d = 0; d < k; d++) dst[base + GEMM_NR + d * GEMM_NR + c] = w[src + d]!;
    }
  }
  cache.set(weights, { weights: w, bias: b, offset });
  return offset;
}

// ------------------------------------------------------------------ scratch

/**
 * Scratch memory shared by every node of the interpreters on one wasm instance (nodes run one
 * at a time): grown in prepare to the largest request; kernels read `offset` at eval time.
 */
export class Scratch {
  offset = -1;
  bytes = 0;
  constructor(private readonly wasm: WasmKernels) {}

  /** Makes the scratch at least `bytes` long. Call in prepare only (it may grow the memory). */
  reserve(bytes: number): void {
    if (bytes <= this.bytes) return;
    if (this.offset >= 0) this.wasm.heap.freeBlock(this.offset);
    this.offset = this.wasm.heap.alloc(bytes, 64, 'kernel scratch');
    this.bytes = bytes;
  }
}

const scratchByWasm = new WeakMap<WasmKernels, Scratch>();

export function scratchOf(wasm: WasmKernels): Scratch {
  let s = scratchByWasm.get(wasm);
  if (s === undefined) scratchByWasm.set(wasm, (s = new Scratch(wasm)));
  return s;
}
