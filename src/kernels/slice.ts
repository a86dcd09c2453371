// SLICE: a contiguous box given by begin and size (-1 = to the end) (TFLite slice.cc).
import type { SliceOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, readIndexTensor, stridedCopy } from './util/data_movement.js';

const MAX_RANK = 5;

/** Resolves begin/size against `inShape` to the slice's sizes, or an error message. */
export function resolveSlice(inShape: readonly number[], begin: readonly number[], size: readonly number[]): number[] | string {
  const out: number[] = [];
  for (let d = 0; d < inShape.length; d++) {
    const dim = inShape[d]!;
    const b = begin[d]!;
    let s = size[d]!;
    if (b < 0 || b > dim) return `begin ${b} out of range for dim ${d} of size ${dim}`;
    if (s === -1) s = dim - b;
    else if (s < 0) return `invalid size ${s} for dim ${d}`;
    else if (b + s > dim) return `begin ${b} + size ${s} exceeds dim ${d} of size ${dim}`;
    out.push(s);
  }
  return out;
}

/** Copies the box at `begin` of `outShape` out of `input` (row-major). */
export function slice(inShape: readonly number[], begin: readonly number[], outShape: readonly number[], input: TypedArray, output: TypedArray): void {
  const stop = begin.map((b, i) => b + outShape[i]!);
  stridedCopy(inShape, begin, stop, begin.map(() => 1), input, output);
}

interface SliceData {
  dynamic: boolean;
  begin: number[];
  size: number[];
}

function resolve(ctx: OpContext): { begin: number[]; size: number[] } {
  const input = ctx.input(0);
  const begin = readIndexTensor(ctx, ctx.input(1), 'begin');
  const size = resolveSlice(input.shape, begin, readIndexTensor(ctx, ctx.input(2), 'size'));
  if (typeof size === 'string') ctx.fail(size);
  ctx.resizeOutput(0, size);
  return { begin, size };
}

export const SLICE: KernelRegistration<SliceData, SliceOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 3);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const begin = ctx.input(1);
    const size = ctx.input(2);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    const rank = input.shape.length;
    if (rank > MAX_RANK) ctx.fail(`input rank ${rank} exceeds ${MAX_RANK}`);
    for (const [t, what] of [[begin, 'begin'], [size, 'size']] as const) {
      if (t.dtype !== 'int32' && t.dtype !== 'int64') ctx.fail(`${what} has type ${t.dtype}, expected int32 or int64`);
      if (t.shape.length !== 1 || t.shape[0] !== rank) ctx.fail(`${what} must have shape [${rank}], got [${t.shape}]`);
    }
    if (begin.dtype !== size.dtype) ctx.fail(`begin is ${begin.dtype} but size is ${size.dtype}`);
    if (!begin.isConstant || !size.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true, begin: [], size: [] };
    }
    return { dynamic: false, ...resolve(ctx) };
  },
  eval(ctx, data) {
    const { begin, size } = data.dynamic ? resolve(ctx) : data;
    const input = ctx.input(0);
    slice(input.shape, begin, size, input.data, ctx.output(0).data);
  },
};
