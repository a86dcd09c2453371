// MediaPipe's TransformLandmarks: applies the top two rows of a 4×4 matrix to (x, y, 0, 1) of
// every landmark; z (when there are 3 dimensions) is copied.
// v1: landmarks [1, H, W, C] with C a multiple of `dimensions` (2 or 3, custom option), the
//     translation column scaled by `scale`. v2: landmarks [1, N, dims], dims 2 or 3, scale 1.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { checkType, numElements } from '../kernels/kernel_util.js';
import { flexFloat, flexInt, flexOptions } from '../kernels/util/flex_options.js';

export interface TransformLandmarksParams {
  dimensions: number;
  scale: number;
}

/** Reference float landmark transform over `input.length / dimensions` landmarks. */
export function transformLandmarksFloat(
  p: TransformLandmarksParams, input: Float32Array, matrix: Float32Array, output: Float32Array,
): void {
  const { dimensions, scale } = p;
  const m0 = matrix[0]!, m1 = matrix[1]!, m3 = matrix[3]! * scale;
  const m4 = matrix[4]!, m5 = matrix[5]!, m7 = matrix[7]! * scale;
  for (let i = 0; i < input.length; i += dimensions) {
    const x = input[i]!, y = input[i + 1]!;
    output[i] = m0 * x + m1 * y + m3;
    output[i + 1] = m4 * x + m5 * y + m7;
    if (dimensions === 3) output[i + 2] = input[i + 2]!;
  }
}

function prepare(ctx: OpContext): TransformLandmarksParams {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), matrix = ctx.input(1);
  for (const t of [input, matrix, ctx.output(0)]) checkType(ctx, t, 'float32');
  if (numElements(matrix.shape) < 16) ctx.fail(`matrix has ${numElements(matrix.shape)} elements, expected 16`);
  let p: TransformLandmarksParams;
  if (ctx.version === 1) {
    if (input.shape.length !== 4) ctx.fail(`landmarks must have rank 4, got ${input.shape.length}`);
    const m = flexOptions(ctx);
    p = { dimensions: flexInt(ctx, m, 'dimensions', 3), scale: flexFloat(ctx, m, 'scale', 1) };
    if (p.scale === 0) ctx.fail('scale must not be 0');
  } else if (ctx.version === 2) {
    if (input.shape.length !== 3) ctx.fail(`landmarks must have rank 3, got ${input.shape.length}`);
    p = { dimensions: input.shape[2]!, scale: 1 };
  } else {
    return ctx.fail(`version ${ctx.version} is not supported (1 or 2)`);
  }
  if (p.dimensions !== 2 && p.dimensions !== 3) ctx.fail(`dimensions must be 2 or 3, got ${p.dimensions}`);
  const channels = input.shape[input.shape.length - 1]!;
  if (channels % p.dimensions !== 0) ctx.fail(`last dimension ${channels} is not a multiple of ${p.dimensions}`);
  ctx.resizeOutput(0, input.shape);
  return p;
}

function evalTransformLandmarks(ctx: OpContext, p: TransformLandmarksParams): void {
  transformLandmarksFloat(p, ctx.input(0).data as Float32Array, ctx.input(1).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const TransformLandmarks: KernelRegistration<TransformLandmarksParams> = { prepare, eval: evalTransformLandmarks };
