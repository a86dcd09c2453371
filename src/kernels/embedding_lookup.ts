// EMBEDDING_LOOKUP: rows of `value` picked by the int32 `lookup` ids. A uint8/int8 value
// table with a float32 output is dequantized on the fly (hybrid), per tensor or per row.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, numElements } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';
import { copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'float16', 'int32', 'int64', 'uint8', 'int8', 'int16', 'bool'];

interface EmbeddingData {
  /** Dequantization scale per row (one entry: per tensor); null when rows are copied as they are. */
  scales: Float32Array | null;
}

/** Reference lookup: output row i = value row ids[i]; ids must lie in [0, rows). */
export function embeddingLookup(ids: Int32Array, valueShape: readonly number[], value: TypedArray, output: TypedArray): void {
  const row = numElements(valueShape.slice(1));
  for (let i = 0; i < ids.length; i++) copyRange(output, i * row, value, ids[i]! * row, row);
}

/**
 * Reference hybrid lookup: output = value * scale. TFLite reads the table as int8 whether it
 * is uint8 or int8, so uint8 bytes above 127 come out negative.
 */
export function embeddingLookupHybrid(
  ids: Int32Array, valueShape: readonly number[], value: Int8Array | Uint8Array, scales: Float32Array, output: Float32Array,
): void {
  const row = numElements(valueShape.slice(1));
  const table = new Int8Array(value.buffer, value.byteOffset, value.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const scale = scales.length > 1 ? scales[id]! : scales[0]!;
    for (let j = 0; j < row; j++) output[i * row + j] = table[id * row + j]! * scale;
  }
}

function hybridScales(value: Tensor): Float32Array {
  const q = value.quantization;
  return Float32Array.from(q && q.scale.length > 0 ? q.scale : [0]);
}

export const EMBEDDING_LOOKUP: KernelRegistration<EmbeddingData> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const lookup = ctx.input(0);
    const value = ctx.input(1);
    const output = ctx.output(0);
    checkType(ctx, lookup, 'int32');
    if (lookup.shape.length !== 1) ctx.fail(`lookup must be 1-D, got shape [${lookup.shape}]`);
    checkType(ctx, value, ...TYPES);
    if (value.shape.length < 2) ctx.fail(`value must have rank >= 2, got shape [${value.shape}]`);
    const q = value.quantization;
    const perRow = q !== null && q.scale.length > 1;
    let scales: Float32Array | null = null;
    if (output.dtype !== value.dtype) {
      if (output.dtype !== 'float32' || (value.dtype !== 'uint8' && value.dtype !== 'int8')) {
        ctx.fail(`a ${value.dtype} table cannot be looked up into a ${output.dtype} output`);
      }
      if (q !== null && q.zeroPoint.some((z) => z !== 0)) ctx.fail('hybrid lookup needs symmetric quantization (zero point 0)');
      if (perRow && (q.quantizedDimension !== 0 || q.scale.length !== value.shape[0])) {
        ctx.fail('per-channel quantized tables need one scale per row (quantized dimension 0)');
      }
      scales = hybridScales(value);
    } else if (perRow) {
      ctx.fail('per-channel quantized tables are only supported with a float32 output');
    }
    ctx.resizeOutput(0, [lookup.shape[0]!, ...value.shape.slice(1)]);
    return { scales };
  },
  eval(ctx, { scales }) {
    const lookup = ctx.input(0);
    const value = ctx.input(1);
    const ids = lookup.data as Int32Array;
    const rows = value.shape[0]!;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < 0 || id >= rows) ctx.fail(`embedding lookup index ${id} out of bounds [0, ${rows - 1}]`);
    }
    const output = ctx.output(0);
    if (scales === null) embeddingLookup(ids, value.shape, value.data, output.data);
    else embeddingLookupHybrid(ids, value.shape, value.data as Int8Array | Uint8Array, scales, output.data as Float32Array);
  },
};
