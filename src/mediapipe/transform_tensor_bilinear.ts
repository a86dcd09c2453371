// MediaPipe's TransformTensorBilinear: samples an [1, H, W, C] tensor at the points a 4×4
// matrix maps each output pixel (x, y, 0, 1) to, bilinearly; points outside the input give 0.
// v1 (options: output_size [h, w], mode 'bilinear') samples pixel corners; v2 (options:
// output_height, output_width) corrects the matrix to sample pixel centres (align corners).
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { checkRank, checkType, numElements } from '../kernels/kernel_util.js';
import { flexInt, flexInts, flexOptions } from '../kernels/util/flex_options.js';

/** Reference float bilinear transform of the first batch of `input` into `output` [1, outH, outW, C]. */
export function transformTensorBilinearFloat(
  alignCorners: boolean, inShape: readonly number[], input: Float32Array, matrix: Float32Array,
  outShape: readonly number[], output: Float32Array,
): void {
  const inH = inShape[1]!, inW = inShape[2]!, ch = inShape[3]!;
  const outH = outShape[1]!, outW = outShape[2]!;
  const f = Math.fround;
  const x0 = matrix[0]!, x1 = matrix[1]!, y0 = matrix[4]!, y1 = matrix[5]!;
  let x3 = matrix[3]!, y3 = matrix[7]!;
  if (alignCorners) {
    // T → S·T·A with A = +0.5 and S = −0.5 translations, as MediaPipe (in double, stored as float).
    x3 = f(x3 + (x0 * 0.5 + x1 * 0.5 - 0.5));
    y3 = f(y3 + (y0 * 0.5 + y1 * 0.5 - 0.5));
  }
  const read = (h: number, w: number, c: number): number =>
    h < 0 || w < 0 || h >= inH || w >= inW ? 0 : input[(h * inW + w) * ch + c]!;
  let o = 0;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++, o += ch) {
      // The sample point in float arithmetic, so edge pixels fall in or out as in MediaPipe.
      const tx = f(f(f(x0 * ox) + f(x1 * oy)) + x3);
      const ty = f(f(f(y0 * ox) + f(y1 * oy)) + y3);
      if (!(tx >= 0 && tx <= inW - 1 && ty >= 0 && ty <= inH - 1)) {
        output.fill(0, o, o + ch);
        continue;
      }
      const fx = Math.floor(tx), fy = Math.floor(ty);
      const right = tx - fx, lower = ty - fy;
      for (let c = 0; c < ch; c++) {
        const upperV = (1 - right) * read(fy, fx, c) + right * read(fy, fx + 1, c);
        const lowerV = (1 - right) * read(fy + 1, fx, c) + right * read(fy + 1, fx + 1, c);
        output[o + c] = lower * lowerV + (1 - lower) * upperV;
      }
    }
  }
}

function prepare(ctx: OpContext): { alignCorners: boolean } {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), matrix = ctx.input(1);
  for (const t of [input, matrix, ctx.output(0)]) checkType(ctx, t, 'float32');
  checkRank(ctx, input, 4);
  if (input.shape[0] !== 1) ctx.fail(`input batch must be 1, got ${input.shape[0]}`);
  if (numElements(matrix.shape) < 16) ctx.fail(`matrix has ${numElements(matrix.shape)} elements, expected 16`);
  const m = flexOptions(ctx);
  let size: number[];
  if (ctx.version === 1) {
    if ('mode' in m && m.mode !== 'bilinear') ctx.fail(`mode ${String(m.mode)} is not supported (only bilinear)`);
    size = flexInts(ctx, m, 'output_size');
  } else if (ctx.version === 2) {
    size = [flexInt(ctx, m, 'output_height'), flexInt(ctx, m, 'output_width')];
  } else {
    return ctx.fail(`version ${ctx.version} is not supported (1 or 2)`);
  }
  const [h, w] = size;
  if (h === undefined || w === undefined || h <= 0 || w <= 0) ctx.fail(`invalid output size [${size}]`);
  ctx.resizeOutput(0, [1, h, w, input.shape[3]!]);
  return { alignCorners: ctx.version === 2 };
}

function evalTransform(ctx: OpContext, d: { alignCorners: boolean }): void {
  const input = ctx.input(0), output = ctx.output(0);
  transformTensorBilinearFloat(
    d.alignCorners, input.shape, input.data as Float32Array, ctx.input(1).data as Float32Array,
    output.shape, output.data as Float32Array,
  );
}

export const TransformTensorBilinear: KernelRegistration<{ alignCorners: boolean }> = { prepare, eval: evalTransform };
