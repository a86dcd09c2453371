// L2_NORMALIZATION: x / max(‖x‖₂, 1e-6) along the last axis (rank ≤ 4, no fused activation), as TFLite.
// uint8 / int8: fixed point, 1/sqrt of the sum of squared (x − zero point) as a quantized multiplier
// (GetInvSqrtQuantizedMultiplierExp); the output is fixed at scale 1/128, zero point 128 (uint8) / 0 (int8).
import type { KernelRegistration, OpContext } from './registration.js';
import type { L2NormOptions } from '../schema/generated.js';
import { Activation, checkType } from './kernel_util.js';
import {
  getInvSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierSmallerThanOneExp,
} from './util/quant_math.js';
import { affineOf } from './util/quant_dense.js';

/** TFLite's float kernel clamps the norm to this, so all-zero rows give zeros. */
const EPSILON = 1e-6;

/** Reference float L2 normalization over rows of `depth` values. */
export function l2NormalizationFloat(depth: number, input: Float32Array, output: Float32Array): void {
  for (let r = 0; r < input.length; r += depth) {
    let sq = 0;
    for (let c = 0; c < depth; c++) sq += input[r + c]! * input[r + c]!;
    const norm = Math.max(Math.sqrt(sq), EPSILON);
    for (let c = 0; c < depth; c++) output[r + c] = input[r + c]! / norm;
  }
}

/**
 * Reference quantized L2 normalization over rows of `depth` values: uint8 as reference_ops
 * (128 + (128·d) × inv_sqrt, the SmallerThanOne multiplier), int8 as reference_integer_ops
 * (d × inv_sqrt with 7 more bits of left shift), d = x − zero point; clamped.
 */
export function l2NormalizationQuantized(depth: number, zeroPoint: number, input: Uint8Array | Int8Array, output: Uint8Array | Int8Array): void {
  const uint8 = input instanceof Uint8Array;
  for (let r = 0; r < input.length; r += depth) {
    let sq = 0;
    for (let c = 0; c < depth; c++) {
      const d = input[r + c]! - zeroPoint;
      sq += d * d;
    }
    const { multiplier, shift } = getInvSqrtQuantizedMultiplierExp(sq | 0, -1);
    for (let c = 0; c < depth; c++) {
      const d = input[r + c]! - zeroPoint;
      const v = uint8
        ? 128 + multiplyByQuantizedMultiplierSmallerThanOneExp(128 * d, multiplier, shift)
        : multiplyByQuantizedMultiplier(d, multiplier, shift + 7);
      output[r + c] = uint8 ? (v < 0 ? 0 : v > 255 ? 255 : v) : v < -128 ? -128 : v > 127 ? 127 : v;
    }
  }
}

type L2Data = { depth: number; quantized: boolean; zeroPoint: number };

function prepare(ctx: OpContext<L2NormOptions>): L2Data {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0), output = ctx.output(0);
  checkType(ctx, input, 'float32', 'uint8', 'int8');
  checkType(ctx, output, input.dtype);
  const rank = input.shape.length;
  if (rank < 1 || rank > 4) ctx.fail(`input has rank ${rank}, expected 1 to 4`);
  if (ctx.options.fusedActivationFunction !== Activation.NONE) ctx.fail('fused activation is not supported');
  ctx.resizeOutput(0, input.shape);
  const depth = input.shape[rank - 1]!;
  if (input.dtype === 'float32') return { depth, quantized: false, zeroPoint: 0 };
  const inq = affineOf(ctx, input), outq = affineOf(ctx, output);
  if (outq.scale !== 1 / 128) ctx.fail(`output needs scale 1/128, got ${outq.scale}`);
  const zp = input.dtype === 'uint8' ? 128 : 0;
  if (outq.zeroPoint !== zp) ctx.fail(`${input.dtype} output needs zero point ${zp}, got ${outq.zeroPoint}`);
  return { depth, quantized: true, zeroPoint: inq.zeroPoint };
}

function evalL2(ctx: OpContext<L2NormOptions>, d: L2Data): void {
  if (d.depth === 0) return;
  const input = ctx.input(0).data, output = ctx.output(0).data;
  if (d.quantized) l2NormalizationQuantized(d.depth, d.zeroPoint, input as Uint8Array | Int8Array, output as Uint8Array | Int8Array);
  else l2NormalizationFloat(d.depth, input as Float32Array, output as Float32Array);
}

export const L2_NORMALIZATION: KernelRegistration<L2Data, L2NormOptions> = { prepare, eval: evalL2 };
