// Prepare-time validation and eval-time gathering of one LSTM cell's tensors, shared by
// UNIDIRECTIONAL_SEQUENCE_LSTM and BIDIRECTIONAL_SEQUENCE_LSTM (TFLite's CheckInputTensorDimensions),
// for the float, hybrid and full-integer variants, and the integer variant's prepare-time scales.
import type { Tensor } from '../../interpreter/tensor.js';
import type { DType } from '../../types.js';
import type { OpContext } from '../registration.js';
import type { LstmCellParams, LstmCellWeights } from './lstm_cell.js';
import type { LstmHybridWeights, QWeights } from './lstm_hybrid.js';
import type { LstmIntegerGate, LstmIntegerParams, LstmIntegerWeights } from './lstm_integer.js';
import { checkedLog2, floatToInt32, quantizeMultiplier } from './quant_math.js';

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

/**
 * float: float32 everything. hybrid: float32 input, states, biases and layer-norm coefficients,
 * int8 weight matrices and peephole weights with per-tensor scales. integer (TFLite's 8x8_16):
 * int8 input, weights and output state, int16 cell state, peephole weights and layer-norm
 * coefficients, int32 biases.
 */
export type LstmMode = 'float' | 'hybrid' | 'integer';

interface LstmTypes {
  readonly weight: DType;
  readonly peephole: DType;
  readonly bias: DType;
  readonly layerNorm: DType;
}

const TYPES: Record<LstmMode, LstmTypes> = {
  float: { weight: 'float32', peephole: 'float32', bias: 'float32', layerNorm: 'float32' },
  hybrid: { weight: 'int8', peephole: 'int8', bias: 'float32', layerNorm: 'float32' },
  integer: { weight: 'int8', peephole: 'int16', bias: 'int32', layerNorm: 'int16' },
};

/** The kernel variant, from the input's type and the input_to_output weights' type (as TFLite picks it). */
export function lstmMode(ctx: OpContext, input: Tensor, weights: Tensor, allowInteger: boolean): LstmMode {
  if (weights.dtype === 'uint8') ctx.fail('uint8 weights are not supported (int8 expected)');
  if (input.dtype === 'float32') {
    if (weights.dtype === 'float32') return 'float';
    if (weights.dtype === 'int8') return 'hybrid';
  } else if (input.dtype === 'int8' && allowInteger) {
    if (weights.dtype === 'int8') return 'integer';
  } else {
    ctx.fail(`input has type ${input.dtype}, expected float32${allowInteger ? ' or int8' : ''}`);
  }
  return ctx.fail(`weights of type ${weights.dtype} do not fit a ${input.dtype} input`);
}

function checkShape(ctx: OpContext, t: Tensor, shape: readonly number[], what: string, dtype: DType): void {
  if (t.dtype !== dtype) ctx.fail(`${what} has type ${t.dtype}, expected ${dtype}`);
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
  mode: LstmMode = 'float',
): void {
  const o = (i: number): Tensor | null => optInput(ctx, i);
  const types = TYPES[mode];
  const w = types.weight;
  const itoi = o(ix.inputToInput);
  if (itoi) checkShape(ctx, itoi, [nCell, nInput], 'input_to_input_weights', w);
  checkShape(ctx, reqInput(ctx, ix.inputToForget, 'input_to_forget_weights'), [nCell, nInput], 'input_to_forget_weights', w);
  checkShape(ctx, reqInput(ctx, ix.inputToCell, 'input_to_cell_weights'), [nCell, nInput], 'input_to_cell_weights', w);
  checkShape(ctx, reqInput(ctx, ix.inputToOutput, 'input_to_output_weights'), [nCell, nInput], 'input_to_output_weights', w);
  const rtoi = o(ix.recurrentToInput);
  if (rtoi) checkShape(ctx, rtoi, [nCell, nOutput], 'recurrent_to_input_weights', w);
  checkShape(ctx, reqInput(ctx, ix.recurrentToForget, 'recurrent_to_forget_weights'), [nCell, nOutput], 'recurrent_to_forget_weights', w);
  checkShape(ctx, reqInput(ctx, ix.recurrentToCell, 'recurrent_to_cell_weights'), [nCell, nOutput], 'recurrent_to_cell_weights', w);
  checkShape(ctx, reqInput(ctx, ix.recurrentToOutput, 'recurrent_to_output_weights'), [nCell, nOutput], 'recurrent_to_output_weights', w);
  if ((itoi === null) !== (rtoi === null)) ctx.fail('input_to_input and recurrent_to_input weights must be both present or both absent (CIFG)');
  const useCifg = itoi === null;

  const ctoi = o(ix.cellToInput), ctof = o(ix.cellToForget), ctoo = o(ix.cellToOutput);
  if (ctoi) checkShape(ctx, ctoi, [nCell], 'cell_to_input_weights', types.peephole);
  if (ctof) checkShape(ctx, ctof, [nCell], 'cell_to_forget_weights', types.peephole);
  if (ctoo) checkShape(ctx, ctoo, [nCell], 'cell_to_output_weights', types.peephole);
  const allPeep = (ctoi !== null || useCifg) && ctof !== null && ctoo !== null;
  const noPeep = ctoi === null && ctof === null && ctoo === null;
  if (!allPeep && !noPeep) ctx.fail('peephole weights must be all present or all absent');

  const igb = o(ix.inputGateBias);
  if (useCifg) {
    if (igb !== null) ctx.fail('input_gate_bias must be absent in a CIFG LSTM');
  } else {
    if (igb === null) ctx.fail('input_gate_bias is required without CIFG');
    checkShape(ctx, igb, [nCell], 'input_gate_bias', types.bias);
  }
  checkShape(ctx, reqInput(ctx, ix.forgetGateBias, 'forget_gate_bias'), [nCell], 'forget_gate_bias', types.bias);
  checkShape(ctx, reqInput(ctx, ix.cellGateBias, 'cell_gate_bias'), [nCell], 'cell_gate_bias', types.bias);
  checkShape(ctx, reqInput(ctx, ix.outputGateBias, 'output_gate_bias'), [nCell], 'output_gate_bias', types.bias);

  const proj = o(ix.projection), projBias = o(ix.projectionBias);
  if (proj) checkShape(ctx, proj, [nOutput, nCell], 'projection_weights', w);
  if (projBias) checkShape(ctx, projBias, [nOutput], 'projection_bias', types.bias);
  if (proj === null && projBias !== null) ctx.fail('projection_bias given without projection_weights');
  // Without projection the output state is read straight from the nCell-wide gate buffer.
  if (proj === null && nOutput > nCell) ctx.fail(`output size ${nOutput} exceeds cell count ${nCell} without projection`);

  if (layerNorm) {
    const lni = o(ix.lnInput);
    if (useCifg) {
      if (lni !== null) ctx.fail('input_layer_norm_coefficients must be absent in a CIFG LSTM');
    } else {
      if (lni === null) ctx.fail('input_layer_norm_coefficients is required without CIFG');
      checkShape(ctx, lni, [nCell], 'input_layer_norm_coefficients', types.layerNorm);
    }
    checkShape(ctx, reqInput(ctx, ix.lnForget, 'forget_layer_norm_coefficients'), [nCell], 'forget_layer_norm_coefficients', types.layerNorm);
    checkShape(ctx, reqInput(ctx, ix.lnCell, 'cell_layer_norm_coefficients'), [nCell], 'cell_layer_norm_coefficients', types.layerNorm);
    checkShape(ctx, reqInput(ctx, ix.lnOutput, 'output_layer_norm_coefficients'), [nCell], 'output_layer_norm_coefficients', types.layerNorm);
  }

  if (nAux > 0) {
    if (!useCifg) checkShape(ctx, reqInput(ctx, ix.auxToInput, 'aux_input_to_input_weights'), [nCell, nAux], 'aux_input_to_input_weights', w);
    checkShape(ctx, reqInput(ctx, ix.auxToForget, 'aux_input_to_forget_weights'), [nCell, nAux], 'aux_input_to_forget_weights', w);
    checkShape(ctx, reqInput(ctx, ix.auxToCell, 'aux_input_to_cell_weights'), [nCell, nAux], 'aux_input_to_cell_weights', w);
    checkShape(ctx, reqInput(ctx, ix.auxToOutput, 'aux_input_to_output_weights'), [nCell, nAux], 'aux_input_to_output_weights', w);
  }
}

/** A variable state tensor of `elements` values (TFLite GetVariableInput + NumElements). */
export function checkState(ctx: OpContext, i: number, elements: number, what: string, dtype: DType = 'float32'): Tensor {
  const t = reqInput(ctx, i, what);
  if (!t.isVariable) ctx.fail(`${what} (input ${i}) must be a variable tensor`);
  if (t.dtype !== dtype) ctx.fail(`${what} has type ${t.dtype}, expected ${dtype}`);
  if (t.size !== elements) ctx.fail(`${what} has ${t.size} elements, expected ${elements}`);
  return t;
}

type CellKey = keyof LstmCellIndices;

/** The cell's tensors that the step reads, null where absent or unused. */
function cellTensors(ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean, withAux: boolean): Record<CellKey, Tensor | null> {
  const o = (i: number): Tensor | null => optInput(ctx, i);
  const useCifg = o(ix.inputToInput) === null;
  const aux = (i: number): Tensor | null => (withAux ? o(i) : null);
  const ln = (i: number): Tensor | null => (layerNorm ? o(i) : null);
  return {
    inputToInput: o(ix.inputToInput), inputToForget: o(ix.inputToForget), inputToCell: o(ix.inputToCell), inputToOutput: o(ix.inputToOutput),
    auxToInput: useCifg ? null : aux(ix.auxToInput), auxToForget: aux(ix.auxToForget), auxToCell: aux(ix.auxToCell), auxToOutput: aux(ix.auxToOutput),
    recurrentToInput: o(ix.recurrentToInput), recurrentToForget: o(ix.recurrentToForget),
    recurrentToCell: o(ix.recurrentToCell), recurrentToOutput: o(ix.recurrentToOutput),
    cellToInput: useCifg ? null : o(ix.cellToInput), cellToForget: o(ix.cellToForget), cellToOutput: o(ix.cellToOutput),
    lnInput: useCifg ? null : ln(ix.lnInput), lnForget: ln(ix.lnForget), lnCell: ln(ix.lnCell), lnOutput: ln(ix.lnOutput),
    inputGateBias: o(ix.inputGateBias), forgetGateBias: o(ix.forgetGateBias), cellGateBias: o(ix.cellGateBias), outputGateBias: o(ix.outputGateBias),
    projection: o(ix.projection), projectionBias: o(ix.projectionBias),
  };
}

/** Reads the cell's float tensors (call in eval: views change when the arena is re-planned). */
export function lstmWeights(ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean, withAux: boolean): LstmCellWeights {
  const t = cellTensors(ctx, ix, layerNorm, withAux);
  const f = (k: CellKey): Float32Array | null => (t[k]?.data as Float32Array | undefined) ?? null;
  return {
    inputToInput: f('inputToInput'), inputToForget: f('inputToForget')!, inputToCell: f('inputToCell')!, inputToOutput: f('inputToOutput')!,
    auxToInput: f('auxToInput'), auxToForget: f('auxToForget'), auxToCell: f('auxToCell'), auxToOutput: f('auxToOutput'),
    recurrentToInput: f('recurrentToInput'), recurrentToForget: f('recurrentToForget')!,
    recurrentToCell: f('recurrentToCell')!, recurrentToOutput: f('recurrentToOutput')!,
    cellToInput: f('cellToInput'), cellToForget: f('cellToForget'), cellToOutput: f('cellToOutput'),
    lnInput: f('lnInput'), lnForget: f('lnForget'), lnCell: f('lnCell'), lnOutput: f('lnOutput'),
    inputGateBias: f('inputGateBias'), forgetGateBias: f('forgetGateBias')!, cellGateBias: f('cellGateBias')!, outputGateBias: f('outputGateBias')!,
    projection: f('projection'), projectionBias: f('projectionBias'),
  };
}

/** Reads a hybrid cell's tensors: int8 weights with their per-tensor scales, float biases and coefficients. */
export function lstmHybridWeights(ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean, withAux: boolean): LstmHybridWeights {
  const t = cellTensors(ctx, ix, layerNorm, withAux);
  const q = (k: CellKey): QWeights | null => {
    const x = t[k];
    return x === null ? null : { data: x.data as Int8Array, scale: x.scale };
  };
  const f = (k: CellKey): Float32Array | null => (t[k]?.data as Float32Array | undefined) ?? null;
  return {
    inputToInput: q('inputToInput'), inputToForget: q('inputToForget')!, inputToCell: q('inputToCell')!, inputToOutput: q('inputToOutput')!,
    auxToInput: q('auxToInput'), auxToForget: q('auxToForget'), auxToCell: q('auxToCell'), auxToOutput: q('auxToOutput'),
    recurrentToInput: q('recurrentToInput'), recurrentToForget: q('recurrentToForget')!,
    recurrentToCell: q('recurrentToCell')!, recurrentToOutput: q('recurrentToOutput')!,
    cellToInput: q('cellToInput'), cellToForget: q('cellToForget'), cellToOutput: q('cellToOutput'),
    lnInput: f('lnInput'), lnForget: f('lnForget'), lnCell: f('lnCell'), lnOutput: f('lnOutput'),
    inputGateBias: f('inputGateBias'), forgetGateBias: f('forgetGateBias')!, cellGateBias: f('cellGateBias')!, outputGateBias: f('outputGateBias')!,
    projection: q('projection'), projectionBias: f('projectionBias'),
  };
}

/** Reads an integer cell's tensors. */
export function lstmIntegerWeights(ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean): LstmIntegerWeights {
  const t = cellTensors(ctx, ix, layerNorm, false);
  const i8 = (k: CellKey): Int8Array | null => (t[k]?.data as Int8Array | undefined) ?? null;
  const i16 = (k: CellKey): Int16Array | null => (t[k]?.data as Int16Array | undefined) ?? null;
  const i32 = (k: CellKey): Int32Array | null => (t[k]?.data as Int32Array | undefined) ?? null;
  return {
    inputToInput: i8('inputToInput'), inputToForget: i8('inputToForget')!, inputToCell: i8('inputToCell')!, inputToOutput: i8('inputToOutput')!,
    recurrentToInput: i8('recurrentToInput'), recurrentToForget: i8('recurrentToForget')!,
    recurrentToCell: i8('recurrentToCell')!, recurrentToOutput: i8('recurrentToOutput')!,
    cellToInput: i16('cellToInput'), cellToForget: i16('cellToForget'), cellToOutput: i16('cellToOutput'),
    lnInput: i16('lnInput'), lnForget: i16('lnForget'), lnCell: i16('lnCell'), lnOutput: i16('lnOutput'),
    inputGateBias: i32('inputGateBias'), forgetGateBias: i32('forgetGateBias')!, cellGateBias: i32('cellGateBias')!, outputGateBias: i32('outputGateBias')!,
    projection: i8('projection'),
  };
}

/** Weight matrices and peephole weights of a hybrid cell must carry one scale each. */
export function checkHybridScales(ctx: OpContext, ix: LstmCellIndices, withAux: boolean): void {
  const t = cellTensors(ctx, ix, false, withAux);
  for (const k of ['inputToInput', 'inputToForget', 'inputToCell', 'inputToOutput', 'auxToInput', 'auxToForget', 'auxToCell', 'auxToOutput',
    'recurrentToInput', 'recurrentToForget', 'recurrentToCell', 'recurrentToOutput', 'cellToInput', 'cellToForget', 'cellToOutput',
    'projection'] as const) {
    const x = t[k];
    if (x !== null) perTensorScale(ctx, x);
  }
}

/** The single scale of a quantized tensor (TFLite's params.scale). */
export function perTensorScale(ctx: OpContext, t: Tensor): number {
  const q = t.quantization;
  if (q === null || q.scale.length === 0) ctx.fail(`tensor '${t.name}' must be quantized`);
  if (q.scale.length !== 1) ctx.fail(`tensor '${t.name}' must have one (per-tensor) scale, got ${q.scale.length}`);
  return q.scale[0]!;
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

const FR = Math.fround;

function multiplier(ctx: OpContext, real: number, what: string): [number, number] {
  const m = quantizeMultiplier(real);
  if (m === null) return ctx.fail(`${what} scale ${real} is not finite`);
  return [m.multiplier, m.shift];
}

/** Row sums of an int8 [rows, cols] matrix times `zp`, plus `bias` (PrecomputeZeroPointTimesWeightWithBias). */
function zpTimesWeights(w: Int8Array, rows: number, cols: number, zp: number, bias: Int32Array | null): Int32Array {
  const out = bias === null ? new Int32Array(rows) : Int32Array.from(bias.subarray(0, rows));
  if (zp === 0) return out;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += w[r * cols + c]!;
    out[r] = (out[r]! + Math.imul(sum, zp)) | 0;
  }
  return out;
}

/**
 * The 8x8_16 integer LSTM's prepare (TFLite PopulateQuantizedLstmParams8x8_16 and
 * PopulatePrecomputedZPTimesWeightsWithBias): effective scales from the tensors' scales and the five
 * intermediates (gate outputs: Q3.12 unless layer norm gives them; the hidden state), quantized
 * clips, and zero points folded into the biases. Scale arithmetic in float32 as TFLite's.
 */
export function lstmIntegerParams(
  ctx: OpContext, ix: LstmCellIndices, layerNorm: boolean, opts: { cellClip?: number; projClip?: number },
  input: Tensor, outputState: Tensor, cellState: Tensor, output: Tensor, nInput: number, nCell: number, nOutput: number,
): LstmIntegerParams {
  const t = cellTensors(ctx, ix, layerNorm, false);
  const useCifg = t.inputToInput === null;
  const usePeephole = t.cellToOutput !== null;
  if (ctx.intermediates.length !== 5) ctx.fail(`integer LSTM expects 5 intermediate tensors, got ${ctx.intermediates.length}`);
  for (const k of Object.keys(t) as CellKey[]) {
    const x = t[k];
    if (x !== null && k !== 'cellToInput' && k !== 'cellToForget' && k !== 'cellToOutput' && !k.startsWith('ln') && !x.isConstant) {
      ctx.fail(`integer LSTM needs constant weights and biases ('${x.name}' is not)`);
    }
  }
  if (usePeephole && nOutput > nCell) ctx.fail(`integer peephole LSTM with output size ${nOutput} > cell count ${nCell} is not supported`);
  const scale = (x: Tensor | null): number => (x === null ? 1 : perTensorScale(ctx, x));

  const cellStateScale = perTensorScale(ctx, cellState);
  const outputScale = perTensorScale(ctx, output);
  const cellClip = opts.cellClip ?? 0, projClip = opts.projClip ?? 0;
  const quantizedCellClip = cellClip > 0 ? Math.trunc(Math.min(Math.max(FR(cellClip / cellStateScale), -32768), 32767)) : 0;
  const quantizedProjClip = projClip > 0 ? Math.trunc(Math.min(Math.max(FR(projClip / outputScale), -128), 127)) : 0;

  const interScale: number[] = [], interZp: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i < 4 && !layerNorm) {
      interScale.push(2 ** -12);
      interZp.push(0);
      continue;
    }
    const q = ctx.intermediates[i]!.quantization;
    if (q === null || q.scale.length === 0) ctx.fail(`intermediate ${i} must be quantized`);
    interScale.push(FR(q.scale[0]!));
    interZp.push(q.zeroPoint[0] ?? 0);
  }
  const inputScale = perTensorScale(ctx, input);
  const outputStateScale = perTensorScale(ctx, outputState);
  const log2 = checkedLog2(cellStateScale);
  if (!log2.exact) ctx.fail(`cell state scale ${cellStateScale} is not a power of two`);
  const cellScale = log2.log2;
  if (30 + cellScale < 0 || 30 + cellScale > 31) ctx.fail(`cell state scale 2^${cellScale} is not supported`);

  const inputZp = -input.zeroPoint;
  const outputStateZp = -outputState.zeroPoint;
  const gate = (
    k: 0 | 1 | 2 | 3, wIn: Tensor, wRec: Tensor, peep: Tensor | null, ln: Tensor | null, bias: Tensor, what: string,
  ): LstmIntegerGate => {
    const is = interScale[k]!;
    const [inA, inB] = multiplier(ctx, FR(FR(scale(wIn) * inputScale) / is), `${what} input`);
    const [recA, recB] = multiplier(ctx, FR(FR(scale(wRec) * outputStateScale) / is), `${what} recurrent`);
    const [cellA, cellB] = multiplier(ctx, usePeephole ? FR((2 ** cellScale * scale(peep)) / is) : 1, `${what} peephole`);
    const lnScale = layerNorm ? scale(ln) : 1;
    const [lnA, lnB] = multiplier(ctx, lnScale, `${what} layer norm`);
    return {
      inA, inB, recA, recB, cellA, cellB, lnA, lnB,
      varianceGuard: Math.max(1, floatToInt32(FR(10000 * lnScale))),
      inBias: zpTimesWeights(wIn.data as Int8Array, nCell, nInput, inputZp, layerNorm ? null : (bias.data as Int32Array)),
      recBias: zpTimesWeights(wRec.data as Int8Array, nCell, nOutput, outputStateZp, null),
    };
  };
  const hiddenScale = interScale[4]!;
  const [hiddenA, hiddenB] = multiplier(ctx, FR((2 ** -15 / hiddenScale) * 2 ** -15), 'hidden');
  const proj = t.projection;
  const [projA, projB] = multiplier(ctx, FR(FR(scale(proj) * hiddenScale) / outputStateScale), 'projection');
  return {
    input: useCifg ? null : gate(0, t.inputToInput!, t.recurrentToInput!, t.cellToInput, t.lnInput, t.inputGateBias!, 'input gate'),
    forget: gate(1, t.inputToForget!, t.recurrentToForget!, t.cellToForget, t.lnForget, t.forgetGateBias!, 'forget gate'),
    cell: gate(2, t.inputToCell!, t.recurrentToCell!, null, t.lnCell, t.cellGateBias!, 'cell gate'),
    output: gate(3, t.inputToOutput!, t.recurrentToOutput!, t.cellToOutput, t.lnOutput, t.outputGateBias!, 'output gate'),
    cellScale, cellClip: quantizedCellClip, projClip: quantizedProjClip,
    hiddenA, hiddenB, hiddenZp: interZp[4]!, projA, projB,
    projBias: proj === null ? null
      : zpTimesWeights(proj.data as Int8Array, nOutput, nCell, interZp[4]!, (t.projectionBias?.data as Int32Array | undefined) ?? null),
    outputStateZp: outputState.zeroPoint,
  };
}
