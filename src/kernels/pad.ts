// PAD: pads every dimension with a constant. PADV2 (padv2.ts) shares this kernel; its third
// input gives the value, otherwise it is 0, or the output zero point for quantized types.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkMaxRank, checkType, isConstant, numElements, stridesOf } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkShape, copyRange, elems, fillRange, isQuantized, readInt32s } from './util/movement.js';

const PAD_TYPES: DType[] = ['float32', 'float16', 'bfloat16', 'uint8', 'int8', 'int16', 'int32', 'int64', 'bool'];
const PADDINGS_TYPES: DType[] = ['int32', 'int64', 'int8', 'int16'];
// TFLite's PadKernelMaxDimensionCount.
const MAX_RANK = 5;

export interface PadData {
  before: number[];
  /** The pad value when there is no constant-values input. */
  defaultValue: number | bigint;
}

/**
 * Reference pad: `output` is `padValue` everywhere except the box starting at `before`,
 * which holds `input`. `padValue` is a bigint for int64 arrays.
 */
export function pad(
  inShape: readonly number[], input: TypedArray, before: readonly number[], padValue: number | bigint,
  outShape: readonly number[], output: TypedArray,
): void {
  const rank = inShape.length;
  fillRange(output, padValue, 0, output.length);
  if (numElements(inShape) === 0) return;
  if (rank === 0) {
    elems(output)[0] = elems(input)[0]!;
    return;
  }
  // Copy the input one innermost row at a time.
  const outStrides = stridesOf(outShape);
  const row = inShape[rank - 1]!;
  const rows = numElements(inShape) / row;
  const idx = new Array<number>(rank - 1).fill(0);
  for (let r = 0; r < rows; r++) {
    let off = before[rank - 1]!;
    for (let d = 0; d < rank - 1; d++) off += (idx[d]! + before[d]!) * outStrides[d]!;
    copyRange(output, off, input, r * row, row);
    for (let d = rank - 2; d >= 0; d--) {
      idx[d] = idx[d]! + 1;
      if (idx[d]! < inShape[d]!) break;
      idx[d] = 0;
    }
  }
}

function padAmounts(ctx: OpContext, input: Tensor, paddings: Tensor): { before: number[]; shape: number[] } {
  const p = readInt32s(ctx, paddings, 'paddings');
  const rank = input.shape.length;
  const before: number[] = [];
  const shape: number[] = [];
  for (let d = 0; d < rank; d++) {
    const b = p[2 * d]!;
    const a = p[2 * d + 1]!;
    if (b < 0 || a < 0) ctx.fail(`paddings must be >= 0, got [${b}, ${a}] for dimension ${d}`);
    before.push(b);
    shape.push(input.shape[d]! + b + a);
  }
  checkShape(ctx, shape, 'padded output');
  return { before, shape };
}

function sameQuantization(a: Tensor, b: Tensor): boolean {
  return a.zeroPoint === b.zeroPoint && Math.fround(a.scale) === Math.fround(b.scale);
}

export function padPrepare(ctx: OpContext): PadData {
  if (ctx.numInputs !== 2 && ctx.numInputs !== 3) ctx.fail(`expected 2 or 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  const paddings = ctx.input(1);
  const output = ctx.output(0);
  checkType(ctx, input, ...PAD_TYPES);
  checkType(ctx, paddings, ...PADDINGS_TYPES);
  checkType(ctx, output, input.dtype);
  checkMaxRank(ctx, input, MAX_RANK);
  if (paddings.shape.length !== 2 || paddings.shape[0] !== input.shape.length || paddings.shape[1] !== 2) {
    ctx.fail(`paddings must have shape [${input.shape.length}, 2], got [${paddings.shape}]`);
  }
  // Integer types pad with the output zero point (0 when unquantized): quantized PAD pads with real 0.
  const integerQuantized = input.dtype === 'uint8' || ((input.dtype === 'int8' || input.dtype === 'int16') && isQuantized(input));
  const values = ctx.optionalInput(2);
  if (values !== null) {
    checkType(ctx, values, input.dtype);
    if (values.size !== 1) ctx.fail(`constant_values must have one element, got shape [${values.shape}]`);
    if (integerQuantized && !sameQuantization(values, output)) {
      ctx.fail('constant_values must have the same scale and zero point as the output');
    }
  }
  let defaultValue: number | bigint = input.dtype === 'int64' ? 0n : 0;
  if (integerQuantized) {
    const zp = output.zeroPoint;
    const [lo, hi] = input.dtype === 'uint8' ? [0, 255] : input.dtype === 'int8' ? [-128, 127] : [-32768, 32767];
    if (!(zp >= lo && zp <= hi)) ctx.fail(`output zero point ${zp} is outside the ${input.dtype} range`);
    defaultValue = zp;
  }
  if (!isConstant(paddings)) {
    ctx.markDynamic(0);
    return { before: [], defaultValue };
  }
  const { before, shape } = padAmounts(ctx, input, paddings);
  ctx.resizeOutput(0, shape);
  return { before, defaultValue };
}

export function padEval(ctx: OpContext, data: PadData): void {
  const input = ctx.input(0);
  let before = data.before;
  if (!isConstant(ctx.input(1))) {
    const amounts = padAmounts(ctx, input, ctx.input(1));
    before = amounts.before;
    ctx.resizeOutput(0, amounts.shape);
  }
  const values = ctx.optionalInput(2);
  const padValue = values !== null ? values.data[0]! : data.defaultValue;
  const output = ctx.output(0);
  pad(input.shape, input.data, before, padValue, output.shape, output.data);
}

export const PAD: KernelRegistration<PadData> = { prepare: padPrepare, eval: padEval };
