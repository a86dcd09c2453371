// DEPTH_TO_SPACE (NHWC, DCR order): moves blocks of channels into blockSize x blockSize
// spatial tiles.
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { moveBlocks, prepareBlockMove } from './util/space_depth.js';

/** Reference: output[b, h*bs+dh, w*bs+dw, c] = input[b, h, w, (dh*bs+dw)*outDepth + c]. */
export function depthToSpace(inShape: readonly number[], input: TypedArray, blockSize: number, output: TypedArray): void {
  const [batch, inH, inW, inD] = inShape as [number, number, number, number];
  moveBlocks(batch, inH, inW, blockSize, inD / (blockSize * blockSize), output, input, false);
}

export const DEPTH_TO_SPACE: KernelRegistration<{ blockSize: number }> = {
  prepare(ctx) {
    return prepareBlockMove(ctx, ([batch, h, w, d], blockSize) => {
      if (d % (blockSize * blockSize) !== 0) ctx.fail(`depth ${d} is not a multiple of block_size^2 = ${blockSize * blockSize}`);
      return [batch, h * blockSize, w * blockSize, d / (blockSize * blockSize)];
    });
  },
  eval(ctx, { blockSize }) {
    const input = ctx.input(0);
    depthToSpace(input.shape, input.data, blockSize, ctx.output(0).data);
  },
};
