// A runtime tensor: the model's declaration plus the current shape and a view of its bytes.
import type { DType, TypedArray } from '../types.js';
import type { SparsityT } from '../schema/model.js';
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
  data: TypedArray = new Uint8Array(0);
  /** The bytes behind `data`. */
  bytes: Uint8Array = new Uint8Array(0);
  allocation: Allocation = 'none';

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

  /** Points the tensor at `byteLength` bytes of `buffer` starting at `offset`. */
  bind(buffer: ArrayBufferLike, offset: number, elements: number): void {
    this.data = viewOf(this.dtype, buffer, offset, elements);
    this.bytes = new Uint8Array(buffer, offset, this.data.byteLength);
  }

  /** Per-tensor scale (the first one for per-channel tensors); 0 when not quantized. */
  get scale(): number {
    return this.quantization?.scale[0] ?? 0;
  }

  get zeroPoint(): number {
    return this.quantization?.zeroPoint[0] ?? 0;
  }
}
