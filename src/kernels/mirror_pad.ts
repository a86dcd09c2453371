// MIRROR_PAD: pads by mirroring the input at its borders, REFLECT (edge not repeated) or
// SYMMETRIC (edge repeated).
import type { Tensor } from '../interpreter/tensor.js';
import { MirrorPadMode, type MirrorPadOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant, numElements, stridesOf } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkSameQuantization } from './util/data_movement.js';
import { checkShape, elems, readInt32s } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'];

export interface MirrorPadData {
  /** 1 for REFLECT, 0 for SYMMETRIC: how far the mirror sits inside the edge. */
  offset: number;
  before: number[];
}

/** Input index along one dimension for each padded index. */
function mirrorMap(size: number, before: number, after: number, offset: number): Int32Array {
  const map = new Int32Array(size + before + after);
  for (let o = 0; o < map.length; o++) {
    const i = o - before;
    map[o] = i < 0 ? -i - 1 + offset : i >= size ? 2 * size - i - 1 - offset : i;
  }
  return map;
}

/** Reference mirror pad; `before[d]` is the padding ahead of dimension `d`, `offset` as in MirrorPadData. */
export function mirrorPad(
  inShape: readonly number[], input: TypedArray, before: readonly number[], offset: number,
  outShape: readonly number[], output: TypedArray,
): void {
  const rank = inShape.length;
  const total = numElements(outShape);
  if (total === 0) return;
  const maps = inShape.map((size, d) => mirrorMap(size, before[d]!, outShape[d]! - size - before[d]!, offset));
  const inStrides = stridesOf(inShape);
  const src = elems(input);
  const dst = elems(output);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < total; o++) {
    let off = 0;
    for (let d = 0; d < rank; d++) off += maps[d]![idx[d]!]! * inStrides[d]!;
    dst[o] = src[off]!;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = idx[d]! + 1;
      if (idx[d]! < outShape[d]!) break;
      idx[d] = 0;
    }
  }
}

function padAmounts(ctx: OpContext, input: Tensor, paddings: Tensor, offset: number): { before: number[]; shape: number[] } {
  const p = readInt32s(ctx, paddings, 'paddings');
  const before: number[] = [];
  const shape: number[] = [];
  for (let d = 0; d < input.shape.length; d++) {
    const size = input.shape[d]!;
    const b = p[2 * d]!;
    const a = p[2 * d + 1]!;
    // Each side can mirror at most the elements inside the edge (all of them for SYMMETRIC).
    const max = Math.max(size - offset, 0);
    if (b < 0 || a < 0 || b > max || a > max) {
      ctx.fail(`paddings [${b}, ${a}] of dimension ${d} (size ${size}) must be in [0, ${max}]`);
    }
    before.push(b);
    shape.push(size + b + a);
  }
  checkShape(ctx, shape, 'padded output');
  return { before, shape };
}

export const MIRROR_PAD: KernelRegistration<MirrorPadData> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    const paddings = ctx.input(1);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, paddings, 'int32', 'int64');
    checkType(ctx, ctx.output(0), input.dtype);
    checkSameQuantization(ctx, input, ctx.output(0));
    if (paddings.shape.length !== 2 || paddings.shape[0] !== input.shape.length || paddings.shape[1] !== 2) {
      ctx.fail(`paddings must have shape [${input.shape.length}, 2], got [${paddings.shape}]`);
    }
    const { mode } = ctx.options as MirrorPadOptions;
    if (mode !== MirrorPadMode.REFLECT && mode !== MirrorPadMode.SYMMETRIC) ctx.fail(`unknown mirror pad mode ${mode}`);
    const offset = mode === MirrorPadMode.REFLECT ? 1 : 0;
    if (!isConstant(paddings)) {
      ctx.markDynamic(0);
      return { offset, before: [] };
    }
    const { before, shape } = padAmounts(ctx, input, paddings, offset);
    ctx.resizeOutput(0, shape);
    return { offset, before };
  },
  eval(ctx, data) {
    const input = ctx.input(0);
    let before = data.before;
    if (!isConstant(ctx.input(1))) {
      const amounts = padAmounts(ctx, input, ctx.input(1), data.offset);
      before = amounts.before;
      ctx.resizeOutput(0, amounts.shape);
    }
    const output = ctx.output(0);
    mirrorPad(input.shape, input.data, before, data.offset, output.shape, output.data);
  },
};
