// Shared parts of DEPTH_TO_SPACE and SPACE_TO_DEPTH, which move the same blocks in opposite directions.
import type { DepthToSpaceOptions, SpaceToDepthOptions } from '../../schema/generated.js';
import type { DType, TypedArray } from '../../types.js';
import { checkRank, checkType } from '../kernel_util.js';
import type { OpContext } from '../registration.js';
import { checkShape, copyRange } from './movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8'];

/**
 * Moves `depth` values at a time between a space layout [batch, h·bs, w·bs, depth] and its depth layout
 * [batch, h, w, bs·bs·depth] (DCR order: space[b, y·bs + dy, x·bs + dx, c] = depth[b, y, x, (dy·bs + dx)·depth + c]),
 * from `space` to `depthLayout` when `toDepth`, else back.
 */
export function moveBlocks(
  batch: number, h: number, w: number, bs: number, depth: number, space: TypedArray, depthLayout: TypedArray, toDepth: boolean,
): void {
  const spaceH = h * bs, spaceW = w * bs;
  let d = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let dy = 0; dy < bs; dy++) {
          for (let dx = 0; dx < bs; dx++, d += depth) {
            const s = ((b * spaceH + y * bs + dy) * spaceW + x * bs + dx) * depth;
            if (toDepth) copyRange(depthLayout, d, space, s, depth);
            else copyRange(space, s, depthLayout, d, depth);
          }
        }
      }
    }
  }
}

/**
 * Prepare of DEPTH_TO_SPACE / SPACE_TO_DEPTH: one 4-D input of a movable type, an output of the same type,
 * block_size >= 1; `outShape` checks the input shape and gives the output's.
 */
export function prepareBlockMove(
  ctx: OpContext<DepthToSpaceOptions | SpaceToDepthOptions>,
  outShape: (shape: [number, number, number, number], blockSize: number) => number[],
): { blockSize: number } {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, ...TYPES);
  checkType(ctx, ctx.output(0), input.dtype);
  checkRank(ctx, input, 4);
  const { blockSize } = ctx.options;
  if (!(blockSize >= 1)) ctx.fail(`block_size must be >= 1, got ${blockSize}`);
  const shape = outShape(input.shape as [number, number, number, number], blockSize);
  checkShape(ctx, shape, 'output');
  ctx.resizeOutput(0, shape);
  return { blockSize };
}
