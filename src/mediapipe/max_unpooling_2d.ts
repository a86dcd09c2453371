// MediaPipe's MaxUnpooling2D: scatters each input value to the place its argmax index
// (from MaxPoolingWithArgmax2D) names inside its window of a filter-times-larger zero output.
// custom_options: the same raw TfLitePoolParams as MaxPoolingWithArgmax2D.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { checkRank, checkType, sameShape } from '../kernels/kernel_util.js';
import { parseRawPoolParams } from './max_pooling_with_argmax_2d.js';

export interface UnpoolParams {
  strideH: number;
  strideW: number;
  filterW: number;
  padH: number;
  padW: number;
}

/** Reference float max unpooling; indices that decode outside the output are skipped (as MediaPipe). */
export function maxUnpoolingFloat(
  p: UnpoolParams, inShape: readonly number[], input: Float32Array, indices: Float32Array,
  outShape: readonly number[], output: Float32Array,
): void {
  const [batches, inH, inW, ch] = inShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, filterW, padH, padW } = p;
  output.fill(0);
  let i = 0;
  for (let b = 0; b < batches; b++) {
    const outBatch = b * outH * outW * ch;
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++) {
        for (let c = 0; c < ch; c++, i++) {
          const idx = Math.trunc(indices[i]!);
          if (!Number.isFinite(idx)) continue;
          // C's truncating % and /, as the original.
          const oy = iy * strideH - padH + Math.trunc(idx / filterW);
          const ox = ix * strideW - padW + (idx % filterW);
          if (oy >= 0 && oy < outH && ox >= 0 && ox < outW) output[outBatch + (oy * outW + ox) * ch + c] = input[i]!;
        }
      }
    }
  }
}

function prepare(ctx: OpContext): UnpoolParams {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), indices = ctx.input(1);
  for (const t of [input, indices, ctx.output(0)]) checkType(ctx, t, 'float32');
  checkRank(ctx, input, 4);
  checkRank(ctx, indices, 4);
  if (!sameShape(input.shape, indices.shape)) ctx.fail(`indices shape [${indices.shape}] differs from input [${input.shape}]`);
  const p = parseRawPoolParams(ctx, ctx.customOptions);
  const [batches, inH, inW, ch] = input.shape as [number, number, number, number];
  const outH = inH * p.filterH, outW = inW * p.filterW;
  ctx.resizeOutput(0, [batches, outH, outW, ch]);
  // TFLite's ComputePadding of the pooling that maps this output back to the input.
  const pad = (s: number, f: number, size: number, pooled: number) => Math.max(0, Math.trunc(((pooled - 1) * s + f - size) / 2));
  return {
    strideH: p.strideH, strideW: p.strideW, filterW: p.filterW,
    padH: pad(p.strideH, p.filterH, outH, inH),
    padW: pad(p.strideW, p.filterW, outW, inW),
  };
}

function evalUnpool(ctx: OpContext, p: UnpoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  maxUnpoolingFloat(
    p, input.shape, input.data as Float32Array, ctx.input(1).data as Float32Array, output.shape, output.data as Float32Array,
  );
}

export const MaxUnpooling2D: KernelRegistration<UnpoolParams> = { prepare, eval: evalUnpool };
