// LOG_SOFTMAX: x − max − log Σ exp(x − max) along the last axis, any rank ≥ 1.
import type { KernelRegistration, OpContext } from './registration.js';
import type { LogSoftmaxOptions } from '../schema/generated.js';
import { prepareLastAxis } from './softmax.js';

/** Reference float log-softmax over rows of `depth` values. */
export function logSoftmaxFloat(depth: number, input: Float32Array, output: Float32Array): void {
  for (let r = 0; r < input.length; r += depth) {
    let max = -Infinity;
    for (let c = 0; c < depth; c++) if (input[r + c]! > max) max = input[r + c]!;
    let sum = 0;
    for (let c = 0; c < depth; c++) sum += Math.exp(input[r + c]! - max);
    const shift = max + Math.log(sum);
    for (let c = 0; c < depth; c++) output[r + c] = input[r + c]! - shift;
  }
}

function evalLogSoftmax(ctx: OpContext<LogSoftmaxOptions>, d: { depth: number }): void {
  if (d.depth === 0) return;
  logSoftmaxFloat(d.depth, ctx.input(0).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const LOG_SOFTMAX: KernelRegistration<{ depth: number }, LogSoftmaxOptions> = {
  prepare: prepareLastAxis,
  eval: evalLogSoftmax,
};
