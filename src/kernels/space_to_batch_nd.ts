// SPACE_TO_BATCH_ND: zero-pads the spatial dimensions, then moves block_shape tiles of them
// into the batch. 3-D (NHC) and 4-D (NHWC) inputs, as TFLite supports.
import type { Tensor } from '../interpreter/tensor.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { asNhwc, type BlockPlan, checkShape, checkSpaceBatchInputs, copyRange, evalBlockPlan, fillRange, isQuantized, readInt32s } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16'];

/** `before`: the padding before each spatial dimension. */
interface SpaceToBatchData extends BlockPlan {
  /** Output zero point for quantized types, else 0. */
  padValue: number | bigint;
}

/**
 * Reference on NHWC views (3-D inputs as NH1C): output batch ob takes input batch
 * ob % inBatch at spatial shift (ob / inBatch) within the block; padded positions get `padValue`.
 */
export function spaceToBatchNd(
  inShape: readonly [number, number, number, number], input: TypedArray, blockH: number, blockW: number,
  padTop: number, padLeft: number, outShape: readonly [number, number, number, number], output: TypedArray,
  padValue: number | bigint,
): void {
  const [inB, inH, inW, depth] = inShape;
  const [outB, outH, outW] = outShape;
  for (let ob = 0; ob < outB; ob++) {
    const ib = ob % inB;
    const shift = Math.floor(ob / inB);
    const shiftH = Math.floor(shift / blockW);
    const shiftW = shift % blockW;
    for (let oh = 0; oh < outH; oh++) {
      const h = oh * blockH + shiftH - padTop;
      for (let ow = 0; ow < outW; ow++) {
        const w = ow * blockW + shiftW - padLeft;
        const dst = ((ob * outH + oh) * outW + ow) * depth;
        if (h < 0 || h >= inH || w < 0 || w >= inW) fillRange(output, padValue, dst, dst + depth);
        else copyRange(output, dst, input, ((ib * inH + h) * inW + w) * depth, depth);
      }
    }
  }
}

function plan(ctx: OpContext, input: Tensor, blockShape: Tensor, paddings: Tensor): { block: number[]; before: number[]; shape: number[] } {
  const block = readInt32s(ctx, blockShape, 'block_shape');
  const pads = readInt32s(ctx, paddings, 'paddings');
  const shape = [...input.shape];
  const before: number[] = [];
  for (let d = 0; d < block.length; d++) {
    const b = block[d]!;
    if (b < 1) ctx.fail(`block_shape values must be >= 1, got ${b}`);
    const padded = input.shape[d + 1]! + pads[2 * d]! + pads[2 * d + 1]!;
    if (padded < 0 || padded % b !== 0) ctx.fail(`padded size ${padded} of spatial dimension ${d} is not a multiple of block ${b}`);
    shape[d + 1] = padded / b;
    shape[0] = shape[0]! * b;
    before.push(pads[2 * d]!);
  }
  checkShape(ctx, shape, 'output');
  return { block, before, shape };
}

export const SPACE_TO_BATCH_ND: KernelRegistration<SpaceToBatchData> = {
  prepare(ctx) {
    if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    const blockShape = ctx.input(1);
    const paddings = ctx.input(2);
    const output = ctx.output(0);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, output, input.dtype);
    checkSpaceBatchInputs(ctx, input, blockShape, paddings, 'paddings');
    let padValue: number | bigint = input.dtype === 'int64' ? 0n : 0;
    if (input.dtype === 'uint8' || input.dtype === 'int8' || input.dtype === 'int16') {
      if (input.scale !== output.scale || input.zeroPoint !== output.zeroPoint) ctx.fail('input and output quantization must match');
      if (input.dtype === 'int16' && isQuantized(input) && input.zeroPoint !== 0) ctx.fail('int16 needs zero point 0');
      padValue = output.zeroPoint;
    }
    if (!isConstant(blockShape) || !isConstant(paddings)) {
      ctx.markDynamic(0);
      return { padValue, block: [], before: [] };
    }
    const { block, before, shape } = plan(ctx, input, blockShape, paddings);
    ctx.resizeOutput(0, shape);
    return { padValue, block, before };
  },
  eval(ctx, data) {
    const input = ctx.input(0);
    const { block, before } = evalBlockPlan(ctx, data, plan);
    const output = ctx.output(0);
    spaceToBatchNd(asNhwc(input.shape), input.data, block[0]!, block[1] ?? 1, before[0]!, before[1] ?? 0,
      asNhwc(output.shape), output.data, data.padValue);
  },
};
