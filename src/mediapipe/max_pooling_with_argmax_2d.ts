// MediaPipe's MaxPoolingWithArgmax2D: max pooling that also outputs, as float32, where in its
// window each maximum was (filter_y · filter_width + filter_x, plus 0.1 so truncation is safe).
// custom_options is a raw TfLitePoolParams prefix of six int32s: padding (TfLitePadding:
// 1 = SAME, 2 = VALID), stride_width, stride_height, filter_width, filter_height, activation.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { activationRange, checkRank, checkType, Padding } from '../kernels/kernel_util.js';
import { checkPositive, window2D } from '../kernels/util/conv_util.js';
import { SlidingWindows, type WindowParams } from '../kernels/util/windows.js';

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

/**
 * The clamp of TFLite's CalculateActivationRange for a TfLiteFusedActivation (numbered as the schema's
 * ActivationFunctionType, so the builtin kernels' range).
 */
export const rawActivationRange: (activation: number) => [number, number] = activationRange;

export interface ArgmaxPoolParams extends WindowParams {
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
  const ch = inShape[3]!, inRowStride = inShape[2]! * ch;
  const { filterW, actMin, actMax } = p;
  for (const w = new SlidingWindows(p, inShape, outShape); w.next();) {
    const { g: o, base, ky0, ky1, kx0, kx1 } = w;
    output.fill(LOWEST, o, o + ch);
    indices.fill(0, o, o + ch);
    for (let ky = ky0; ky < ky1; ky++) {
      const row = base + ky * inRowStride;
      for (let kx = kx0; kx < kx1; kx++) {
        const i0 = row + kx * ch;
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

function prepare(ctx: OpContext): ArgmaxPoolParams {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 2) ctx.fail(`expected 2 outputs, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  for (const t of [input, ctx.output(0), ctx.output(1)]) checkType(ctx, t, 'float32');
  checkRank(ctx, input, 4);
  const p = parseRawPoolParams(ctx, ctx.customOptions);
  const [batches, inH, inW, ch] = input.shape as [number, number, number, number];
  const padding = p.padding === TFLITE_PADDING_SAME ? Padding.SAME : Padding.VALID;
  const win = window2D(ctx, padding, inH, inW, p.filterH, p.filterW, p.strideH, p.strideW);
  const shape = [batches, win.outH, win.outW, ch];
  ctx.resizeOutput(0, shape);
  ctx.resizeOutput(1, shape);
  const [actMin, actMax] = rawActivationRange(p.activation);
  return {
    strideH: p.strideH, strideW: p.strideW, filterH: p.filterH, filterW: p.filterW, padH: win.padH, padW: win.padW, actMin, actMax,
  };
}

function evalArgmax(ctx: OpContext, p: ArgmaxPoolParams): void {
  const input = ctx.input(0), output = ctx.output(0);
  maxPoolWithArgmaxFloat(
    p, input.shape, input.data as Float32Array, output.shape, output.data as Float32Array, ctx.output(1).data as Float32Array,
  );
}

export const MaxPoolingWithArgmax2D: KernelRegistration<ArgmaxPoolParams> = { prepare, eval: evalArgmax };
