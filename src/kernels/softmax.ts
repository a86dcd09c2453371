// SOFTMAX: exp(β·(x − max)) / Σ exp(β·(x − max)) along the last axis, any rank ≥ 1.
// Quantized as TFLite's default (optimized) kernel: uint8 / int8 inputs through a 256-entry float
// table of exp(−β·scale·d) (PopulateSoftmaxLookupTable) with float32 normalisation, to uint8, int8
// or int16; int16 → int16 through the exp and 1/(1+x) interpolation tables (reference SoftmaxInt16).
import type { KernelRegistration, OpContext } from './registration.js';
import type { SoftmaxOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import { lutLookupInt16, lutPopulateInt16, multiplyByQuantizedMultiplier, quantizeMultiplier } from './util/quant_math.js';
import { affineOf } from './util/quant_dense.js';

const f = Math.fround;

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

/**
 * PopulateSoftmaxLookupTable: table[255 − d] = expf(−input_scale·β·d) for d in [0, 255], in float32;
 * indexed with 255 − max + x it gives exp(β·scale·(x − max)).
 */
export function softmaxLookupTable(inputScale: number, beta: number): Float32Array {
  const table = new Float32Array(256);
  const scale = f(-f(inputScale) * f(beta));
  for (let d = 0; d <= 255; d++) table[255 - d] = Math.exp(f(scale * d));
  return table;
}

/** Row maximum of input[r, r + depth) starting from `lowest`. */
function rowMax(input: ArrayLike<number>, r: number, depth: number, lowest: number): number {
  let max = lowest;
  for (let c = 0; c < depth; c++) if (input[r + c]! > max) max = input[r + c]!;
  return max;
}

/**
 * Reference quantized softmax of uint8 / int8 rows (optimized_ops::Softmax): float32 sum of the
 * table entries, probabilities table × 1 / (sum × output_scale) quantized as TFLite: uint8
 * (int)(p + 0.5) (no zero point, as the non-ARM64 build), int8 / int16 round(p) + zero point.
 */
export function softmaxQuantized(
  depth: number, table: Float32Array, outputScale: number, outputZeroPoint: number,
  input: Uint8Array | Int8Array, output: Uint8Array | Int8Array | Int16Array,
): void {
  const lowest = input instanceof Int8Array ? -128 : 0;
  const [qmin, qmax] = output instanceof Uint8Array ? [0, 255] : output instanceof Int8Array ? [-128, 127] : [-32768, 32767];
  const uint8Out = output instanceof Uint8Array;
  for (let r = 0; r < input.length; r += depth) {
    const offset = 255 - rowMax(input, r, depth, lowest);
    let sum = 0;
    for (let c = 0; c < depth; c++) sum = f(sum + table[offset + input[r + c]!]!);
    const inv = f(1 / f(sum * outputScale));
    for (let c = 0; c < depth; c++) {
      const p = f(table[offset + input[r + c]!]! * inv);
      const q = uint8Out ? Math.trunc(f(p + 0.5)) : Math.round(p) + outputZeroPoint;
      output[r + c] = q < qmin ? qmin : q > qmax ? qmax : q;
    }
  }
}

/** Parameters of the int16 kernel. */
export interface SoftmaxInt16Params {
  /** Rescales x − max so that [−65535, 0] covers [−10, 0]. */
  multiplier: number;
  shift: number;
  /** exp on [−10, 0] and 1 / (1 + x) on [0, 1], 513-entry interpolation tables. */
  expLut: Int16Array;
  recipLut: Int16Array;
}

/** Reference int16 softmax (reference_ops::SoftmaxInt16), output in Q0.15. */
export function softmaxInt16(depth: number, p: SoftmaxInt16Params, input: Int16Array, output: Int16Array): void {
  for (let r = 0; r < input.length; r += depth) {
    const max = rowMax(input, r, depth, -32768);
    let sum = 0;
    for (let c = 0; c < depth; c++) {
      const scaled = multiplyByQuantizedMultiplier(input[r + c]! - max, p.multiplier, p.shift) + 32767;
      const e = lutLookupInt16(scaled < -32768 ? -32768 : scaled > 32767 ? 32767 : scaled, p.expLut);
      output[r + c] = e; // the exps are cached in the output, as TFLite does
      sum += e;
    }
    const headroomPlusOne = Math.clz32(sum);
    const shiftedSum = Math.floor((sum * 2 ** (headroomPlusOne - 1) + 8192) / 16384) - (32768 + 65536);
    const recip = lutLookupInt16(shiftedSum < -32768 ? -32768 : shiftedSum > 32767 ? 32767 : shiftedSum, p.recipLut);
    const rightShift = 31 - headroomPlusOne;
    for (let c = 0; c < depth; c++) {
      const v = Math.floor((output[r + c]! * recip + 2 ** (rightShift - 1)) / 2 ** rightShift);
      output[r + c] = v < 0 ? 0 : v > 32767 ? 32767 : v;
    }
  }
}

/** Checks one input of rank ≥ 1 and one output, sizes the output like the input; returns the last axis. */
export function prepareLastAxis(ctx: OpContext): number {
  if (ctx.numInputs !== 1) ctx.fail(`expected 1 input, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(0);
  if (input.shape.length < 1) ctx.fail('input must have rank ≥ 1');
  ctx.resizeOutput(0, input.shape);
  return input.shape[input.shape.length - 1]!;
}

type SoftmaxData =
  | { kind: 'float'; depth: number }
  | { kind: 'table'; depth: number; table: Float32Array; scale: number; zeroPoint: number }
  | { kind: 'int16'; depth: number; p: SoftmaxInt16Params };

const RANGE16 = 65535;

function prepare(ctx: OpContext<SoftmaxOptions>): SoftmaxData {
  const depth = prepareLastAxis(ctx);
  const input = ctx.input(0), output = ctx.output(0);
  checkType(ctx, input, 'float32', 'uint8', 'int8', 'int16');
  if (input.dtype === 'float32') {
    checkType(ctx, output, 'float32');
    return { kind: 'float', depth };
  }
  if (input.dtype === 'int16') checkType(ctx, output, 'int16');
  else checkType(ctx, output, input.dtype, 'int16');
  const inq = affineOf(ctx, input), outq = affineOf(ctx, output);
  const beta = ctx.options.beta;
  if (input.dtype === 'int8' && output.dtype === 'int8') {
    if (outq.zeroPoint !== -128) ctx.fail(`int8 output needs zero point -128, got ${outq.zeroPoint}`);
    if (Math.abs(f(outq.scale - 1 / 256)) > f(0.001 / 256)) ctx.fail(`int8 output needs scale 1/256, got ${outq.scale}`);
  }
  if (input.dtype !== 'int16') {
    return { kind: 'table', depth, table: softmaxLookupTable(inq.scale, beta), scale: f(outq.scale), zeroPoint: outq.zeroPoint };
  }
  if (inq.zeroPoint !== 0 || outq.zeroPoint !== 0) ctx.fail('int16 input and output need zero point 0');
  if (Math.abs(f(outq.scale - 1 / 32768)) > f(0.001 / 32768)) ctx.fail(`int16 output needs scale 1/32768, got ${outq.scale}`);
  if (input.shape.length > 4) ctx.fail(`int16 softmax takes rank 1 to 4, got ${input.shape.length}`);
  const m = quantizeMultiplier(f(inq.scale * beta) / (10 / RANGE16));
  if (m === null) return ctx.fail('input multiplier is not finite');
  return {
    kind: 'int16', depth,
    p: {
      multiplier: m.multiplier, shift: m.shift,
      expLut: lutPopulateInt16(10 / RANGE16, 32767, 2 / RANGE16, 0, Math.exp, 'double'),
      recipLut: lutPopulateInt16(1 / RANGE16, -32768, 2 / RANGE16, 0, (x) => 1 / (1 + x), 'double'),
    },
  };
}

function evalSoftmax(ctx: OpContext<SoftmaxOptions>, d: SoftmaxData): void {
  if (d.depth === 0) return;
  const input = ctx.input(0).data, output = ctx.output(0).data;
  switch (d.kind) {
    case 'float':
      softmaxFloat(d.depth, ctx.options.beta, input as Float32Array, output as Float32Array);
      return;
    case 'table':
      softmaxQuantized(d.depth, d.table, d.scale, d.zeroPoint, input as Uint8Array | Int8Array, output as Uint8Array | Int8Array | Int16Array);
      return;
    case 'int16':
      softmaxInt16(d.depth, d.p, input as Int16Array, output as Int16Array);
  }
}

export const SOFTMAX: KernelRegistration<SoftmaxData, SoftmaxOptions> = { prepare, eval: evalSoftmax };
