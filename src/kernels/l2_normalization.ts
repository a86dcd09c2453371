// L2_NORMALIZATION: x / max(‖x‖₂, 1e-6) along the last axis (rank ≤ 4, no fused activation), as TFLite.
import type { KernelRegistration, OpContext } from './registration.js';
import type { L2NormOptions } from '../schema/generated.js';
import { Activation, checkType } from './kernel_util.js';

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

function prepare(ctx: OpContext<L2NormOptions>): { depth: number } {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
  const rank = input.shape.length;
  if (rank < 1 || rank > 4) ctx.fail(`input has rank ${rank}, expected 1 to 4`);
  if (ctx.options.fusedActivationFunction !== Activation.NONE) ctx.fail('fused activation is not supported');
  ctx.resizeOutput(0, input.shape);
  return { depth: input.shape[rank - 1]! };
}

function evalL2(ctx: OpContext<L2NormOptions>, d: { depth: number }): void {
  if (d.depth === 0) return;
  l2NormalizationFloat(d.depth, ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const L2_NORMALIZATION: KernelRegistration<{ depth: number }, L2NormOptions> = { prepare, eval: evalL2 };
