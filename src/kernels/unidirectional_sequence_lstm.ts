// UNIDIRECTIONAL_SEQUENCE_LSTM (TFLite unidirectional_sequence_lstm.cc): an LSTM over a
// [time, batch, input] (time-major) or [batch, time, input] sequence, with optional CIFG, peephole,
// projection and layer norm. Output and cell states are variable inputs 18 and 19, kept across invokes.
// Three variants, picked from the input and weight types as TFLite does: float; hybrid (float input,
// int8 weights, lstm_eval EvalHybrid); full integer 8x8->16 (int8 input/output state, int16 cell
// state, five intermediates carrying the gate and hidden scales, lstm_eval EvalInteger8x8_16).
import type { UnidirectionalSequenceLSTMOptions } from '../schema/generated.js';
import { checkType } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { lstmScratch, lstmSequenceFloat, type LstmCellParams, type LstmScratch } from './util/lstm_cell.js';
import {
  checkHybridScales, checkLstmCell, checkState, lstmHybridWeights, lstmIntegerParams, lstmIntegerWeights, lstmMode, lstmParams,
  lstmWeights, type LstmCellIndices,
} from './util/lstm_check.js';
import { lstmHybridScratch, lstmSequenceHybrid, type LstmHybridScratch } from './util/lstm_hybrid.js';
import {
  lstmIntegerScratch, lstmSequenceInteger, type LstmIntegerParams, type LstmIntegerScratch, type LstmMatMul,
} from './util/lstm_integer.js';

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

type Variant =
  | { readonly mode: 'float'; readonly scratch: LstmScratch }
  | { readonly mode: 'hybrid'; readonly scratch: LstmHybridScratch }
  | { readonly mode: 'integer'; readonly integer: LstmIntegerParams; readonly scratch: LstmIntegerScratch };

export interface LstmData {
  readonly timeMajor: boolean;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly nInput: number;
  readonly nCell: number;
  readonly nOutput: number;
  readonly layerNorm: boolean;
  readonly asymmetric: boolean;
  readonly params: LstmCellParams;
  readonly variant: Variant;
}

type Options = Partial<UnidirectionalSequenceLSTMOptions>;

function prepare(ctx: OpContext<Options>): LstmData {
  let layerNorm: boolean;
  if (ctx.numInputs === 24) layerNorm = ctx.optionalInput(CELL.lnForget) !== null;
  else if (ctx.numInputs === 20) layerNorm = false;
  else ctx.fail(`expects 20 or 24 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expects 1 output, got ${ctx.numOutputs}`);
  const opts = ctx.options;
  if (opts.diagonalRecurrentTensors) ctx.fail('diagonal recurrent tensors are not supported');
  const params = lstmParams(ctx, opts);

  const input = ctx.input(INPUT);
  const mode = lstmMode(ctx, input, ctx.input(CELL.inputToOutput), true);
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
  checkLstmCell(ctx, CELL, nInput, nOutput, nCell, layerNorm, 0, mode);
  const integer = mode === 'integer';
  const outputState = checkState(ctx, OUTPUT_STATE, nBatch * nOutput, 'output_state', integer ? 'int8' : 'float32');
  const cellState = checkState(ctx, CELL_STATE, nBatch * nCell, 'cell_state', integer ? 'int16' : 'float32');

  const output = ctx.output(0);
  checkType(ctx, output, integer ? 'int8' : 'float32');
  ctx.resizeOutput(0, [input.shape[0]!, input.shape[1]!, nOutput]);
  let variant: Variant;
  if (mode === 'float') {
    variant = { mode, scratch: lstmScratch(nBatch, nCell, nOutput) };
  } else if (mode === 'hybrid') {
    checkHybridScales(ctx, CELL, false);
    variant = { mode, scratch: lstmHybridScratch(nBatch, nInput, 0, nCell, nOutput) };
  } else {
    variant = {
      mode,
      integer: lstmIntegerParams(ctx, CELL, layerNorm, opts, input, outputState, cellState, output, nInput, nCell, nOutput),
      scratch: lstmIntegerScratch(nBatch, nCell),
    };
  }
  return {
    timeMajor, maxTime, nBatch, nInput, nCell, nOutput, layerNorm, asymmetric: opts.asymmetricQuantizeInputs ?? false,
    params, variant,
  };
}

/** The integer variant's eval, with other scratch buffers and matrix products (the SIMD tier's). */
export function evalIntegerLstm(
  ctx: OpContext, d: LstmData, integer: LstmIntegerParams, scratch: LstmIntegerScratch, matMul?: LstmMatMul,
): void {
  lstmSequenceInteger(lstmIntegerWeights(ctx, CELL, d.layerNorm), integer, {
    input: ctx.input(INPUT).data as Int8Array,
    output: ctx.output(0).data as Int8Array,
    outputState: ctx.input(OUTPUT_STATE).data as Int8Array,
    cellState: ctx.input(CELL_STATE).data as Int16Array,
    maxTime: d.maxTime, nBatch: d.nBatch, nInput: d.nInput, nCell: d.nCell, nOutput: d.nOutput, timeMajor: d.timeMajor,
  }, scratch, matMul);
}

/** The integer variant's int8 weight matrices (input indices), the ones LstmMatMul reads. */
export const INTEGER_LSTM_MATRICES: readonly number[] = [
  CELL.inputToInput, CELL.inputToForget, CELL.inputToCell, CELL.inputToOutput,
  CELL.recurrentToInput, CELL.recurrentToForget, CELL.recurrentToCell, CELL.recurrentToOutput, CELL.projection,
];

/** Inputs read and written in place: the sequence and the two state variables. */
export const LSTM_IN_PLACE: readonly number[] = [INPUT, OUTPUT_STATE, CELL_STATE];

function evaluate(ctx: OpContext<Options>, d: LstmData): void {
  const v = d.variant;
  if (v.mode === 'integer') {
    evalIntegerLstm(ctx, d, v.integer, v.scratch);
    return;
  }
  const seq = {
    input: ctx.input(INPUT).data as Float32Array,
    aux: null,
    output: ctx.output(0).data as Float32Array,
    outputState: ctx.input(OUTPUT_STATE).data as Float32Array,
    cellState: ctx.input(CELL_STATE).data as Float32Array,
    maxTime: d.maxTime, nBatch: d.nBatch, nInput: d.nInput, nAux: 0, nCell: d.nCell, nOutput: d.nOutput,
    timeMajor: d.timeMajor, forward: true, outputLeadingDim: d.nOutput, outputOffset: 0,
  };
  if (v.mode === 'hybrid') {
    lstmSequenceHybrid(lstmHybridWeights(ctx, CELL, d.layerNorm, false), { ...d.params, asymmetric: d.asymmetric }, seq, v.scratch);
  } else {
    lstmSequenceFloat(lstmWeights(ctx, CELL, d.layerNorm, false), d.params, seq, v.scratch);
  }
}

export const UNIDIRECTIONAL_SEQUENCE_LSTM: KernelRegistration<LstmData, Options> = { prepare, eval: evaluate };
