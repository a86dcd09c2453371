// UNIDIRECTIONAL_SEQUENCE_LSTM (TFLite unidirectional_sequence_lstm.cc, float path): an LSTM over a
// [time, batch, input] (time-major) or [batch, time, input] sequence, with optional CIFG, peephole,
// projection and layer norm. Output and cell states are variable inputs 18 and 19, kept across invokes.
import type { UnidirectionalSequenceLSTMOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { lstmScratch, lstmSequenceFloat, type LstmCellParams, type LstmScratch } from './util/lstm_cell.js';
import { checkLstmCell, checkState, lstmParams, lstmWeights, type LstmCellIndices } from './util/lstm_check.js';

const INPUT = 0;
const OUTPUT_STATE = 18;
const CELL_STATE = 19;

const CELL: LstmCellIndices = {
  inputToInput: 1, inputToForget: 2, inputToCell: 3, inputToOutput: 4,
  recurrentToInput: 5, recurrentToForget: 6, recurrentToCell: 7, recurrentToOutput: 8,
  cellToInput: 9, cellToForget: 10, cellToOutput: 11,
  inputGateBias: 12, forgetGateBias: 13, cellGateBias: 14, outputGateBias: 15,
  projection: 16, projectionBias: 17,
  lnInput: 20, lnForget: 21, lnCell: 22, lnOutput: 23,
  auxToInput: -1, auxToForget: -1, auxToCell: -1, auxToOutput: -1,
};

interface Data {
  readonly timeMajor: boolean;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly nInput: number;
  readonly nCell: number;
  readonly nOutput: number;
  readonly layerNorm: boolean;
  readonly params: LstmCellParams;
  readonly scratch: LstmScratch;
}

type Options = Partial<UnidirectionalSequenceLSTMOptions>;

function prepare(ctx: OpContext<Options>): Data {
  let layerNorm: boolean;
  if (ctx.numInputs === 24) layerNorm = ctx.optionalInput(CELL.lnForget) !== null;
  else if (ctx.numInputs === 20) layerNorm = false;
  else ctx.fail(`expects 20 or 24 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expects 1 output, got ${ctx.numOutputs}`);
  const opts = ctx.options;
  if (opts.diagonalRecurrentTensors) ctx.fail('diagonal recurrent tensors are not supported');
  const params = lstmParams(ctx, opts);

  const input = ctx.input(INPUT);
  checkType(ctx, input, 'float32');
  if (input.shape.length !== 3) ctx.fail(`input must have rank 3, got [${input.shape}]`);
  const timeMajor = opts.timeMajor ?? false;
  const maxTime = timeMajor ? input.shape[0]! : input.shape[1]!;
  const nBatch = timeMajor ? input.shape[1]! : input.shape[0]!;
  const nInput = input.shape[2]!;

  const itoo = ctx.input(CELL.inputToOutput);
  const rtoo = ctx.input(CELL.recurrentToOutput);
  if (itoo.shape.length !== 2 || rtoo.shape.length !== 2) ctx.fail('input_to_output and recurrent_to_output weights must have rank 2');
  const nCell = itoo.shape[0]!;
  const nOutput = rtoo.shape[1]!;
  checkLstmCell(ctx, CELL, nInput, nOutput, nCell, layerNorm, 0);
  checkState(ctx, OUTPUT_STATE, nBatch * nOutput, 'output_state');
  checkState(ctx, CELL_STATE, nBatch * nCell, 'cell_state');

  checkType(ctx, ctx.output(0), 'float32');
  ctx.resizeOutput(0, [input.shape[0]!, input.shape[1]!, nOutput]);
  return { timeMajor, maxTime, nBatch, nInput, nCell, nOutput, layerNorm, params, scratch: lstmScratch(nBatch, nCell, nOutput) };
}

function evaluate(ctx: OpContext<Options>, d: Data): void {
  lstmSequenceFloat(lstmWeights(ctx, CELL, d.layerNorm, false), d.params, {
    input: ctx.input(INPUT).data as Float32Array,
    aux: null,
    output: ctx.output(0).data as Float32Array,
    outputState: ctx.input(OUTPUT_STATE).data as Float32Array,
    cellState: ctx.input(CELL_STATE).data as Float32Array,
    maxTime: d.maxTime, nBatch: d.nBatch, nInput: d.nInput, nAux: 0, nCell: d.nCell, nOutput: d.nOutput,
    timeMajor: d.timeMajor, forward: true, outputLeadingDim: d.nOutput, outputOffset: 0,
  }, d.scratch);
}

export const UNIDIRECTIONAL_SEQUENCE_LSTM: KernelRegistration<Data, Options> = { prepare, eval: evaluate };
