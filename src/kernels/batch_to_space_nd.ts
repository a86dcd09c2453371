// BATCH_TO_SPACE_ND: moves block_shape tiles of the batch back into the spatial dimensions,
// then crops them. 3-D (NHC) and 4-D (NHWC) inputs, as TFLite supports.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkSameQuantization } from './util/data_movement.js';
import { asNhwc, type BlockPlan, checkShape, checkSpaceBatchInputs, copyRange, evalBlockPlan, readInt32s } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'];

/** `before`: the crop before each spatial dimension. */
type BatchToSpaceData = BlockPlan;

/**
 * Reference on NHWC views (3-D inputs as NH1C): input batch ib lands in output batch
 * ib % outBatch at spatial shift (ib / outBatch) within the block; cropped positions are dropped.
 */
export function batchToSpaceNd(
  inShape: readonly [number, number, number, number], input: TypedArray, blockH: number, blockW: number,
  cropTop: number, cropLeft: number, outShape: readonly [number, number, number, number], output: TypedArray,
): void {
  const [inB, inH, inW, depth] = inShape;
  const [outB, outH, outW] = outShape;
  for (let ib = 0; ib < inB; ib++) {
    const ob = ib % outB;
    const shift = Math.floor(ib / outB);
    const shiftH = Math.floor(shift / blockW);
    const shiftW = shift % blockW;
    for (let ih = 0; ih < inH; ih++) {
      const oh = ih * blockH + shiftH - cropTop;
      if (oh < 0 || oh >= outH) continue;
      for (let iw = 0; iw < inW; iw++) {
        const ow = iw * blockW + shiftW - cropLeft;
        if (ow < 0 || ow >= outW) continue;
        copyRange(output, ((ob * outH + oh) * outW + ow) * depth, input, ((ib * inH + ih) * inW + iw) * depth, depth);
      }
    }
  }
}

function plan(ctx: OpContext, input: Tensor, blockShape: Tensor, crops: Tensor): { block: number[]; before: number[]; shape: number[] } {
  const block = readInt32s(ctx, blockShape, 'block_shape');
  const crop = readInt32s(ctx, crops, 'crops');
  if (crop.some((c) => c < 0)) ctx.fail(`crops must be >= 0, got [${crop}]`);
  const shape = [...input.shape];
  const before: number[] = [];
  for (let d = 0; d < block.length; d++) {
    const b = block[d]!;
    if (b < 1) ctx.fail(`block_shape values must be >= 1, got ${b}`);
    if (shape[0]! % b !== 0) ctx.fail(`batch ${shape[0]} is not divisible by block_shape [${block}]`);
    shape[0] = shape[0]! / b;
    shape[d + 1] = input.shape[d + 1]! * b - crop[2 * d]! - crop[2 * d + 1]!;
    if (shape[d + 1]! < 0) ctx.fail(`crops [${crop[2 * d]}, ${crop[2 * d + 1]}] exceed spatial dimension ${d}`);
    before.push(crop[2 * d]!);
  }
  checkShape(ctx, shape, 'output');
  return { block, before, shape };
}

export const BATCH_TO_SPACE_ND: KernelRegistration<BatchToSpaceData> = {
  prepare(ctx) {
    if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    const blockShape = ctx.input(1);
    const crops = ctx.input(2);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, ctx.output(0), input.dtype);
    checkSameQuantization(ctx, input, ctx.output(0));
    checkSpaceBatchInputs(ctx, input, blockShape, crops, 'crops');
    if (!isConstant(blockShape) || !isConstant(crops)) {
      ctx.markDynamic(0);
      return { block: [], before: [] };
    }
    const { block, before, shape } = plan(ctx, input, blockShape, crops);
    ctx.resizeOutput(0, shape);
    return { block, before };
  },
  eval(ctx, data) {
    const input = ctx.input(0);
    const { block, before } = evalBlockPlan(ctx, data, plan);
    const output = ctx.output(0);
    batchToSpaceNd(asNhwc(input.shape), input.data, block[0]!, block[1] ?? 1, before[0]!, before[1] ?? 0,
      asNhwc(output.shape), output.data);
  },
};
