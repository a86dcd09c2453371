// TRANSPOSE: permutes dims by a perm tensor (int32/int64), rank up to 6 (TFLite transpose.cc).
import type { TransposeOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { stridesOf } from './kernel_util.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, elements, orFail, readIndexTensor } from './util/data_movement.js';

const MAX_RANK = 6;

/** Checks that `perm` is a permutation of [0, rank); an error message otherwise. */
export function checkPerm(perm: readonly number[], rank: number): number[] | string {
  if (perm.length !== rank) return `perm has ${perm.length} entries for rank ${rank}`;
  const seen = new Array<boolean>(rank).fill(false);
  for (const p of perm) {
    if (!Number.isInteger(p) || p < 0 || p >= rank) return `perm value ${p} out of range for rank ${rank}`;
    if (seen[p]) return `perm [${perm}] repeats ${p}`;
    seen[p] = true;
  }
  return perm.slice();
}

/** output[i0..in] = input at the index whose dim perm[k] is ik. */
export function transpose(perm: readonly number[], inShape: readonly number[], input: TypedArray, output: TypedArray): void {
  const rank = perm.length;
  const total = output.length;
  if (rank === 0) {
    if (total > 0) elements(output)[0] = elements(input)[0]!;
    return;
  }
  const inStrides = stridesOf(inShape);
  const outShape = perm.map((p) => inShape[p]!);
  const step = perm.map((p) => inStrides[p]!);
  const src = elements(input);
  const dst = elements(output);
  const counter = new Array<number>(rank).fill(0);
  const last = rank - 1;
  const lastSize = outShape[last]!;
  const lastStep = step[last]!;
  if (lastSize === 0) return;
  let base = 0;
  for (let o = 0; o < total; o += lastSize) {
    for (let j = 0, s = base; j < lastSize; j++, s += lastStep) dst[o + j] = src[s]!;
    for (let d = last - 1; d >= 0; d--) {
      counter[d]!++;
      base += step[d]!;
      if (counter[d]! < outShape[d]!) break;
      base -= step[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
}

interface TransposeData {
  dynamic: boolean;
  perm: number[];
}

function resolve(ctx: OpContext): number[] {
  const input = ctx.input(0);
  const perm = orFail(ctx, checkPerm(readIndexTensor(ctx, ctx.input(1), 'perm'), input.shape.length));
  ctx.resizeOutput(0, perm.map((p) => input.shape[p]!));
  return perm;
}

export const TRANSPOSE: KernelRegistration<TransposeData, TransposeOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const perm = ctx.input(1);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    if (input.shape.length > MAX_RANK) ctx.fail(`input rank ${input.shape.length} exceeds ${MAX_RANK}`);
    if (perm.dtype !== 'int32' && perm.dtype !== 'int64') ctx.fail(`perm has type ${perm.dtype}, expected int32 or int64`);
    if (perm.shape.length !== 1 || perm.shape[0] !== input.shape.length) ctx.fail(`perm must have shape [${input.shape.length}], got [${perm.shape}]`);
    if (!perm.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true, perm: [] };
    }
    return { dynamic: false, perm: resolve(ctx) };
  },
  eval(ctx, data) {
    const perm = data.dynamic ? resolve(ctx) : data.perm;
    const input = ctx.input(0);
    transpose(perm, input.shape, input.data, ctx.output(0).data);
  },
};
