// Tensor element types: TFLite's TensorType codes, their names and JS storage.
export type DType =
  | 'float32' | 'float16' | 'int32' | 'uint8' | 'int64' | 'string' | 'bool' | 'int16' | 'complex64' | 'int8'
  | 'float64' | 'complex128' | 'uint64' | 'resource' | 'variant' | 'uint32' | 'uint16' | 'int4' | 'bfloat16';

/** Index = TensorType code of schema.fbs. */
export const DTYPES: readonly DType[] = [
  'float32', 'float16', 'int32', 'uint8', 'int64', 'string', 'bool', 'int16', 'complex64', 'int8',
  'float64', 'complex128', 'uint64', 'resource', 'variant', 'uint32', 'uint16', 'int4', 'bfloat16',
];

export type TypedArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array;

type TypedArrayCtor = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray; readonly BYTES_PER_ELEMENT: number };

interface StorageInfo {
  /** Bytes per stored element (complex types store two floats per element). */
  readonly bytes: number;
  readonly ctor: TypedArrayCtor;
  /** Storage elements per logical element. */
  readonly lanes: number;
}

const STORAGE: Partial<Record<DType, StorageInfo>> = {
  float32: { bytes: 4, ctor: Float32Array, lanes: 1 },
  float16: { bytes: 2, ctor: Uint16Array, lanes: 1 },
  bfloat16: { bytes: 2, ctor: Uint16Array, lanes: 1 },
  float64: { bytes: 8, ctor: Float64Array, lanes: 1 },
  int8: { bytes: 1, ctor: Int8Array, lanes: 1 },
  uint8: { bytes: 1, ctor: Uint8Array, lanes: 1 },
  bool: { bytes: 1, ctor: Uint8Array, lanes: 1 },
  int16: { bytes: 2, ctor: Int16Array, lanes: 1 },
  uint16: { bytes: 2, ctor: Uint16Array, lanes: 1 },
  int32: { bytes: 4, ctor: Int32Array, lanes: 1 },
  uint32: { bytes: 4, ctor: Uint32Array, lanes: 1 },
  int64: { bytes: 8, ctor: BigInt64Array, lanes: 1 },
  uint64: { bytes: 8, ctor: BigUint64Array, lanes: 1 },
  complex64: { bytes: 8, ctor: Float32Array, lanes: 2 },
  complex128: { bytes: 16, ctor: Float64Array, lanes: 2 },
  // Resource and variant tensors hold one int32 handle.
  resource: { bytes: 4, ctor: Int32Array, lanes: 1 },
  variant: { bytes: 4, ctor: Int32Array, lanes: 1 },
  // Strings are variable-length byte blobs (TFLite's packed string format).
  string: { bytes: 1, ctor: Uint8Array, lanes: 1 },
};

export function dtypeName(code: number): DType | undefined {
  return DTYPES[code];
}

export function dtypeCode(dtype: DType): number {
  return DTYPES.indexOf(dtype);
}

export function storageOf(dtype: DType): StorageInfo | undefined {
  return STORAGE[dtype];
}

/** Bytes one element takes (0 for variable-size strings and int4, which are handled apart). */
export function elementBytes(dtype: DType): number {
  if (dtype === 'string' || dtype === 'int4') return 0;
  return STORAGE[dtype]?.bytes ?? 0;
}

/** A typed-array view of `byteLength` bytes at `byteOffset`; the offset must suit the element size. */
export function viewOf(dtype: DType, buffer: ArrayBufferLike, byteOffset: number, elements: number): TypedArray {
  const s = STORAGE[dtype] ?? STORAGE.uint8!;
  return new s.ctor(buffer, byteOffset, elements * s.lanes);
}

export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}

export function isBig(dtype: DType): boolean {
  return dtype === 'int64' || dtype === 'uint64';
}
