// MediaPipe's Convolution2DTransposeBias: a transposed convolution with bias whose
// output size follows from the input (no output_shape input). custom_options is a
// raw TfLiteTransposeConvParams prefix: int32 padding (TfLitePadding: 1 = SAME,
// 2 = VALID, 0 = unknown, treated as VALID), int32 stride_width, int32 stride_height.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { checkRank, checkType } from '../kernels/kernel_util.js';
import { checkPositive, checkVector } from '../kernels/util/conv_util.js';
import { transposeConvFloat, type TransposeConvParams } from '../kernels/transpose_conv.js';

const TFLITE_PADDING_SAME = 1;
const TFLITE_PADDING_VALID = 2;

/** Reads the three little-endian int32s of the custom options. */
export function parseTransposeConvBiasOptions(
  ctx: OpContext, bytes: Uint8Array | null,
): { padding: number; strideW: number; strideH: number } {
  if (bytes === null || bytes.byteLength < 12) ctx.fail(`custom options must hold 12 bytes, got ${bytes?.byteLength ?? 0}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const padding = view.getInt32(0, true);
  if (padding < 0 || padding > TFLITE_PADDING_VALID) ctx.fail(`unknown padding ${padding}`);
  return {
    padding,
    strideW: checkPositive(ctx, view.getInt32(4, true), 'stride_width'),
    strideH: checkPositive(ctx, view.getInt32(8, true), 'stride_height'),
  };
}

function prepare(ctx: OpContext): TransposeConvParams {
  if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), weights = ctx.input(1), bias = ctx.input(2);
  for (const t of [input, weights, bias, ctx.output(0)]) checkType(ctx, t, 'float32');
  checkRank(ctx, input, 4);
  checkRank(ctx, weights, 4);
  const [batches, inH, inW, inC] = input.shape as [number, number, number, number];
  const [outC, kH, kW, wC] = weights.shape as [number, number, number, number];
  if (wC !== inC) ctx.fail(`input channels ${inC} differ from weights' ${wC}`);
  checkVector(ctx, bias.shape, outC, 'bias');
  const { padding, strideW, strideH } = parseTransposeConvBiasOptions(ctx, ctx.customOptions);
  // SAME crops what the last stride leaves over of the kernel, split before/after.
  const same = padding === TFLITE_PADDING_SAME;
  const padTotalH = same ? Math.max(0, kH - ((inH - 1) % strideH) - 1) : 0;
  const padTotalW = same ? Math.max(0, kW - ((inW - 1) % strideW) - 1) : 0;
  const outH = strideH * (inH - 1) + kH - padTotalH;
  const outW = strideW * (inW - 1) + kW - padTotalW;
  if (outH <= 0 || outW <= 0) ctx.fail(`output size ${outH}x${outW} is empty`);
  ctx.resizeOutput(0, [batches, outH, outW, outC]);
  return {
    strideH, strideW, padH: Math.floor(padTotalH / 2), padW: Math.floor(padTotalW / 2),
    actMin: -Infinity, actMax: Infinity,
  };
}

function evalTransposeConvBias(ctx: OpContext, p: TransposeConvParams): void {
  const input = ctx.input(0), weights = ctx.input(1), bias = ctx.input(2), output = ctx.output(0);
  transposeConvFloat(
    p, input.shape, input.data as Float32Array, weights.shape, weights.data as Float32Array,
    bias.data as Float32Array, output.shape, output.data as Float32Array,
  );
}

export const Convolution2DTransposeBias: KernelRegistration<TransposeConvParams> = {
  prepare,
  eval: evalTransposeConvBias,
};
