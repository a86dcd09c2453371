// DENSIFY (TFLite densify.cc): expands a constant sparse tensor (TFLite's SparsityParameters:
// traversal_order, block_map, dim_metadata DENSE / SPARSE_CSR) into its dense form, following
// internal/utils/sparsity_format_converter.cc's SparseToDense. The input's data is the compact
// values buffer; its shape is the dense shape.
import type { DensifyOptions } from '../schema/generated.js';
import type { SparsityT } from '../schema/model.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkType, isConstant, numElements, stridesOf } from './kernel_util.js';
import { checkCounts, checkSameDtype } from './util/reduce.js';

const DENSE = 0;
const SPARSE_CSR = 1;

/**
 * For each stored value, in storage order, its flat index in the dense tensor
 * (FormatConverter::Populate). Returns an error message when the sparsity parameters
 * do not describe `denseShape` or would read or write out of bounds.
 */
export function sparseToDenseIndex(denseShape: readonly number[], sp: SparsityT, numValues: number): Int32Array | string {
  const rank = denseShape.length;
  const order = sp.traversalOrder;
  const blockMap = sp.blockMap;
  const meta = sp.dimMetadata;
  const levels = rank + blockMap.length;
  if (order.length !== levels) return `traversal_order has ${order.length} entries, expected ${levels} (rank ${rank} + ${blockMap.length} block dims)`;
  if (meta.length !== levels) return `dim_metadata has ${meta.length} entries, expected ${levels}`;
  // Original dims are traversed first, block dims after them.
  for (let i = 0; i < levels; i++) {
    const t = order[i]!;
    const ok = i < rank ? t >= 0 && t < rank : t >= rank && t < levels;
    if (!Number.isInteger(t) || !ok || order.indexOf(t) !== i) return `traversal_order [${order}] is not a valid permutation`;
  }
  for (let b = 0; b < blockMap.length; b++) {
    const d = blockMap[b]!;
    if (!Number.isInteger(d) || d < 0 || d >= rank || (b > 0 && d <= blockMap[b - 1]!)) return `block_map [${blockMap}] is invalid`;
  }
  // Block sizes come from the dense_size of the block dims (InitSparseToDenseConverter).
  const blockSize = blockMap.map((_, b) => meta[order[rank + b]!]!.denseSize);
  const expanded: number[] = [];
  for (let d = 0; d < rank; d++) {
    const b = blockMap.indexOf(d);
    if (b >= 0 && !(blockSize[b]! > 0)) return `block size ${blockSize[b]} of dim ${d} must be positive`;
    expanded.push(b >= 0 ? Math.trunc(denseShape[d]! / blockSize[b]!) : denseShape[d]!);
  }
  expanded.push(...blockSize);
  for (let l = 0; l < levels; l++) {
    const m = meta[l]!;
    if (m.format === DENSE) {
      // A larger dense size would write past the dense tensor.
      if (!Number.isInteger(m.denseSize) || m.denseSize < 0 || m.denseSize > expanded[order[l]!]!) {
        return `dim_metadata[${l}] dense_size ${m.denseSize} exceeds the dimension size ${expanded[order[l]!]}`;
      }
    } else if (m.format === SPARSE_CSR) {
      if (m.arraySegments === null || m.arrayIndices === null) return `dim_metadata[${l}] is SPARSE_CSR without array_segments/array_indices`;
    } else {
      return `dim_metadata[${l}] has unknown format ${m.format}`;
    }
  }

  const denseSize = numElements(denseShape);
  const strides = stridesOf(denseShape);
  const dest = new Int32Array(numValues);
  const indices = new Array<number>(levels).fill(0);
  const origIdx = new Array<number>(rank).fill(0);
  let next = 0;
  let error: string | null = null;

  const emit = (): void => {
    for (let i = 0; i < rank; i++) origIdx[order[i]!] = indices[i]!;
    for (let i = rank; i < levels; i++) {
      const b = order[i]! - rank;
      const d = blockMap[b]!;
      origIdx[d] = origIdx[d]! * blockSize[b]! + indices[i]!;
    }
    let flat = 0;
    for (let d = 0; d < rank; d++) flat += origIdx[d]! * strides[d]!;
    if (next >= numValues) error = `the sparse tensor stores ${numValues} values, its metadata addresses more`;
    else if (!(flat >= 0 && flat < denseSize)) error = `sparse index [${origIdx}] is outside the dense shape [${denseShape}]`;
    else dest[next++] = flat;
  };

  const populate = (level: number, prev: number): void => {
    if (error !== null) return;
    if (level === levels) {
      emit();
      return;
    }
    const m = meta[level]!;
    if (m.format === DENSE) {
      for (let i = 0; i < m.denseSize && error === null; i++) {
        indices[level] = i;
        populate(level + 1, prev * m.denseSize + i);
      }
      return;
    }
    // TFLite skips segments and positions that fall outside the arrays.
    const segments = m.arraySegments!.values;
    const idx = m.arrayIndices!.values;
    if (prev + 1 >= segments.length) return;
    const start = Math.max(segments[prev]!, 0);
    const end = Math.min(segments[prev + 1]!, idx.length);
    for (let i = start; i < end && error === null; i++) {
      indices[level] = idx[i]!;
      populate(level + 1, i);
    }
  };
  populate(0, 0);
  if (error !== null) return error;
  return next === numValues ? dest : dest.slice(0, next);
}

/** Reference kernel: zero-fills `output` and scatters `values[i]` to `dest[i]`. */
export function densify(values: TypedArray, dest: Int32Array, output: TypedArray): void {
  (output as Float32Array).fill(0);
  const v = values as Float32Array;
  const o = output as Float32Array;
  for (let i = 0; i < dest.length; i++) o[dest[i]!] = v[i]!;
}

function sparsityOf(ctx: OpContext): SparsityT {
  const s = ctx.input(0).sparsity;
  if (s === null) ctx.fail(`input '${ctx.input(0).name}' has no sparsity parameters`);
  return s;
}

export const DENSIFY: KernelRegistration<{ dest: Int32Array }, DensifyOptions> = {
  prepare(ctx) {
    checkCounts(ctx, 1, 1);
    const input = ctx.input(0);
    checkType(ctx, input, 'float32', 'float16', 'int8');
    checkSameDtype(ctx, input, ctx.output(0));
    if (!isConstant(input)) ctx.fail(`input '${input.name}' must be a constant tensor`);
    const dest = sparseToDenseIndex(input.shape, sparsityOf(ctx), input.data.length);
    if (typeof dest === 'string') return ctx.fail(dest);
    ctx.resizeOutput(0, input.shape);
    return { dest };
  },
  eval(ctx, data) {
    densify(ctx.input(0).data, data.dest, ctx.output(0).data);
  },
};
