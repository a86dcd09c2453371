// numpy .npy files (format 1.0/2.0/3.0, little-endian, C order): what TensorFlow users hold data in.
import { TfliteError } from '../errors.js';
import type { DType, TypedArray } from '../types.js';

const DESCR: Record<string, DType> = {
  '<f4': 'float32', '<f8': 'float64', '<f2': 'float16', '|i1': 'int8', '|u1': 'uint8', '<i2': 'int16', '<u2': 'uint16',
  '<i4': 'int32', '<u4': 'uint32', '<i8': 'int64', '<u8': 'uint64', '|b1': 'bool',
};
const CTORS: Partial<Record<DType, { new (b: ArrayBuffer): TypedArray; BYTES_PER_ELEMENT: number }>> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array,
  uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array, bool: Uint8Array,
};

export class NpyError extends TfliteError {
  override name = 'NpyError';
}

export interface NpyArray {
  dtype: DType;
  shape: number[];
  data: TypedArray;
}

export function readNpy(bytes: Uint8Array): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((m, i) => bytes[i] !== m)) throw new NpyError('not a .npy file (bad magic)');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : bytes.length >= 12 ? view.getUint32(8, true) : -1;
  const start = major === 1 ? 10 : 12;
  if (headerLen < 0 || start + headerLen > bytes.length) throw new NpyError('.npy header runs past the end of the file');
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new NpyError(`.npy header not understood: ${header.trim()}`);
  if (fortran === 'True') throw new NpyError('.npy arrays in Fortran order are not supported');
  const dtype = DESCR[descr.replace('=', '<')];
  if (dtype === undefined) throw new NpyError(`.npy dtype ${descr} is not supported`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new NpyError(`.npy shape (${shapeText}) is invalid`);
  const ctor = CTORS[dtype]!;
  const n = shape.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLen;
  if (dataStart + n * ctor.BYTES_PER_ELEMENT > bytes.length) throw new NpyError(`.npy data is truncated: shape (${shape}) needs ${n * ctor.BYTES_PER_ELEMENT} bytes`);
  const copy = new Uint8Array(bytes.subarray(dataStart, dataStart + n * ctor.BYTES_PER_ELEMENT)); // a copy, aligned (Buffer.slice would be a view)
  return { dtype, shape, data: new ctor(copy.buffer) };
}

export function writeNpy(dtype: DType, shape: readonly number[], data: TypedArray): Uint8Array {
  const descr = Object.entries(DESCR).find(([, d]) => d === dtype)?.[0];
  if (descr === undefined) throw new NpyError(`cannot write ${dtype} as .npy`);
  const shapeText = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shapeText}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(10 + head.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, head.length, true);
  out.set(head, 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + head.length);
  return out;
}
