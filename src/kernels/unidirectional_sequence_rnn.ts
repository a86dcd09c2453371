// UNIDIRECTIONAL_SEQUENCE_RNN (TFLite unidirectional_sequence_rnn.cc, float path): a basic RNN
// h = act(W*x + R*h + b) over a [time, batch, input] (time-major) or [batch, time, input] sequence.
// The hidden state (input 4, [batch, units]) is a variable tensor kept across invokes.
import type { SequenceRNNOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { applyActivation } from './util/lstm_cell.js';

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

type Options = Partial<SequenceRNNOptions>;

function prepare(ctx: OpContext<Options>): RnnSequenceParams {
  if (ctx.numInputs !== 5) ctx.fail(`expects 5 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expects 1 output, got ${ctx.numOutputs}`);
  const input = ctx.input(INPUT);
  const weights = ctx.input(WEIGHTS);
  const recurrent = ctx.input(RECURRENT);
  const bias = ctx.input(BIAS);
  const hidden = ctx.input(HIDDEN);
  checkType(ctx, input, 'float32');
  for (const t of [weights, recurrent]) {
    if (t.dtype === 'int8' || t.dtype === 'uint8') ctx.fail('hybrid (quantized-weight) RNN is not supported yet');
    checkType(ctx, t, 'float32');
  }
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
  // TFLite maps unknown activation codes to NONE.
  return { timeMajor, maxTime, nBatch, inputSize, numUnits, activation: Number.isInteger(act) && act >= 0 && act <= 5 ? act : 0 };
}

function evaluate(ctx: OpContext<Options>, p: RnnSequenceParams): void {
  rnnSequenceFloat(p,
    ctx.input(INPUT).data as Float32Array,
    ctx.input(WEIGHTS).data as Float32Array,
    ctx.input(RECURRENT).data as Float32Array,
    ctx.input(BIAS).data as Float32Array,
    ctx.input(HIDDEN).data as Float32Array,
    ctx.output(0).data as Float32Array);
}

export const UNIDIRECTIONAL_SEQUENCE_RNN: KernelRegistration<RnnSequenceParams, Options> = { prepare, eval: evaluate };
