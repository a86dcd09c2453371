// TILE: repeats the input multiples[d] times along each dim (TFLite tile.cc).
import type { TileOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkOutputType, checkShape, copyElements, readIndexTensor } from './util/data_movement.js';

/**
 * Tiles `input` of `inShape` by `multiples` into `output` (TFLite's TileOneDimension:
 * lay out one copy of each sub-block, then duplicate it in place).
 */
export function tile(inShape: readonly number[], multiples: readonly number[], input: TypedArray, output: TypedArray): void {
  const rank = inShape.length;
  // A zero multiple or dim empties the output; the copy-then-duplicate scheme needs room for one copy.
  if (output.length === 0) return;
  if (rank === 0) {
    copyElements(input, 0, output, 0, 1);
    return;
  }
  // Returns [input elements consumed, output elements produced].
  const rec = (d: number, inOff: number, outOff: number): [number, number] => {
    const size = inShape[d]!;
    const mult = multiples[d]!;
    let consumed = 0;
    let produced = 0;
    if (d === rank - 1) {
      copyElements(input, inOff, output, outOff, size);
      consumed = produced = size;
    } else {
      for (let i = 0; i < size; i++) {
        const [c, p] = rec(d + 1, inOff + consumed, outOff + produced);
        consumed += c;
        produced += p;
      }
    }
    for (let m = 1; m < mult; m++) copyElements(output, outOff, output, outOff + m * produced, produced);
    return [consumed, produced * mult];
  };
  rec(0, 0, 0);
}

export function tileShape(inShape: readonly number[], multiples: readonly number[]): number[] | string {
  if (multiples.length !== inShape.length) return `multiples has ${multiples.length} entries for rank ${inShape.length}`;
  const out: number[] = [];
  for (let i = 0; i < inShape.length; i++) {
    const m = multiples[i]!;
    if (!Number.isInteger(m) || m < 0) return `multiples [${multiples}] has a negative entry`;
    out.push(inShape[i]! * m);
  }
  return out;
}

interface TileData {
  dynamic: boolean;
  multiples: number[];
}

function resolve(ctx: OpContext): number[] {
  const input = ctx.input(0);
  const multiples = readIndexTensor(ctx, ctx.input(1), 'multiples');
  const shape = tileShape(input.shape, multiples);
  if (typeof shape === 'string') ctx.fail(shape);
  checkShape(ctx, shape, 'output shape');
  ctx.resizeOutput(0, shape);
  return multiples;
}

export const TILE: KernelRegistration<TileData, TileOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const input = ctx.input(0);
    const multiples = ctx.input(1);
    checkMovable(ctx, input);
    checkOutputType(ctx, input, ctx.output(0));
    if (multiples.dtype !== 'int32' && multiples.dtype !== 'int64') ctx.fail(`multiples has type ${multiples.dtype}, expected int32 or int64`);
    if (multiples.shape.length !== 1 || multiples.shape[0] !== input.shape.length) ctx.fail(`multiples must have shape [${input.shape.length}], got [${multiples.shape}]`);
    if (!multiples.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true, multiples: [] };
    }
    return { dynamic: false, multiples: resolve(ctx) };
  },
  eval(ctx, data) {
    const multiples = data.dynamic ? resolve(ctx) : data.multiples;
    const input = ctx.input(0);
    tile(input.shape, multiples, input.data, ctx.output(0).data);
  },
};
