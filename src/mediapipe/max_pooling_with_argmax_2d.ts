// MediaPipe's MaxPoolingWithArgmax2D: max pooling that also outputs, as float32, where in its
// window each maximum was (filter_y · filter_width + filter_x, plus 0.1 so truncation is safe).
// custom_options is a raw TfLitePoolParams prefix of six int32s: padding (TfLitePadding:
// 1 = SAME, 2 = VALID), stride_width, stride_height, filter_width, filter_height, activation.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { Activation, checkRank, checkType, convPadding } from '../kernels/kernel_util.js';
import { checkPositive, endTap, firstTap } from '../kernels/util/conv_util.js';

export const TFLITE_PADDING_SAME = 1;
export const TFLITE_PADDING_VALID = 2;

export interface RawPoolParams {
  padding: number;
  strideW: number;
  strideH: number;
  filterW: number;
  filterH: number;
  /** TfLiteFusedActivation; only the clipping ones act in these float kernels. */
  activation: number;
}

/** Reads the six little-endian int32s of a TfLitePoolParams struct. */
export function parseRawPoolParams(ctx: OpContext, bytes: Uint8Array | null): RawPoolParams {
  if (bytes === null || bytes.byteLength < 24) ctx.fail(`custom options must hold 24 bytes, got ${bytes?.byteLength ?? 0}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const padding = v.getInt32(0, true);
  if (padding !== TFLITE_PADDING_SAME && padding !== TFLITE_PADDING_VALID) ctx.fail(`unknown padding ${padding}`);
  const activation = v.getInt32(20, true);
  // TfLiteFusedActivation: 0 none … 5 sign bit, 6 sigmoid.
  if (activation < 0 || activation > 6) ctx.fail(`unknown fused activation ${activation}`);
  return {
    padding,
    strideW: checkPositive(ctx, v.getInt32(4, true), 'stride_width'),
    strideH: checkPositive(ctx, v.getInt32(8, true), 'stride_height'),
    filterW: checkPositive(ctx, v.getInt32(12, true), 'filter_width'),
    filterH: checkPositive(ctx, v.getInt32(16, true), 'filter_height'),
    activation,
  };
}

/** The clamp of TFLite's CalculateActivationRange for a TfLiteFusedActivation. */
export function rawActivationRange(activation: number): [number, number] {
  switch (activation) {
    case Activation.RELU: return [0, Infinity];
    case Activation.RELU6: return [0, 6];
    case Activation.RELU_N1_TO_1: return [-1, 1];
    default: return [-Infinity, Infinity];
  }
}

export interface ArgmaxPoolParams {
  strideH: number;
  strideW: number;
  filterH: number;
  filterW: number;
  padH: number;
  padW: number;
  actMin: number;
  actMax: number;
}

const LOWEST = -3.4028234663852886e38;
/** MediaPipe adds 0.1f (a float32) to each index. */
const INDEX_BIAS = Math.fround(0.1);

/** Reference float max pooling with argmax indices (first maximum in row-major window order wins). */
export function maxPoolWithArgmaxFloat(
  p: ArgmaxPoolParams, inShape: readonly number[], input: Float32Array,
  outShape: readonly number[], output: Float32Array, indices: Float32Array,
): void {
  const [batches, inH, inW, ch] = inShape as [number, number, number, number];
  const outH = outShape[1]!, outW = outShape[2]!;
  const { strideH, strideW, filterH, filterW, padH, padW, actMin, actMax } = p;
  const inRowStride = inW * ch;
  let o = 0;
  for (let b = 0; b < batches; b++) {
    const inBatch = b * inH * inRowStride;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padH;
      const ky0 = firstTap(y0, 1), ky1 = endTap(y0, 1, filterH, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padW;
        const kx0 = firstTap(x0, 1), kx1 = endTap(x0, 1, filterW, inW);
        output.fill(LOWEST, o, o + ch);
        indices.fill(0, o, o + ch);
        for (let ky = ky0; ky < ky1; ky++) {
          const row = inBatch + (y0 + ky) * inRowStride;
          for (let kx = kx0; kx < kx1; kx++) {
            const i0 = row + (x0 + kx) * ch;
            const at = ky * filterW + kx;
            for (let c = 0; c < ch; c++) {
              const x = input[i0 + c]!;
              if (x > output[o + c]!) {
                output[o + c] = x;
                indices[o + c] = at;
              }
            }
          }
        }
        for (let c = 0; c < ch; c++) {
          const v = output[o + c]!;
          output[o + c] = v < actMin ? actMin : v > actMax ? actMax : v;
          indices[o + c] = indices[o + c]! + INDEX_BIAS;
        }
      }
    }
  }
}

function prepare(ctx: OpContext): ArgmaxPoolParams {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 2) ctx.fail(`expected 2 outputs, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  for (const t of [input, ctx.output(0), ctx.output(1)]) checkType(ctx, t, 'float32');
  checkRank(ctx, input, 4);
  const p = parseRawPoolParams(ctx, ctx.customOptions);
  const [batches, inH, inW, ch] = input.shape as [number, number, number, number];
  const same = p.padding === TFLITE_PADDING_SAME;
  const outSize = (size: number, f: number, s: number) => Math.trunc(same ? (size + s - 1) / s : (size - f + s) / s);
  const outH = outSize(inH, p.filterH, p.strideH), outW = outSize(inW, p.filterW, p.strideW);
  if (outH < 0 || outW < 0) ctx.fail(`filter ${p.filterH}x${p.filterW} does not fit input ${inH}x${inW}`);
  const shape = [batches, outH, outW, ch];
  ctx.resizeOutput(0, shape);
  ctx.resizeOutput(1, shape);
  const [actMin, actMax] = rawActivationRange(p.activation);
  return {
    strideH: p.strideH, strideW: p.strideW, filterH: p.filterH, filterW: p.filterW,
    padH: convPadding(p.strideH, 1, inH, p.filterH, outH),
    padW: convPadding(p.strideW, 1, inW, p.filterW, outW),
    actMin, actMax,
  };
}

function evalArgmax(ctx: OpContext, p: ArgmaxPoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  maxPoolWithArgmaxFloat(
    p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array, ctx.output(1).data as Float32Array,
  );
}

export const MaxPoolingWithArgmax2D: KernelRegistration<ArgmaxPoolParams> = { prepare, eval: evalArgmax };
