// MediaPipe's Landmarks2TransformMatrix: from 3-D landmarks, the 4×4 matrix that maps an
// output crop (rotated so two chosen landmarks lie level, sized to a landmark subset) back
// into the input. Output [1, 4, 4], row-major. Options (FlexBuffers):
// v1 (landmarks [1, 1, 1, 3N]): input_hw, output_hw, dimensions (3), landmarks_range,
//   bbox_size_multiplier, left_rotation_idx, right_rotation_idx, subset (index pairs).
// v2 (landmarks [1, N, 3]): subset_idxs, left_rotation_idx, right_rotation_idx,
//   target_rotation_radians, output_height, output_width, scale_x, scale_y.
import type { KernelRegistration, OpContext } from '../kernels/registration.js';
import { checkType } from '../kernels/kernel_util.js';
import { flexFloat, flexInt, flexInts, flexOptions, flexPairs } from '../kernels/util/flex_options.js';

export interface LandmarksToMatrixV1 {
  version: 1;
  inputH: number;
  inputW: number;
  outputH: number;
  outputW: number;
  landmarksRange: number;
  bboxSizeMultiplier: number;
  left: number;
  right: number;
  subset: [number, number][];
}

export interface LandmarksToMatrixV2 {
  version: 2;
  subset: [number, number][];
  left: number;
  right: number;
  targetRotation: number;
  outputH: number;
  outputW: number;
  scaleX: number;
  scaleY: number;
}

export type LandmarksToMatrixParams = LandmarksToMatrixV1 | LandmarksToMatrixV2;

type Mat = number[];

/** Row-major product of two n×n matrices. */
function matMul(a: Mat, b: Mat, n: number): Mat {
  const out = new Array<number>(n * n).fill(0);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[r * n + k]! * b[k * n + c]!;
      out[r * n + c] = s;
    }
  }
  return out;
}

function matrixV1(p: LandmarksToMatrixV1, lm: Float32Array, out: Float32Array): void {
  const x = (i: number) => lm[i * 3]!, y = (i: number) => lm[i * 3 + 1]!;
  const alpha = -Math.atan((y(p.right) - y(p.left)) / (x(p.right) - x(p.left)));
  const ca = Math.cos(alpha), sa = Math.sin(alpha);
  let maxX = -100000, maxY = -100000, minX = 100000, minY = 100000;
  for (const pair of p.subset) {
    for (const i of pair) {
      const rx = x(i) * ca - y(i) * sa, ry = x(i) * sa + y(i) * ca;
      maxX = Math.max(maxX, rx); maxY = Math.max(maxY, ry);
      minX = Math.min(minX, rx); minY = Math.min(minY, ry);
    }
  }
  const range = p.landmarksRange;
  const bw = (maxX - minX) * p.bboxSizeMultiplier, bh = (maxY - minY) * p.bboxSizeMultiplier;
  const midX = (maxX + minX) / 2, midY = (maxY + minY) / 2;
  const cn = Math.cos(-alpha), sn = Math.sin(-alpha);
  const rmx = midX * cn - midY * sn, rmy = midX * sn + midY * cn;
  const scale = [bw / range, 0, 0, 0, bh / range, 0, 0, 0, 1];
  const rotation = [cn, -sn, (rmx / range) * 2 - 1, sn, cn, (rmy / range) * 2 - 1, 0, 0, 1];
  const toRelative = [2 / (p.outputW - 1), 0, -1, 0, 2 / (p.outputH - 1), -1, 0, 0, 1];
  const toAbsolute = [(p.inputW - 1) / 2, 0, (p.inputW - 1) / 2, 0, (p.inputH - 1) / 2, (p.inputH - 1) / 2, 0, 0, 1];
  const m = matMul(matMul(matMul(toAbsolute, rotation, 3), scale, 3), toRelative, 3);
  out.set([m[0]!, m[1]!, 0, m[2]!, m[3]!, m[4]!, 0, m[5]!, m[6]!, m[7]!, m[8]!, 0, 0, 0, 0, 1]);
}

function matrixV2(p: LandmarksToMatrixV2, lm: Float32Array, out: Float32Array): void {
  const x = (i: number) => lm[i * 3]!, y = (i: number) => lm[i * 3 + 1]!;
  const r = p.targetRotation - Math.atan2(y(p.right) - y(p.left), x(p.right) - x(p.left));
  const cr = Math.cos(r), sr = Math.sin(r);
  let maxX = -Infinity, maxY = -Infinity, minX = Infinity, minY = Infinity;
  for (const pair of p.subset) {
    for (const i of pair) {
      const rx = cr * x(i) - sr * y(i), ry = sr * x(i) + cr * y(i);
      if (rx > maxX) maxX = rx;
      if (ry > maxY) maxY = ry;
      if (rx < minX) minX = rx;
      if (ry < minY) minY = ry;
    }
  }
  const cropW = maxX - minX, cropH = maxY - minY;
  const mx = (minX + maxX) / 2, my = (minY + maxY) / 2;
  // Back to the unrotated frame: rotation by −r.
  const cropX = Math.cos(-r) * mx - Math.sin(-r) * my, cropY = Math.sin(-r) * mx + Math.cos(-r) * my;
  const a = -r;
  const shift = [1, 0, 0, cropX, 0, 1, 0, cropY, 0, 0, 1, 0, 0, 0, 0, 1];
  const rotation = [Math.cos(a), -Math.sin(a), 0, 0, Math.sin(a), Math.cos(a), 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const sx = (p.scaleX * cropW) / p.outputW, sy = (p.scaleY * cropH) / p.outputH;
  const scale = [sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const shift2 = [1, 0, 0, -p.outputW / 2, 0, 1, 0, -p.outputH / 2, 0, 0, 1, 0, 0, 0, 0, 1];
  out.set(matMul(matMul(matMul(shift, rotation, 4), scale, 4), shift2, 4));
}

/** Reference float Landmarks2TransformMatrix: writes the 16 matrix values. */
export function landmarksToTransformMatrixFloat(p: LandmarksToMatrixParams, landmarks: Float32Array, output: Float32Array): void {
  if (p.version === 1) matrixV1(p, landmarks, output);
  else matrixV2(p, landmarks, output);
}

function checkIndex(ctx: OpContext, i: number, count: number, what: string): void {
  if (i < 0 || i >= count) ctx.fail(`${what} ${i} is out of range for ${count} landmarks`);
}

function prepare(ctx: OpContext): LandmarksToMatrixParams {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
  const m = flexOptions(ctx);
  const shape = input.shape;
  let p: LandmarksToMatrixParams;
  let count: number;
  if (ctx.version === 1) {
    if (shape.length !== 4 || shape[0] !== 1 || shape[1] !== 1 || shape[2] !== 1) {
      ctx.fail(`landmarks must have shape [1, 1, 1, 3n], got [${shape}]`);
    }
    if (flexInt(ctx, m, 'dimensions') !== 3) ctx.fail('dimensions must be 3');
    const [inputH = 0, inputW = 0] = flexInts(ctx, m, 'input_hw');
    const [outputH = 0, outputW = 0] = flexInts(ctx, m, 'output_hw');
    p = {
      version: 1, inputH, inputW, outputH, outputW,
      landmarksRange: flexInt(ctx, m, 'landmarks_range'),
      bboxSizeMultiplier: flexFloat(ctx, m, 'bbox_size_multiplier'),
      left: flexInt(ctx, m, 'left_rotation_idx'),
      right: flexInt(ctx, m, 'right_rotation_idx'),
      subset: flexPairs(ctx, m, 'subset'),
    };
    if (p.bboxSizeMultiplier === 0) ctx.fail('bbox_size_multiplier must not be 0');
    if (inputH <= 0 || inputW <= 0) ctx.fail(`invalid input_hw [${inputH}, ${inputW}]`);
    if (outputH <= 0 || outputW <= 0) ctx.fail(`invalid output_hw [${outputH}, ${outputW}]`);
    if (p.landmarksRange <= 0) ctx.fail(`invalid landmarks_range ${p.landmarksRange}`);
    count = Math.floor(shape[3]! / 3);
  } else if (ctx.version === 2) {
    if (shape.length !== 3 || shape[0] !== 1 || shape[2] !== 3) ctx.fail(`landmarks must have shape [1, n, 3], got [${shape}]`);
    p = {
      version: 2,
      subset: flexPairs(ctx, m, 'subset_idxs'),
      left: flexInt(ctx, m, 'left_rotation_idx'),
      right: flexInt(ctx, m, 'right_rotation_idx'),
      targetRotation: flexFloat(ctx, m, 'target_rotation_radians'),
      outputH: flexInt(ctx, m, 'output_height'),
      outputW: flexInt(ctx, m, 'output_width'),
      scaleX: flexFloat(ctx, m, 'scale_x'),
      scaleY: flexFloat(ctx, m, 'scale_y'),
    };
    if (p.outputH <= 0 || p.outputW <= 0) ctx.fail(`invalid output size ${p.outputH}x${p.outputW}`);
    if (!(p.scaleX > 0) || !(p.scaleY > 0)) ctx.fail(`scale_x and scale_y must be positive`);
    count = shape[1]!;
  } else {
    return ctx.fail(`version ${ctx.version} is not supported (1 or 2)`);
  }
  if (p.subset.length === 0) ctx.fail('the landmark subset is empty');
  checkIndex(ctx, p.left, count, 'left_rotation_idx');
  checkIndex(ctx, p.right, count, 'right_rotation_idx');
  for (const pair of p.subset) for (const i of pair) checkIndex(ctx, i, count, 'subset index');
  ctx.resizeOutput(0, [1, 4, 4]);
  return p;
}

function evalMatrix(ctx: OpContext, p: LandmarksToMatrixParams): void {
  landmarksToTransformMatrixFloat(p, ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const Landmarks2TransformMatrix: KernelRegistration<LandmarksToMatrixParams> = { prepare, eval: evalMatrix };
