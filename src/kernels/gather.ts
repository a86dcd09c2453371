// GATHER: slices of the input along `axis` picked by integer positions, with optional
// leading batch dimensions shared by input and positions (batch_dims).
import type { GatherOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import { checkType, numElements } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';
import { copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8', 'int16', 'bool'];

export interface GatherData {
  axis: number;
  batchDims: number;
}

/**
 * Reference gather; every position must lie in [0, inShape[axis]).
 * Output shape: inShape[:axis] + posShape[batchDims:] + inShape[axis+1:].
 */
export function gather(
  inShape: readonly number[], input: TypedArray, axis: number, batchDims: number,
  posShape: readonly number[], positions: Int32Array | BigInt64Array, output: TypedArray,
): void {
  const batch = numElements(inShape.slice(0, batchDims));
  const outer = numElements(inShape.slice(batchDims, axis));
  const axisSize = inShape[axis]!;
  const inner = numElements(inShape.slice(axis + 1));
  const coords = numElements(posShape.slice(batchDims));
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < outer; o++) {
      const bo = b * outer + o;
      for (let c = 0; c < coords; c++) {
        const idx = Number(positions[b * coords + c]!);
        copyRange(output, (bo * coords + c) * inner, input, (bo * axisSize + idx) * inner, inner);
      }
    }
  }
}

export const GATHER: KernelRegistration<GatherData> = {
  prepare(ctx) {
    if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    const positions = ctx.input(1);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, positions, 'int32', 'int64');
    checkType(ctx, ctx.output(0), input.dtype);
    const options = ctx.options as GatherOptions;
    const rank = input.shape.length;
    const posRank = positions.shape.length;
    const axis = options.axis < 0 ? options.axis + rank : options.axis;
    if (!(axis >= 0 && axis < rank)) ctx.fail(`axis ${options.axis} out of range for input rank ${rank}`);
    const batchDims = options.batchDims < 0 ? options.batchDims + posRank : options.batchDims;
    if (!(batchDims >= 0 && batchDims < rank && batchDims <= posRank && batchDims <= axis)) {
      ctx.fail(`batch_dims ${options.batchDims} invalid for axis ${axis}, input rank ${rank}, positions rank ${posRank}`);
    }
    for (let i = 0; i < batchDims; i++) {
      if (input.shape[i] !== positions.shape[i]) {
        ctx.fail(`batch dimension ${i} differs: input [${input.shape}], positions [${positions.shape}]`);
      }
    }
    ctx.resizeOutput(0, [...input.shape.slice(0, axis), ...positions.shape.slice(batchDims), ...input.shape.slice(axis + 1)]);
    return { axis, batchDims };
  },
  eval(ctx, data) {
    const input = ctx.input(0);
    const positions = ctx.input(1);
    const axisSize = input.shape[data.axis]!;
    const pos = positions.data as Int32Array | BigInt64Array;
    for (let i = 0; i < pos.length; i++) {
      const p = Number(pos[i]!);
      if (!(p >= 0 && p < axisSize)) ctx.fail(`gather index ${p} out of bounds [0, ${axisSize})`);
    }
    gather(input.shape, input.data, data.axis, data.batchDims, positions.shape, pos, ctx.output(0).data);
  },
};
