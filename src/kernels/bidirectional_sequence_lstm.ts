// BIDIRECTIONAL_SEQUENCE_LSTM (TFLite bidirectional_sequence_lstm.cc, float path): a forward and a
// backward LSTM over the same sequence. 48 inputs: the input, 17 forward and 17 backward cell
// tensors, four variable states (35-38), an optional aux input (39) and its forward/backward
// weights (40-47). With aux weights the aux input feeds both cells (stacking with cross links);
// without them a given aux input replaces the input of the backward cell. merge_outputs
// concatenates [fw, bw] along the last axis into one output. Float, or hybrid (float input, int8
// weights: lstm_eval EvalHybrid) when the weights are int8.
import type { BidirectionalSequenceLSTMOptions } from '../schema/generated.js';
import { checkType, sameShape } from './kernel_util.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { lstmScratch, lstmSequenceFloat, type LstmCellParams, type LstmScratch, type LstmSequence } from './util/lstm_cell.js';
import {
  checkHybridScales, checkLstmCell, checkState, lstmHybridWeights, lstmMode, lstmParams, lstmWeights, optInput, type LstmCellIndices,
} from './util/lstm_check.js';
import { lstmHybridScratch, lstmSequenceHybrid, type LstmHybridScratch } from './util/lstm_hybrid.js';

const INPUT = 0;
const FW_OUTPUT_STATE = 35;
const FW_CELL_STATE = 36;
const BW_OUTPUT_STATE = 37;
const BW_CELL_STATE = 38;
const AUX_INPUT = 39;

const FW: LstmCellIndices = {
  inputToInput: 1, inputToForget: 2, inputToCell: 3, inputToOutput: 4,
  recurrentToInput: 5, recurrentToForget: 6, recurrentToCell: 7, recurrentToOutput: 8,
  cellToInput: 9, cellToForget: 10, cellToOutput: 11,
  inputGateBias: 12, forgetGateBias: 13, cellGateBias: 14, outputGateBias: 15,
  projection: 16, projectionBias: 17,
  lnInput: -1, lnForget: -1, lnCell: -1, lnOutput: -1,
  auxToInput: 40, auxToForget: 41, auxToCell: 42, auxToOutput: 43,
};

const BW: LstmCellIndices = {
  inputToInput: 18, inputToForget: 19, inputToCell: 20, inputToOutput: 21,
  recurrentToInput: 22, recurrentToForget: 23, recurrentToCell: 24, recurrentToOutput: 25,
  cellToInput: 26, cellToForget: 27, cellToOutput: 28,
  inputGateBias: 29, forgetGateBias: 30, cellGateBias: 31, outputGateBias: 32,
  projection: 33, projectionBias: 34,
  lnInput: -1, lnForget: -1, lnCell: -1, lnOutput: -1,
  auxToInput: 44, auxToForget: 45, auxToCell: 46, auxToOutput: 47,
};

interface Data {
  readonly timeMajor: boolean;
  readonly merge: boolean;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly nInput: number;
  readonly nCell: number;
  readonly nOutput: number;
  /** Aux input with aux weights: fed to both cells. */
  readonly useAux: boolean;
  readonly nAux: number;
  /** Aux input without aux weights: it is the backward cell's input. */
  readonly bwFromAux: boolean;
  readonly params: LstmCellParams;
  readonly asymmetric: boolean;
  /** Float: one scratch for both passes. Hybrid: one per direction (each keeps its weights' row sums). */
  readonly scratch: { readonly hybrid: false; readonly both: LstmScratch } | { readonly hybrid: true; readonly fw: LstmHybridScratch; readonly bw: LstmHybridScratch };
}

type Options = Partial<BidirectionalSequenceLSTMOptions>;

function prepare(ctx: OpContext<Options>): Data {
  const opts = ctx.options;
  const merge = opts.mergeOutputs ?? false;
  if (ctx.numInputs !== 48) ctx.fail(`expects 48 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== (merge ? 1 : 2)) ctx.fail(`expects ${merge ? 1 : 2} outputs, got ${ctx.numOutputs}`);
  const params = lstmParams(ctx, opts);

  const input = ctx.input(INPUT);
  const mode = lstmMode(ctx, input, ctx.input(FW.inputToOutput), false);
  if (input.shape.length !== 3) ctx.fail(`input must have rank 3, got [${input.shape}]`);
  const timeMajor = opts.timeMajor ?? false;
  const maxTime = timeMajor ? input.shape[0]! : input.shape[1]!;
  const nBatch = timeMajor ? input.shape[1]! : input.shape[0]!;
  const nInput = input.shape[2]!;

  const dims = (ix: LstmCellIndices, dir: string): [number, number] => {
    const itoo = ctx.input(ix.inputToOutput);
    const rtoo = ctx.input(ix.recurrentToOutput);
    if (itoo.shape.length !== 2 || rtoo.shape.length !== 2) ctx.fail(`${dir} input_to_output and recurrent_to_output weights must have rank 2`);
    return [itoo.shape[0]!, rtoo.shape[1]!];
  };
  const [nCell, nOutput] = dims(FW, 'forward');
  const [nBwCell, nBwOutput] = dims(BW, 'backward');
  // TFLite checks both cells against the forward sizes and again against the backward ones.
  if (nBwCell !== nCell || nBwOutput !== nOutput) {
    ctx.fail(`backward cell [${nBwCell} cells, ${nBwOutput} outputs] differs from forward [${nCell}, ${nOutput}]`);
  }

  const auxWeights = [FW.auxToForget, FW.auxToCell, FW.auxToOutput, BW.auxToForget, BW.auxToCell, BW.auxToOutput]
    .map((i) => optInput(ctx, i) !== null);
  if (!auxWeights.every((p) => p === auxWeights[0])) ctx.fail('aux input weights must be all present or all absent');
  const useAux = auxWeights[0]!;
  const aux = optInput(ctx, AUX_INPUT);
  let nAux = 0;
  if (aux !== null) {
    checkType(ctx, aux, 'float32');
    if (aux.shape.length !== 3 || aux.shape[0] !== input.shape[0] || aux.shape[1] !== input.shape[1]) {
      ctx.fail(`aux input shape [${aux.shape}] does not match input [${input.shape}]`);
    }
    if (!useAux && !sameShape(aux.shape, input.shape)) {
      ctx.fail(`aux input [${aux.shape}] feeding the backward cell must have the input's shape [${input.shape}]`);
    }
  }
  if (useAux) {
    if (aux === null) ctx.fail('aux input weights given without an aux input');
    nAux = aux.shape[2]!;
    // TFLite steps through the aux input with the input's row length: refuse reads past its end.
    if (nAux < nInput && maxTime * nBatch > 1) ctx.fail(`aux input size ${nAux} smaller than input size ${nInput} is not supported`);
  }
  checkLstmCell(ctx, FW, nInput, nOutput, nCell, false, nAux, mode);
  checkLstmCell(ctx, BW, nInput, nOutput, nCell, false, nAux, mode);
  const hybrid = mode === 'hybrid';
  if (hybrid) {
    checkHybridScales(ctx, FW, useAux);
    checkHybridScales(ctx, BW, useAux);
  }
  checkState(ctx, FW_OUTPUT_STATE, nBatch * nOutput, 'fw_output_state');
  checkState(ctx, FW_CELL_STATE, nBatch * nCell, 'fw_cell_state');
  checkState(ctx, BW_OUTPUT_STATE, nBatch * nOutput, 'bw_output_state');
  checkState(ctx, BW_CELL_STATE, nBatch * nCell, 'bw_cell_state');

  const outShape = (n: number): number[] => (timeMajor ? [maxTime, nBatch, n] : [nBatch, maxTime, n]);
  checkType(ctx, ctx.output(0), 'float32');
  ctx.resizeOutput(0, outShape(merge ? 2 * nOutput : nOutput));
  if (!merge) {
    checkType(ctx, ctx.output(1), 'float32');
    ctx.resizeOutput(1, outShape(nOutput));
  }
  const hybridScratch = (): LstmHybridScratch => lstmHybridScratch(nBatch, nInput, nAux, nCell, nOutput);
  return {
    timeMajor, merge, maxTime, nBatch, nInput, nCell, nOutput, useAux, nAux, bwFromAux: aux !== null && !useAux,
    params, asymmetric: opts.asymmetricQuantizeInputs ?? false,
    scratch: hybrid ? { hybrid, fw: hybridScratch(), bw: hybridScratch() } : { hybrid, both: lstmScratch(nBatch, nCell, nOutput) },
  };
}

function evaluate(ctx: OpContext<Options>, d: Data): void {
  const input = ctx.input(INPUT).data as Float32Array;
  const aux = ctx.optionalInput(AUX_INPUT)?.data as Float32Array | undefined;
  const fwOut = ctx.output(0).data as Float32Array;
  const ld = d.merge ? 2 * d.nOutput : d.nOutput;
  const common = {
    aux: d.useAux ? aux! : null,
    maxTime: d.maxTime, nBatch: d.nBatch, nInput: d.nInput, nAux: d.nAux, nCell: d.nCell, nOutput: d.nOutput,
    timeMajor: d.timeMajor, outputLeadingDim: ld,
  };
  const fw: LstmSequence = {
    ...common,
    input,
    output: fwOut,
    outputState: ctx.input(FW_OUTPUT_STATE).data as Float32Array,
    cellState: ctx.input(FW_CELL_STATE).data as Float32Array,
    forward: true,
    outputOffset: 0,
  };
  const bw: LstmSequence = {
    ...common,
    input: d.bwFromAux ? aux! : input,
    output: d.merge ? fwOut : (ctx.output(1).data as Float32Array),
    outputState: ctx.input(BW_OUTPUT_STATE).data as Float32Array,
    cellState: ctx.input(BW_CELL_STATE).data as Float32Array,
    forward: false,
    outputOffset: d.merge ? d.nOutput : 0,
  };
  const sc = d.scratch;
  if (sc.hybrid) {
    const p = { ...d.params, asymmetric: d.asymmetric };
    lstmSequenceHybrid(lstmHybridWeights(ctx, FW, false, d.useAux), p, fw, sc.fw);
    lstmSequenceHybrid(lstmHybridWeights(ctx, BW, false, d.useAux), p, bw, sc.bw);
  } else {
    lstmSequenceFloat(lstmWeights(ctx, FW, false, d.useAux), d.params, fw, sc.both);
    lstmSequenceFloat(lstmWeights(ctx, BW, false, d.useAux), d.params, bw, sc.both);
  }
}

export const BIDIRECTIONAL_SEQUENCE_LSTM: KernelRegistration<Data, Options> = { prepare, eval: evaluate };
