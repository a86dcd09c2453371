// A runtime tensor: the model's declaration plus the current shape and a view of its bytes.
import type { DType, TypedArray } from '../types.js';
import type { SparsityT } from '../schema/model.js';
import type { Heap } from '../memory/heap.js';
import { elementBytes, viewOf } from '../types.js';

export interface QuantParams {
  /** One scale per tensor, or one per channel along `quantizedDimension`. */
  readonly scale: readonly number[];
  readonly zeroPoint: readonly number[];
  readonly quantizedDimension: number;
}

/**
 * Where a tensor's bytes live:
 * constant: the model's buffer; arena: the shared planned arena; dynamic: its own
 * allocation, sized at eval time; persistent: its own allocation kept across invokes
 * (graph inputs/outputs, variables); none: not allocated (optional or unused).
 */
export type Allocation = 'constant' | 'arena' | 'dynamic' | 'persistent' | 'none';

export class Tensor {
  shape: number[];
  allocation: Allocation = 'none';
  private view: TypedArray = new Uint8Array(0);
  private rawBytes: Uint8Array = new Uint8Array(0);
  /** Set when the tensor lives in a heap: views are rebuilt after the heap's buffer changes. */
  private heap: Heap | null = null;
  private heapOffset = 0;
  private heapElements = 0;
  private heapGeneration = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly dtype: DType,
    shape: number[],
    readonly shapeSignature: readonly number[] | null,
    readonly quantization: QuantParams | null,
    readonly isVariable: boolean,
    /** Sparse constant layout (input of DENSIFY), as in the model. */
    readonly sparsity: SparsityT | null = null,
  ) {
    this.shape = shape;
  }

  /** Number of elements of the current shape. */
  get size(): number {
    let n = 1;
    for (const d of this.shape) n *= d;
    return n;
  }

  /** Bytes the current shape needs (strings: their current byte length). */
  get byteLength(): number {
    return this.dtype === 'string' ? this.bytes.byteLength : this.size * elementBytes(this.dtype);
  }

  get isConstant(): boolean {
    return this.allocation === 'constant';
  }

  /** The elements as a typed array view (float16 as Uint16Array bits, bool as Uint8Array). */
  get data(): TypedArray {
    if (this.heap !== null && this.heapGeneration !== this.heap.generation) this.rebind();
    return this.view;
  }

  /** The bytes behind `data`. */
  get bytes(): Uint8Array {
    if (this.heap !== null && this.heapGeneration !== this.heap.generation) this.rebind();
    return this.rawBytes;
  }

  /** Byte offset of the data in its heap (for kernels that run in the heap's memory), or -1. */
  get heapByteOffset(): number {
    return this.heap === null ? -1 : this.heapOffset;
  }

  /** The heap the tensor lives in (its data is a view of `heap.buffer`), or null. */
  get owningHeap(): Heap | null {
    return this.heap;
  }

  /** Points the tensor at `elements` elements of `buffer` starting at byte `offset`. */
  bind(buffer: ArrayBufferLike, offset: number, elements: number): void {
    this.heap = null;
    this.view = viewOf(this.dtype, buffer, offset, elements);
    this.rawBytes = new Uint8Array(buffer, offset, this.view.byteLength);
  }

  /** Places the tensor at `offset` in `heap`. */
  bindHeap(heap: Heap, offset: number, elements: number): void {
    this.heap = heap;
    this.heapOffset = offset;
    this.heapElements = elements;
    this.rebind();
  }

  private rebind(): void {
    const heap = this.heap!;
    this.view = viewOf(this.dtype, heap.buffer, this.heapOffset, this.heapElements);
    this.rawBytes = new Uint8Array(heap.buffer, this.heapOffset, this.view.byteLength);
    this.heapGeneration = heap.generation;
  }

  /** Per-tensor scale (the first one for per-channel tensors); 0 when not quantized. */
  get scale(): number {
    return this.quantization?.scale[0] ?? 0;
  }

  get zeroPoint(): number {
    return this.quantization?.zeroPoint[0] ?? 0;
  }
}
