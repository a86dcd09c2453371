// Prepare-time validation and eval-time gathering of one LSTM cell's tensors, shared by
// UNIDIRECTIONAL_SEQUENCE_LSTM and BIDIRECTIONAL_SEQUENCE_LSTM (TFLite's CheckInputTensorDimensions).
import type { Tensor } from '../../interpreter/tensor.js';
import type { OpContext } from '../registration.js';
import type { LstmCellParams, LstmCellWeights } from './lstm_cell.js';

/** Input indices of one cell's tensors; -1 where the op has no such input. */
export interface LstmCellIndices {
  readonly inputToInput: number;
  readonly inputToForget: number;
  readonly inputToCell: number;
  readonly inputToOutput: number;
  readonly recurrentToInput: number;
  readonly recurrentToForget: number;
  readonly recurrentToCell: number;
  readonly recurrentToOutput: number;
  readonly cellToInput: number;
  readonly cellToForget: number;
  readonly cellToOutput: number;
  readonly inputGateBias: number;
  readonly forgetGateBias: number;
  readonly cellGateBias: number;
  readonly outputGateBias: number;
  readonly projection: number;
  readonly projectionBias: number;
  readonly lnInput: number;
  readonly lnForget: number;
  readonly lnCell: number;
  readonly lnOutput: number;
  readonly auxToInput: number;
  readonly auxToForget: number;
  readonly auxToCell: number;
  readonly auxToOutput: number;
}

export function optInput(ctx: OpContext, i: number): Tensor | null {
  return i < 0 ? null : ctx.optionalInput(i);
}

function reqInput(ctx: OpContext, i: number, what: string): Tensor {
  const t = optInput(ctx, i);
  if (t === null) ctx.fail(`${what} (input ${i}) is required`);
  return t;
}

function checkFloat(ctx: OpContext, t: Tensor, what: string): void {
  if (t.dtype === 'int8' || t.dtype === 'uint8') ctx.fail(`${what}: hybrid (quantized-weight) LSTM is not supported yet`);
  if (t.dtype !== 'float32') ctx.fail(`${what} has type ${t.dtype}, expected float32`);
}

function checkShape(ctx: OpContext, t: Tensor, shape: readonly number[], what: string): void {
  checkFloat(ctx, t, what);
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    ctx.fail(`${what} has shape [${t.shape}], expected [${shape}]`);
  }
}

/**
 * Checks one cell's weights against nInput/nOutput/nCell as TFLite does: CIFG, peephole and
 * layer-norm tensors all-or-none, input gate bias iff not CIFG, projection bias only with weights.
 * `nAux` > 0 also checks the aux weights.
 */
export function checkLstmCell(
  ctx: OpContext, ix: LstmCellIndices, nInput: number, nOutput: number, nCell: number, layerNorm: boolean, nAux: number,
): void {
  const o = (i: number): Tensor | null => optInput(ctx, i);
  const itoi = o(ix.inputToInput);
  if (itoi) checkShape(ctx, itoi, [nCell, nInput], 'input_to_input_weights');
  checkShape(ctx, reqInput(ctx, ix.inputToForget, 'input_to_forget_weights'), [nCell, nInput], 'input_to_forget_weights');
  checkShape(ctx, reqInput(ctx, ix.inputToCell, 'input_to_cell_weights'), [nCell, nInput], 'input_to_cell_weights');
  checkShape(ctx, reqInput(ctx, ix.inputToOutput, 'input_to_output_weights'), [nCell, nInput], 'input_to_output_weights');
  const rtoi = o(ix.recurrentToInput);
  if (rtoi) checkShape(ctx, rtoi, [nCell, nOutput], 'recurrent_to_input_weights');
  checkShape(ctx, reqInput(ctx, ix.recurrentToForget, 'recurrent_to_forget_weights'), [nCell, nOutput], 'recurrent_to_forget_weights');
  checkShape(ctx, reqInput(ctx, ix.recurrentToCell, 'recurrent_to_cell_weights'), [nCell, nOutput], 'recurrent_to_cell_weights');
  checkShape(ctx, reqInput(ctx, ix.recurrentToOutput, 'recurrent_to_output_weights'), [nCell, nOutput], 'recurrent_to_output_weights');
  if ((itoi === null) !== (rtoi === null)) ctx.fail('input_to_input and recurrent_to_input weights must be both present or both absent (CIFG)');
  const useCifg = itoi === null;

  const ctoi = o(ix.cellToInput), ctof = o(ix.cellToForget), ctoo = o(ix.cellToOutput);
  if (ctoi) checkShape(ctx, ctoi, [nCell], 'cell_to_input_weights');
  if (ctof) checkShape(ctx, ctof, [nCell], 'cell_to_forget_weights');
  if (ctoo) checkShape(ctx, ctoo, [nCell], 'cell_to_output_weights');
  const allPeep = (ctoi !== null || useCifg) && ctof !== null && ctoo !== null;
  const noPeep = ctoi === null && ctof === null && ctoo === null;
  if (!allPeep && !noPeep) ctx.fail('peephole weights must be all present or all absent');

  const igb = o(ix.inputGateBias);
  if (useCifg) {
    if (igb !== null) ctx.fail('input_gate_bias must be absent in a CIFG LSTM');
  } else {
    if (igb === null) ctx.fail('input_gate_bias is required without CIFG');
    checkShape(ctx, igb, [nCell], 'input_gate_bias');
  }
  checkShape(ctx, reqInput(ctx, ix.forgetGateBias, 'forget_gate_bias'), [nCell], 'forget_gate_bias');
  checkShape(ctx, reqInput(ctx, ix.cellGateBias, 'cell_gate_bias'), [nCell], 'cell_gate_bias');
  checkShape(ctx, reqInput(ctx, ix.outputGateBias, 'output_gate_bias'), [nCell], 'output_gate_bias');

  const proj = o(ix.projection), projBias = o(ix.projectionBias);
  if (proj) checkShape(ctx, proj, [nOutput, nCell], 'projection_weights');
  if (projBias) checkShape(ctx, projBias, [nOutput], 'projection_bias');
  if (proj === null && projBias !== null) ctx.fail('projection_bias given without projection_weights');
  // Without projection the output state is read straight from the nCell-wide gate buffer.
  if (proj === null && nOutput > nCell) ctx.fail(`output size ${nOutput} exceeds cell count ${nCell} without projection`);

  if (layerNorm) {
    const lni = o(ix.lnInput);
    if (useCifg) {
      if (lni !== null) ctx.fail('input_layer_norm_coefficients must be absent in a CIFG LSTM');
    } else {
      if (lni === null) ctx.fail('input_layer_norm_coefficients is required without CIFG');
      checkShape(ctx, lni, [nCell], 'input_layer_norm_coefficients');
    }
    checkShape(ctx, reqInput(ctx, ix.lnForget, 'forget_layer_norm_coefficients'), [nCell], 'forget_layer_norm_coefficients');
    checkShape(ctx, reqInput(ctx, ix.lnCell, 'cell_layer_norm_coefficients'), [nCell], 'cell_layer_norm_coefficients');
    checkShape(ctx, reqInput(ctx, ix.lnOutput, 'output_layer_norm_coefficients'), [nCell], 'output_layer_norm_coefficients');
  }

  if (nAux > 0) {
    if (!useCifg) checkShape(ctx, reqInput(ctx, ix.auxToInput, 'aux_input_to_input_weights'), [nCell, nAux], 'aux_input_to_input_weights');
    checkShape(ctx, reqInput(ctx, ix.auxToForget, 'aux_input_to_forget_weights'), [nCell, nAux], 'aux_input_to_forget_weights');
    checkShape(ctx, reqInput(ctx, ix.auxToCell, 'aux_input_to_cell_weights'), [nCell, nAux], 'aux_input_to_cell_weights');
    checkShape(ctx, reqInput(ctx, ix.auxToOutput, 'aux_input_to_output_weights'), [nCell, nAux], 'aux_input_to_output_weights');
  }
}

/** A float32 variable state tensor of `elements` values (TFLite GetVariableInput + NumElements). */
export function checkState(ctx: OpContext, i: number, elements: number, what: string): void {
  const t = reqInput(ctx, i, what);
  if (!t.isVariable) ctx.fail(`${what} (input ${i}) must be a variable tensor`);
  if (t.dtype !== 'float32') ctx.fail(`${what} has type ${t.dtype}, expected float32`);
  if (t.size !== elements) ctx.fail(`${what} has ${t.size} elements, expected ${elements}`);
}

/** Reads the cell's tensors (call in eval: views change when the arena is re-planned). */
export function lstmWeights(ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean, withAux: boolean): LstmCellWeights {
  const f = (i: number): Float32Array | null => (optInput(ctx, i)?.data as Float32Array | undefined) ?? null;
  const r = (i: number): Float32Array => ctx.input(i).data as Float32Array;
  const useCifg = f(ix.inputToInput) === null;
  return {
    inputToInput: f(ix.inputToInput),
    inputToForget: r(ix.inputToForget),
    inputToCell: r(ix.inputToCell),
    inputToOutput: r(ix.inputToOutput),
    auxToInput: withAux && !useCifg ? f(ix.auxToInput) : null,
    auxToForget: withAux ? f(ix.auxToForget) : null,
    auxToCell: withAux ? f(ix.auxToCell) : null,
    auxToOutput: withAux ? f(ix.auxToOutput) : null,
    recurrentToInput: f(ix.recurrentToInput),
    recurrentToForget: r(ix.recurrentToForget),
    recurrentToCell: r(ix.recurrentToCell),
    recurrentToOutput: r(ix.recurrentToOutput),
    cellToInput: useCifg ? null : f(ix.cellToInput),
    cellToForget: f(ix.cellToForget),
    cellToOutput: f(ix.cellToOutput),
    lnInput: layerNorm && !useCifg ? f(ix.lnInput) : null,
    lnForget: layerNorm ? f(ix.lnForget) : null,
    lnCell: layerNorm ? f(ix.lnCell) : null,
    lnOutput: layerNorm ? f(ix.lnOutput) : null,
    inputGateBias: f(ix.inputGateBias),
    forgetGateBias: r(ix.forgetGateBias),
    cellGateBias: r(ix.cellGateBias),
    outputGateBias: r(ix.outputGateBias),
    projection: f(ix.projection),
    projectionBias: f(ix.projectionBias),
  };
}

/** LSTM options as TFLite reads them: clips must be >= 0; unknown activations act as NONE. */
export function lstmParams(ctx: OpContext, opts: { fusedActivationFunction?: number; cellClip?: number; projClip?: number }): LstmCellParams {
  const act = opts.fusedActivationFunction ?? 0;
  const cellClip = opts.cellClip ?? 0;
  const projClip = opts.projClip ?? 0;
  if (!(cellClip >= 0)) ctx.fail(`cell_clip must be >= 0, got ${cellClip}`);
  if (!(projClip >= 0)) ctx.fail(`proj_clip must be >= 0, got ${projClip}`);
  return { activation: Number.isInteger(act) && act >= 0 && act <= 5 ? act : 0, cellClip, projClip };
}
