// LOG_SOFTMAX: x − max − log Σ exp(x − max) along the last axis, any rank ≥ 1.
// uint8 / int8 as TFLite's default (optimized) kernel: the softmax exp table in float32, the log
// of the row sum, then (scale·(x − max) − log_sum) / output_scale rounded half to even; the
// output is fixed at scale 16/256 and zero point 255 (uint8) / 127 (int8).
import type { KernelRegistration, OpContext } from './registration.js';
import type { LogSoftmaxOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import { prepareLastAxis, softmaxLookupTable } from './softmax.js';
import { affineOf } from './util/quant_dense.js';

const f = Math.fround;

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

/** std::rint in the default rounding mode: nearest, ties to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Reference quantized log-softmax (optimized_ops::LogSoftmax with a float table) over uint8 / int8 rows. */
export function logSoftmaxQuantized(
  depth: number, table: Float32Array, inputScale: number, outputScale: number, outputZeroPoint: number,
  input: Uint8Array | Int8Array, output: Uint8Array | Int8Array,
): void {
  const [qmin, qmax] = input instanceof Int8Array ? [-128, 127] : [0, 255];
  const scale = f(inputScale / outputScale);
  for (let r = 0; r < input.length; r += depth) {
    let max = qmin;
    for (let c = 0; c < depth; c++) if (input[r + c]! > max) max = input[r + c]!;
    const offset = 255 - max;
    let sum = 0;
    for (let c = 0; c < depth; c++) sum = f(sum + table[offset + input[r + c]!]!);
    const logSum = f(Math.log(sum));
    const precomputed = f(f(f(inputScale * max) + logSum) / outputScale);
    for (let c = 0; c < depth; c++) {
      const q = rint(f(f(scale * input[r + c]!) - precomputed)) + outputZeroPoint;
      output[r + c] = q < qmin ? qmin : q > qmax ? qmax : q;
    }
  }
}

type LogSoftmaxData =
  | { kind: 'float'; depth: number }
  | { kind: 'quantized'; depth: number; table: Float32Array; inputScale: number; outputScale: number; zeroPoint: number };

function prepare(ctx: OpContext<LogSoftmaxOptions>): LogSoftmaxData {
  const depth = prepareLastAxis(ctx);
  const input = ctx.input(0), output = ctx.output(0);
  checkType(ctx, input, 'float32', 'uint8', 'int8');
  checkType(ctx, output, input.dtype);
  if (input.dtype === 'float32') return { kind: 'float', depth };
  const inq = affineOf(ctx, input), outq = affineOf(ctx, output);
  if (outq.scale !== 16 / 256) ctx.fail(`output needs scale 16/256, got ${outq.scale}`);
  const zp = input.dtype === 'uint8' ? 255 : 127;
  if (outq.zeroPoint !== zp) ctx.fail(`${input.dtype} output needs zero point ${zp}, got ${outq.zeroPoint}`);
  return { kind: 'quantized', depth, table: softmaxLookupTable(inq.scale, 1), inputScale: f(inq.scale), outputScale: f(outq.scale), zeroPoint: zp };
}

function evalLogSoftmax(ctx: OpContext<LogSoftmaxOptions>, d: LogSoftmaxData): void {
  if (d.depth === 0) return;
  const input = ctx.input(0).data, output = ctx.output(0).data;
  if (d.kind === 'float') logSoftmaxFloat(d.depth, input as Float32Array, output as Float32Array);
  else logSoftmaxQuantized(d.depth, d.table, d.inputScale, d.outputScale, d.zeroPoint, input as Uint8Array | Int8Array, output as Uint8Array | Int8Array);
}

export const LOG_SOFTMAX: KernelRegistration<LogSoftmaxData, LogSoftmaxOptions> = { prepare, eval: evalLogSoftmax };
