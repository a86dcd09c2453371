// SOFTMAX: exp(β·(x − max)) / Σ exp(β·(x − max)) along the last axis, any rank ≥ 1.
import type { KernelRegistration, OpContext } from './registration.js';
import type { SoftmaxOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';

/** Reference float softmax over rows of `depth` values. */
export function softmaxFloat(depth: number, beta: number, input: Float32Array, output: Float32Array): void {
  for (let r = 0; r < input.length; r += depth) {
    let max = -Infinity;
    for (let c = 0; c < depth; c++) if (input[r + c]! > max) max = input[r + c]!;
    let sum = 0;
    for (let c = 0; c < depth; c++) {
      const e = Math.exp((input[r + c]! - max) * beta);
      output[r + c] = e;
      sum += e;
    }
    for (let c = 0; c < depth; c++) output[r + c] = output[r + c]! / sum;
  }
}

interface SoftmaxData {
  depth: number;
}

/** Shared by SOFTMAX and LOG_SOFTMAX: one float32 input of rank ≥ 1, output of the same shape. */
export function prepareLastAxis(ctx: OpContext): SoftmaxData {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  checkType(ctx, input, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
  if (input.shape.length < 1) ctx.fail('input must have rank ≥ 1');
  ctx.resizeOutput(0, input.shape);
  return { depth: input.shape[input.shape.length - 1]! };
}

function evalSoftmax(ctx: OpContext<SoftmaxOptions>, d: SoftmaxData): void {
  if (d.depth === 0) return;
  softmaxFloat(d.depth, ctx.options.beta, ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const SOFTMAX: KernelRegistration<SoftmaxData, SoftmaxOptions> = { prepare: prepareLastAxis, eval: evalSoftmax };
