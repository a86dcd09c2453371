// TOPK_V2: the k largest values of each last-dimension row and their indices (TFLite topk_v2.cc).
// Rows come out in decreasing value; equal values keep increasing index order, as TFLite's comparator.
import type { TopKV2Options } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkType, isConstant } from './kernel_util.js';
import { checkCounts, checkSameDtype } from './util/reduce.js';

/** Reference kernel: `rows` rows of `rowSize` values; writes `rows` x `k` values and indices. */
export function topK(rows: number, rowSize: number, k: number, input: TypedArray, values: TypedArray, indices: Int32Array | Int16Array): void {
  const x = input as Float32Array;
  const v = values as Float32Array;
  const order = new Array<number>(rowSize);
  for (let r = 0; r < rows; r++) {
    const base = r * rowSize;
    for (let i = 0; i < rowSize; i++) order[i] = i;
    order.sort((a, b) => {
      const va = x[base + a]!;
      const vb = x[base + b]!;
      return va > vb ? -1 : va < vb ? 1 : a - b;
    });
    for (let j = 0; j < k; j++) {
      const i = order[j]!;
      indices[r * k + j] = i;
      v[r * k + j] = x[base + i]!;
    }
  }
}

function readK(ctx: OpContext): number {
  const input = ctx.input(0);
  const kt = ctx.input(1);
  if (kt.data.length < 1) ctx.fail(`k tensor '${kt.name}' holds no value`);
  const k = Number(kt.data[0]);
  const rank = input.shape.length;
  const last = input.shape[rank - 1]!;
  if (k < 0 || k > last) ctx.fail(`k = ${k} is outside [0, ${last}], the size of the last dimension`);
  const shape = input.shape.slice(0, rank - 1).concat(k);
  ctx.resizeOutput(0, shape);
  ctx.resizeOutput(1, shape);
  return k;
}

export const TOPK_V2: KernelRegistration<{ k: number }, TopKV2Options> = {
  prepare(ctx) {
    checkCounts(ctx, 2, 2);
    const input = ctx.input(0);
    const kt = ctx.input(1);
    checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16', 'int32', 'int64');
    checkSameDtype(ctx, input, ctx.output(0));
    checkType(ctx, ctx.output(1), 'int32', 'int16');
    checkType(ctx, kt, 'int32', 'int16');
    if (kt.size !== 1) ctx.fail(`k tensor '${kt.name}' must hold one value, has shape [${kt.shape}]`);
    if (input.shape.length < 1) ctx.fail('input must have rank 1 or more');
    if (!isConstant(kt)) {
      ctx.markDynamic(0);
      ctx.markDynamic(1);
      return { k: -1 };
    }
    return { k: readK(ctx) };
  },
  eval(ctx, data) {
    const k = data.k >= 0 ? data.k : readK(ctx);
    const input = ctx.input(0);
    const rowSize = input.shape[input.shape.length - 1]!;
    const rows = rowSize === 0 ? 0 : input.size / rowSize;
    topK(rows, rowSize, k, input.data, ctx.output(0).data, ctx.output(1).data as Int32Array | Int16Array);
  },
};
