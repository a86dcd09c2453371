// SPACE_TO_DEPTH (NHWC): moves blockSize x blockSize spatial tiles into the channels.
import type { SpaceToDepthOptions } from '../schema/generated.js';
import type { DType, TypedArray } from '../types.js';
import { checkRank, checkType } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';
import { checkShape, copyRange } from './util/movement.js';

const TYPES: DType[] = ['float32', 'int32', 'int64', 'uint8', 'int8'];

/** Reference: output[b, h, w, (dh*bs+dw)*inDepth + c] = input[b, h*bs+dh, w*bs+dw, c]. */
export function spaceToDepth(inShape: readonly number[], input: TypedArray, blockSize: number, output: TypedArray): void {
  const [batch, inH, inW, inD] = inShape as [number, number, number, number];
  const outH = inH / blockSize;
  const outW = inW / blockSize;
  let dst = 0;
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < outH; h++) {
      for (let w = 0; w < outW; w++) {
        for (let dh = 0; dh < blockSize; dh++) {
          for (let dw = 0; dw < blockSize; dw++, dst += inD) {
            const src = ((b * inH + h * blockSize + dh) * inW + w * blockSize + dw) * inD;
            copyRange(output, dst, input, src, inD);
          }
        }
      }
    }
  }
}

export const SPACE_TO_DEPTH: KernelRegistration<{ blockSize: number }> = {
  prepare(ctx) {
    if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const input = ctx.input(0);
    checkType(ctx, input, ...TYPES);
    checkType(ctx, ctx.output(0), input.dtype);
    checkRank(ctx, input, 4);
    const { blockSize } = ctx.options as SpaceToDepthOptions;
    if (!(blockSize >= 1)) ctx.fail(`block_size must be >= 1, got ${blockSize}`);
    const [batch, h, w, d] = input.shape as [number, number, number, number];
    if (h % blockSize !== 0 || w % blockSize !== 0) ctx.fail(`height ${h} and width ${w} must be multiples of block_size ${blockSize}`);
    const shape = [batch, h / blockSize, w / blockSize, d * blockSize * blockSize];
    checkShape(ctx, shape, 'output');
    ctx.resizeOutput(0, shape);
    return { blockSize };
  },
  eval(ctx, { blockSize }) {
    const input = ctx.input(0);
    spaceToDepth(input.shape, input.data, blockSize, ctx.output(0).data);
  },
};
