// SPACE_TO_DEPTH (NHWC): moves blockSize x blockSize spatial tiles into the channels.
import type { TypedArray } from '../types.js';
import type { KernelRegistration } from './registration.js';
import { moveBlocks, prepareBlockMove } from './util/space_depth.js';

/** Reference: output[b, h, w, (dh*bs+dw)*inDepth + c] = input[b, h*bs+dh, w*bs+dw, c]. */
export function spaceToDepth(inShape: readonly number[], input: TypedArray, blockSize: number, output: TypedArray): void {
  const [batch, inH, inW, inD] = inShape as [number, number, number, number];
  moveBlocks(batch, inH / blockSize, inW / blockSize, blockSize, inD, input, output, true);
}

export const SPACE_TO_DEPTH: KernelRegistration<{ blockSize: number }> = {
  prepare(ctx) {
    return prepareBlockMove(ctx, ([batch, h, w, d], blockSize) => {
      if (h % blockSize !== 0 || w % blockSize !== 0) ctx.fail(`height ${h} and width ${w} must be multiples of block_size ${blockSize}`);
      return [batch, h / blockSize, w / blockSize, d * blockSize * blockSize];
    });
  },
  eval(ctx, { blockSize }) {
    const input = ctx.input(0);
    spaceToDepth(input.shape, input.data, blockSize, ctx.output(0).data);
  },
};
