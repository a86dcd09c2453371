// LOCAL_RESPONSE_NORMALIZATION: x / (bias + α·Σ x²)^β, the sum over channels
// c − radius … c + radius of a 4-D input (TFLite's float kernel).
import type { KernelRegistration, OpContext } from './registration.js';
import type { LocalResponseNormalizationOptions } from '../schema/generated.js';
import { checkRank, checkType } from './kernel_util.js';

export interface LrnParams {
  radius: number;
  bias: number;
  alpha: number;
  beta: number;
}

/** Reference float LRN over rows of `depth` channels. */
export function localResponseNormalizationFloat(
  p: LrnParams, depth: number, input: Float32Array, output: Float32Array,
): void {
  const { radius, bias, alpha, beta } = p;
  for (let r = 0; r < input.length; r += depth) {
    for (let c = 0; c < depth; c++) {
      const c0 = Math.max(0, c - radius), c1 = Math.min(depth - 1, c + radius);
      let sq = 0;
      for (let j = c0; j <= c1; j++) sq += input[r + j]! * input[r + j]!;
      output[r + c] = input[r + c]! * Math.pow(bias + alpha * sq, -beta);
    }
  }
}

function prepare(ctx: OpContext<LocalResponseNormalizationOptions>): LrnParams & { depth: number } {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
  checkRank(ctx, input, 4);
  const { radius, bias, alpha, beta } = ctx.options;
  if (!Number.isInteger(radius) || radius < 0) ctx.fail(`radius must be a non-negative integer, got ${radius}`);
  ctx.resizeOutput(0, input.shape);
  return { radius, bias, alpha, beta, depth: input.shape[3]! };
}

function evalLrn(ctx: OpContext<LocalResponseNormalizationOptions>, d: LrnParams & { depth: number }): void {
  if (d.depth === 0) return;
  localResponseNormalizationFloat(d, d.depth, ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const LOCAL_RESPONSE_NORMALIZATION: KernelRegistration<LrnParams & { depth: number }, LocalResponseNormalizationOptions> = {
  prepare,
  eval: evalLrn,
};
