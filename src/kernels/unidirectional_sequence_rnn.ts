// UNIDIRECTIONAL_SEQUENCE_RNN (TFLite unidirectional_sequence_rnn.cc, float path): a basic RNN
// h = act(W*x + R*h + b) over a [time, batch, input] (time-major) or [batch, time, input] sequence.
// The hidden state (input 4, [batch, units]) is a variable tensor kept across invokes. With int8
// weights the op is hybrid (kernel_utils RnnBatchStep, hybrid overload): each step quantizes the
// input and the hidden state per batch row and rescales the integer matmuls to float.
import type { SequenceRNNOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { batchQuantizeFloats, hybridMatMulAcc, isZeroVector, rowSums } from './util/hybrid.js';
import { applyActivation } from './util/lstm_cell.js';
import { perTensorScale } from './util/lstm_check.js';

const INPUT = 0;
const WEIGHTS = 1;
const RECURRENT = 2;
const BIAS = 3;
const HIDDEN = 4;

export interface RnnSequenceParams {
  readonly timeMajor: boolean;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly inputSize: number;
  readonly numUnits: number;
  /** Fused activation (TFLite ApplyActivationToVector semantics). */
  readonly activation: number;
}

/** Reference kernel: runs the sequence, updating `hidden` ([batch, units]) in place. */
export function rnnSequenceFloat(
  p: RnnSequenceParams, input: Float32Array, weights: Float32Array, recurrent: Float32Array, bias: Float32Array,
  hidden: Float32Array, output: Float32Array,
): void {
  const { maxTime, nBatch, inputSize, numUnits } = p;
  if (p.timeMajor) {
    for (let s = 0; s < maxTime; s++) {
      rnnStep(p, nBatch, input, s * inputSize * nBatch, weights, recurrent, bias, hidden, 0, output, s * numUnits * nBatch);
    }
  } else {
    for (let b = 0; b < nBatch; b++) {
      for (let s = 0; s < maxTime; s++) {
        const row = b * maxTime + s;
        rnnStep(p, 1, input, row * inputSize, weights, recurrent, bias, hidden, b * numUnits, output, row * numUnits);
      }
    }
  }
}

/** TFLite RnnBatchStep: out = act(b + W*x + R*h); h = out. */
function rnnStep(
  p: RnnSequenceParams, nBatch: number, input: Float32Array, inOff: number, weights: Float32Array,
  recurrent: Float32Array, bias: Float32Array, hidden: Float32Array, hOff: number, output: Float32Array, outOff: number,
): void {
  const { inputSize, numUnits } = p;
  for (let b = 0; b < nBatch; b++) {
    for (let u = 0; u < numUnits; u++) {
      let x = 0;
      for (let i = 0; i < inputSize; i++) x += weights[u * inputSize + i]! * input[inOff + b * inputSize + i]!;
      let h = 0;
      for (let j = 0; j < numUnits; j++) h += recurrent[u * numUnits + j]! * hidden[hOff + b * numUnits + j]!;
      output[outOff + b * numUnits + u] = Math.fround(bias[u]! + Math.fround(x)) + Math.fround(h);
    }
  }
  const n = nBatch * numUnits;
  applyActivation(p.activation, output, outOff, output, outOff, n);
  for (let i = 0; i < n; i++) hidden[hOff + i] = output[outOff + i]!;
}

/** int8 weights with their scales, and the per-step quantization scratch of the hybrid RNN. */
export interface RnnHybrid {
  readonly weightsScale: number;
  readonly recurrentScale: number;
  readonly asymmetric: boolean;
  readonly qInput: Int8Array;
  readonly qHidden: Int8Array;
  readonly sf: Float32Array;
  readonly zp: Int32Array;
  /** Row sums of the input and recurrent weights, computed on the first step (asymmetric only). */
  rowSums: { readonly input: Int32Array; readonly recurrent: Int32Array } | null;
}

/** Reference kernel, hybrid: as rnnSequenceFloat with int8 weights. */
export function rnnSequenceHybrid(
  p: RnnSequenceParams, h: RnnHybrid, input: Float32Array, weights: Int8Array, recurrent: Int8Array, bias: Float32Array,
  hidden: Float32Array, output: Float32Array,
): void {
  const { maxTime, nBatch, inputSize, numUnits } = p;
  if (h.asymmetric && h.rowSums === null) {
    h.rowSums = { input: rowSums(weights, numUnits, inputSize), recurrent: rowSums(recurrent, numUnits, numUnits) };
  }
  if (p.timeMajor) {
    for (let s = 0; s < maxTime; s++) {
      rnnStepHybrid(p, h, nBatch, input, s * inputSize * nBatch, weights, recurrent, bias, hidden, 0, output, s * numUnits * nBatch);
    }
  } else {
    for (let b = 0; b < nBatch; b++) {
      for (let s = 0; s < maxTime; s++) {
        const row = b * maxTime + s;
        rnnStepHybrid(p, h, 1, input, row * inputSize, weights, recurrent, bias, hidden, b * numUnits, output, row * numUnits);
      }
    }
  }
}

/** TFLite's hybrid RnnBatchStep: out = act(b + W*x + R*h) with x and h quantized per batch row; h = out. */
function rnnStepHybrid(
  p: RnnSequenceParams, h: RnnHybrid, nBatch: number, input: Float32Array, inOff: number, weights: Int8Array,
  recurrent: Int8Array, bias: Float32Array, hidden: Float32Array, hOff: number, output: Float32Array, outOff: number,
): void {
  const { inputSize, numUnits } = p;
  for (let b = 0; b < nBatch; b++) for (let u = 0; u < numUnits; u++) output[outOff + b * numUnits + u] = bias[u]!;
  const zp = h.asymmetric ? h.zp : null;
  const mul = (x: Float32Array, xOff: number, cols: number, q: Int8Array, m: Int8Array, scale: number, sums: Int32Array | null): void => {
    if (isZeroVector(x, xOff, nBatch * cols)) return;
    batchQuantizeFloats(x, xOff, nBatch, cols, q, 0, h.sf, h.zp, 0, h.asymmetric);
    for (let b = 0; b < nBatch; b++) h.sf[b] = Math.fround(h.sf[b]! * scale);
    hybridMatMulAcc(m, numUnits, cols, q, 0, nBatch, h.sf, zp, sums, 0, output, outOff);
  };
  mul(input, inOff, inputSize, h.qInput, weights, h.weightsScale, h.rowSums?.input ?? null);
  mul(hidden, hOff, numUnits, h.qHidden, recurrent, h.recurrentScale, h.rowSums?.recurrent ?? null);
  const n = nBatch * numUnits;
  applyActivation(p.activation, output, outOff, output, outOff, n);
  for (let i = 0; i < n; i++) hidden[hOff + i] = output[outOff + i]!;
}

interface Data extends RnnSequenceParams {
  /** null: float weights. */
  readonly hybrid: RnnHybrid | null;
}

type Options = Partial<SequenceRNNOptions>;

function prepare(ctx: OpContext<Options>): Data {
  if (ctx.numInputs !== 5) ctx.fail(`expects 5 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expects 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(INPUT);
  const weights = ctx.input(WEIGHTS);
  const recurrent = ctx.input(RECURRENT);
  const bias = ctx.input(BIAS);
  const hidden = ctx.input(HIDDEN);
  checkType(ctx, input, 'float32');
  checkType(ctx, weights, 'float32', 'int8');
  if (recurrent.dtype !== weights.dtype) ctx.fail(`recurrent weights have type ${recurrent.dtype}, weights ${weights.dtype}`);
  checkType(ctx, bias, 'float32');
  if (input.shape.length !== 3) ctx.fail(`input must have rank 3, got [${input.shape}]`);
  if (weights.shape.length !== 2 || recurrent.shape.length !== 2 || bias.shape.length !== 1) {
    ctx.fail('weights and recurrent weights must have rank 2, bias rank 1');
  }
  const timeMajor = ctx.options.timeMajor ?? false;
  const nBatch = timeMajor ? input.shape[1]! : input.shape[0]!;
  const maxTime = timeMajor ? input.shape[0]! : input.shape[1]!;
  const numUnits = weights.shape[0]!;
  const inputSize = input.shape[2]!;
  if (weights.shape[1] !== inputSize) ctx.fail(`weights [${weights.shape}] do not match input size ${inputSize}`);
  if (bias.shape[0] !== numUnits) ctx.fail(`bias [${bias.shape}] does not match ${numUnits} units`);
  if (recurrent.shape[0] !== numUnits || recurrent.shape[1] !== numUnits) {
    ctx.fail(`recurrent weights [${recurrent.shape}] must be [${numUnits}, ${numUnits}]`);
  }
  if (!hidden.isVariable) ctx.fail('hidden state (input 4) must be a variable tensor');
  checkType(ctx, hidden, 'float32');
  if (hidden.shape.length !== 2 || hidden.shape[0] !== nBatch || hidden.shape[1] !== numUnits) {
    ctx.fail(`hidden state [${hidden.shape}] must be [${nBatch}, ${numUnits}]`);
  }
  checkType(ctx, ctx.output(0), 'float32');
  ctx.resizeOutput(0, timeMajor ? [maxTime, nBatch, numUnits] : [nBatch, maxTime, numUnits]);
  const act = ctx.options.fusedActivationFunction ?? 0;
  const hybrid: RnnHybrid | null = weights.dtype !== 'int8' ? null : {
    weightsScale: perTensorScale(ctx, weights),
    recurrentScale: perTensorScale(ctx, recurrent),
    asymmetric: ctx.options.asymmetricQuantizeInputs ?? false,
    qInput: new Int8Array(nBatch * inputSize),
    qHidden: new Int8Array(nBatch * numUnits),
    sf: new Float32Array(nBatch),
    zp: new Int32Array(nBatch),
    rowSums: null,
  };
  // TFLite maps unknown activation codes to NONE.
  return { timeMajor, maxTime, nBatch, inputSize, numUnits, activation: Number.isInteger(act) && act >= 0 && act <= 5 ? act : 0, hybrid };
}

function evaluate(ctx: OpContext<Options>, d: Data): void {
  const input = ctx.input(INPUT).data as Float32Array;
  const bias = ctx.input(BIAS).data as Float32Array;
  const hidden = ctx.input(HIDDEN).data as Float32Array;
  const output = ctx.output(0).data as Float32Array;
  if (d.hybrid !== null) {
    rnnSequenceHybrid(d, d.hybrid, input, ctx.input(WEIGHTS).data as Int8Array, ctx.input(RECURRENT).data as Int8Array, bias, hidden, output);
  } else {
    rnnSequenceFloat(d, input, ctx.input(WEIGHTS).data as Float32Array, ctx.input(RECURRENT).data as Float32Array, bias, hidden, output);
  }
}

export const UNIDIRECTIONAL_SEQUENCE_RNN: KernelRegistration<Data, Options> = { prepare, eval: evaluate };
