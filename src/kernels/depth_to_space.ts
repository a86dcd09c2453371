// DEPTH_TO_SPACE (NHWC, DCR order): moves blocks of channels into blockSize x blockSize
// spatial tiles.
import type { DepthToSpaceOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import { checkRank, checkType } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';
import { checkShape, copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8'];

/** Reference: output[b, h*bs+dh, w*bs+dw, c] = input[b, h, w, (dh*bs+dw)*outDepth + c]. */
export function depthToSpace(inShape: readonly number[], input: TypedArray, blockSize: number, output: TypedArray): void {
  const [batch, inH, inW, inD] = inShape as [number, number, number, number];
  const outD = inD / (blockSize * blockSize);
  const outW = inW * blockSize;
  let src = 0;
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < inH; h++) {
      for (let w = 0; w < inW; w++) {
        for (let dh = 0; dh < blockSize; dh++) {
          for (let dw = 0; dw < blockSize; dw++, src += outD) {
            const dst = ((b * inH * blockSize + h * blockSize + dh) * outW + w * blockSize + dw) * outD;
            copyRange(output, dst, input, src, outD);
          }
        }
      }
    }
  }
}

export const DEPTH_TO_SPACE: KernelRegistration<{ blockSize: number }> = {
  prepare(ctx) {
    if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, ctx.output(0), input.dtype);
    checkRank(ctx, input, 4);
    const { blockSize } = ctx.options as DepthToSpaceOptions;
    if (!(blockSize >= 1)) ctx.fail(`block_size must be >= 1, got ${blockSize}`);
    const [batch, h, w, d] = input.shape as [number, number, number, number];
    if (d % (blockSize * blockSize) !== 0) ctx.fail(`depth ${d} is not a multiple of block_size^2 = ${blockSize * blockSize}`);
    const shape = [batch, h * blockSize, w * blockSize, d / (blockSize * blockSize)];
    checkShape(ctx, shape, 'output');
    ctx.resizeOutput(0, shape);
    return { blockSize };
  },
  eval(ctx, { blockSize }) {
    const input = ctx.input(0);
    depthToSpace(input.shape, input.data, blockSize, ctx.output(0).data);
  },
};
