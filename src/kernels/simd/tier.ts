// The SIMD tier's shared machinery: the wrapper that runs a wasm kernel where it applies and the
// reference kernel everywhere else, weights packed once into the wasm heap, and scratch memory.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { WasmKernels } from '../../wasm/loader.js';
import type { Heap } from '../../memory/heap.js';

/**
 * The wasm half of a SIMD registration. `prepare` runs after the reference prepare (which
 * validated the node and sized its outputs) and returns null when it does not handle the node;
 * `eval` runs only when the inputs listed in `inPlace` and every output live in the wasm memory.
 */
export interface SimdImpl<RefData, SimdData> {
  /** Inputs the kernel reads where they are, in the heap (others: constants packed in prepare). */
  readonly inPlace: readonly number[];
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
      if (data.simd !== null && inMemory(ctx, impl.inPlace, wasm.heap)) impl.eval(ctx, data.simd);
      else reference.eval(ctx, data.ref);
    },
  };
}

/**
 * Whether the tensors the kernel touches are in `heap` (the wasm memory): not so for constants and
 * dynamic tensors (plain JS buffers), constant-folded nodes, or an interpreter whose heap is elsewhere.
 */
function inMemory(ctx: OpContext, inPlace: readonly number[], heap: Heap): boolean {
  for (let k = 0; k < inPlace.length; k++) {
    const t = ctx.inputs[inPlace[k]!];
    if (t === null || t === undefined || t.owningHeap !== heap) return false;
  }
  const outputs = ctx.outputs;
  for (let k = 0; k < outputs.length; k++) if (outputs[k]!.owningHeap !== heap) return false;
  return true;
}

/** Whether `t` will be in the heap at eval time (prepare runs before the arena is planned). */
export function inHeapAtEval(t: Tensor): boolean {
  return t.allocation !== 'dynamic' && t.allocation !== 'constant';
}

// ------------------------------------------------------------------ constants packed into the heap

interface Packed {
  layout: string;
  sources: readonly (Tensor | null)[];
  /** The arrays packed (a constant-folded tensor gets new ones when it is folded again). */
  arrays: readonly (unknown | null)[];
  offset: number;
}

/** Per wasm instance, by first source tensor: what was packed from it. */
const packedByWasm = new WeakMap<WasmKernels, WeakMap<Tensor, Packed[]>>();

/**
 * The heap offset of constant tensors `sources` packed in `layout` (a name for the layout and its
 * parameters): `fill` writes `bytes` bytes at the offset the first time, and the block is reused
 * when the node (or another node with the same sources) is prepared again. Call in prepare only.
 */
export function packConstants(
  wasm: WasmKernels, layout: string, sources: readonly [Tensor, ...(Tensor | null)[]], bytes: number,
  fill: (dst: ArrayBufferLike, offset: number) => void,
): number {
  let byTensor = packedByWasm.get(wasm);
  if (byTensor === undefined) packedByWasm.set(wasm, (byTensor = new WeakMap()));
  let list = byTensor.get(sources[0]);
  if (list === undefined) byTensor.set(sources[0], (list = []));
  const arrays = sources.map((t) => (t === null ? null : t.data));
  const i = list.findIndex((p) => p.layout === layout && p.sources.every((t, k) => t === sources[k]));
  const hit = list[i];
  if (hit !== undefined) {
    if (hit.arrays.every((a, k) => a === arrays[k])) return hit.offset;
    // Folded again: every node using the old packing is being prepared again too.
    wasm.heap.freeBlock(hit.offset);
    list.splice(i, 1);
  }
  const offset = wasm.heap.alloc(bytes, 64, `packed '${sources[0].name}'`);
  fill(wasm.heap.buffer, offset);
  list.push({ layout, sources: [...sources], arrays, offset });
  return offset;
}

/** Output columns per packed panel (wasm/assembly/gemm_f32.ts NR). */
export const GEMM_NR = 8;

/**
 * Packs constant f32 weights [n, k] (row j = output column j: CONV_2D's OHWI filter and
 * FULLY_CONNECTED's weights alike) and an optional bias [n] into the heap in the GEMM panel
 * layout: ceil(n/8) panels of [bias[8], then for each of the k depths the 8 columns' weights],
 * zero-padded past n. Returns the byte offset. With `alpha` (n per-column PReLU
 * slopes), conv2d_prelu_f32's layout, [bias[8], alpha[8], weights…].
 */
export function packGemmWeights(wasm: WasmKernels, weights: Tensor, bias: Tensor | null, n: number, k: number, alpha?: Float32Array): number {
  const panels = Math.ceil(n / GEMM_NR);
  const panelFloats = (k + (alpha ? 2 : 1)) * GEMM_NR;
  const layout = `gemm_f32 ${n}x${k}${alpha ? ` prelu ${alpha.join(',')}` : ''}`;
  return packConstants(wasm, layout, [weights, bias], panels * panelFloats * 4, (_, offset) => {
    // The weights copied into the heap as they are, then transposed into panels in wasm.
    const raw = wasm.heap.alloc((n * k + 2 * n) * 4 + 4, 64, 'weights to pack');
    const heap = wasm.heap.buffer;
    const biasAt = raw + n * k * 4, alphaAt = biasAt + n * 4;
    new Float32Array(heap, raw, n * k).set((weights.data as Float32Array).subarray(0, n * k));
    if (bias !== null) new Float32Array(heap, biasAt, n).set((bias.data as Float32Array).subarray(0, n));
    if (alpha) new Float32Array(heap, alphaAt, n).set(alpha.subarray(0, n));
    (wasm.exports as unknown as PackExports).pack_gemm_f32(raw, bias === null ? 0 : biasAt, alpha ? alphaAt : 0, offset, n, k);
    wasm.heap.freeBlock(raw);
  });
}

interface PackExports {
  /** wasm/assembly/pack_f32.ts */
  pack_gemm_f32(src: number, bias: number, alpha: number, dst: number, n: number, k: number): void;
}

/**
 * An exact, compact cache key for numeric parameters (packConstants layouts): their float32 / int32
 * bits as UTF-16 code units, two per value. Formatting floats as decimal text instead costs
 * ~0.2 µs per value, milliseconds per model of per-channel scales at allocation.
 */
export function bitsKey(values: Float32Array | Int32Array): string {
  const u16 = new Uint16Array(values.buffer, values.byteOffset, values.length * 2);
  let key = '';
  for (let i = 0; i < u16.length; i += 4096) key += String.fromCharCode(...u16.subarray(i, i + 4096));
  return key;
}

/** Copies `bytes` into a new heap block (64-byte aligned) for a wasm packing routine; free it after. */
export function stageInHeap(wasm: WasmKernels, bytes: Uint8Array, what: string): number {
  const at = wasm.heap.alloc(Math.max(bytes.length, 1), 64, what);
  new Uint8Array(wasm.heap.buffer, at, bytes.length).set(bytes);
  return at;
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
