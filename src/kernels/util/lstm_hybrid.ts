// Hybrid (dynamic-range) LSTM cell shared by UNIDIRECTIONAL_SEQUENCE_LSTM and
// BIDIRECTIONAL_SEQUENCE_LSTM (TFLite lstm_eval.cc EvalHybrid / LstmStepHybrid): float input and
// states, int8 weight matrices with per-tensor scales. Each step quantizes the input, aux input and
// output state per batch row to int8, runs the integer matmuls and rescales them to float.
import { batchQuantizeFloats, hybridMatMulAcc, isZeroVector, rowSums } from './hybrid.js';
import {
  ACT_SIGMOID, applyActivation, clip, lstmScratch, meanStddevNormalize, updateLstmCellFloat,
  type LstmCellParams, type LstmScratch, type LstmSequence,
} from './lstm_cell.js';

const f = Math.fround;

/** An int8 weight tensor and its per-tensor scale. */
export interface QWeights {
  readonly data: Int8Array;
  readonly scale: number;
}

/** The weights of one hybrid LSTM cell; absent optional tensors are null (as in LstmCellWeights). */
export interface LstmHybridWeights {
  readonly inputToInput: QWeights | null;
  readonly inputToForget: QWeights;
  readonly inputToCell: QWeights;
  readonly inputToOutput: QWeights;
  readonly auxToInput: QWeights | null;
  readonly auxToForget: QWeights | null;
  readonly auxToCell: QWeights | null;
  readonly auxToOutput: QWeights | null;
  readonly recurrentToInput: QWeights | null;
  readonly recurrentToForget: QWeights;
  readonly recurrentToCell: QWeights;
  readonly recurrentToOutput: QWeights;
  readonly cellToInput: QWeights | null;
  readonly cellToForget: QWeights | null;
  readonly cellToOutput: QWeights | null;
  readonly lnInput: Float32Array | null;
  readonly lnForget: Float32Array | null;
  readonly lnCell: Float32Array | null;
  readonly lnOutput: Float32Array | null;
  readonly inputGateBias: Float32Array | null;
  readonly forgetGateBias: Float32Array;
  readonly cellGateBias: Float32Array;
  readonly outputGateBias: Float32Array;
  readonly projection: QWeights | null;
  readonly projectionBias: Float32Array | null;
}

export interface LstmHybridParams extends LstmCellParams {
  /** Quantize inputs asymmetrically (per-row zero point) instead of symmetrically. */
  readonly asymmetric: boolean;
}

type MatrixKey = 'inputToInput' | 'inputToForget' | 'inputToCell' | 'inputToOutput' | 'auxToInput' | 'auxToForget'
  | 'auxToCell' | 'auxToOutput' | 'recurrentToInput' | 'recurrentToForget' | 'recurrentToCell' | 'recurrentToOutput' | 'projection';
const MATRICES: readonly MatrixKey[] = [
  'inputToInput', 'inputToForget', 'inputToCell', 'inputToOutput', 'auxToInput', 'auxToForget', 'auxToCell', 'auxToOutput',
  'recurrentToInput', 'recurrentToForget', 'recurrentToCell', 'recurrentToOutput', 'projection',
];

/** Gate buffers plus the quantization scratch; the row sums are computed on the first step (as TFLite). */
export interface LstmHybridScratch extends LstmScratch {
  readonly qInput: Int8Array;
  readonly qAux: Int8Array;
  readonly qOutputState: Int8Array;
  readonly qHidden: Int8Array;
  readonly inputSf: Float32Array;
  readonly auxSf: Float32Array;
  readonly outputStateSf: Float32Array;
  readonly prodSf: Float32Array;
  readonly inputZp: Int32Array;
  readonly auxZp: Int32Array;
  readonly outputStateZp: Int32Array;
  readonly recovered: Float32Array;
  rowSums: Partial<Record<MatrixKey, Int32Array>> | null;
}

export function lstmHybridScratch(nBatch: number, nInput: number, nAux: number, nCell: number, nOutput: number): LstmHybridScratch {
  return {
    ...lstmScratch(nBatch, nCell, nOutput),
    qInput: new Int8Array(nBatch * nInput),
    qAux: new Int8Array(nBatch * nAux),
    qOutputState: new Int8Array(nBatch * nOutput),
    qHidden: new Int8Array(nBatch * nCell),
    inputSf: new Float32Array(nBatch),
    auxSf: new Float32Array(nBatch),
    outputStateSf: new Float32Array(nBatch),
    prodSf: new Float32Array(nBatch),
    inputZp: new Int32Array(nBatch),
    auxZp: new Int32Array(nBatch),
    outputStateZp: new Int32Array(nBatch),
    recovered: new Float32Array(nCell),
    rowSums: null,
  };
}

/** The hybrid counterpart of lstmSequenceFloat (TFLite EvalHybrid), same sequence layout. */
export function lstmSequenceHybrid(w: LstmHybridWeights, p: LstmHybridParams, s: LstmSequence, scratch: LstmHybridScratch): void {
  const { maxTime, nBatch, nInput, nAux, nCell, nOutput, outputLeadingDim: ld } = s;
  if (p.asymmetric && scratch.rowSums === null) {
    const sums: Partial<Record<MatrixKey, Int32Array>> = {};
    const dims: Record<MatrixKey, number> = {
      inputToInput: nInput, inputToForget: nInput, inputToCell: nInput, inputToOutput: nInput,
      auxToInput: nAux, auxToForget: nAux, auxToCell: nAux, auxToOutput: nAux,
      recurrentToInput: nOutput, recurrentToForget: nOutput, recurrentToCell: nOutput, recurrentToOutput: nOutput,
      projection: nCell,
    };
    for (const k of MATRICES) {
      const m = w[k];
      if (m !== null) sums[k] = rowSums(m.data, k === 'projection' ? nOutput : nCell, dims[k]);
    }
    scratch.rowSums = sums;
  }
  if (s.timeMajor) {
    for (let t = 0; t < maxTime; t++) {
      const tr = s.forward ? t : maxTime - t - 1;
      lstmStepHybrid(w, p, s, nBatch, tr * nBatch * nInput, 0, 0, scratch, 0, tr * nBatch * ld + s.outputOffset);
    }
  } else {
    for (let b = 0; b < nBatch; b++) {
      for (let t = 0; t < maxTime; t++) {
        const tr = s.forward ? t : maxTime - t - 1;
        const row = b * maxTime + tr;
        lstmStepHybrid(w, p, s, 1, row * nInput, b * nOutput, b * nCell, scratch, b * nCell, row * ld + s.outputOffset);
      }
    }
  }
}

interface StepArgs {
  readonly s: LstmSequence;
  readonly scratch: LstmHybridScratch;
  readonly nBatch: number;
  readonly inputZero: boolean;
  readonly auxZero: boolean;
  readonly stateZero: boolean;
  readonly asymmetric: boolean;
}

/** TFLite LstmStepHybrid for nBatch rows; the aux input is indexed with the main input's row length. */
function lstmStepHybrid(
  w: LstmHybridWeights, p: LstmHybridParams, s: LstmSequence, nBatch: number, inOff: number, osOff: number, csOff: number,
  scratch: LstmHybridScratch, gOff: number, outOff: number,
): void {
  const { nInput, nAux, nCell, nOutput } = s;
  const useCifg = w.inputToInput === null;
  const asym = p.asymmetric;
  const inputZero = isZeroVector(s.input, inOff, nBatch * nInput);
  const auxZero = s.aux === null || isZeroVector(s.aux, inOff, nBatch * nAux);
  const stateZero = isZeroVector(s.outputState, osOff, nBatch * nOutput);
  if (!inputZero) batchQuantizeFloats(s.input, inOff, nBatch, nInput, scratch.qInput, 0, scratch.inputSf, scratch.inputZp, 0, asym);
  if (!auxZero) batchQuantizeFloats(s.aux!, inOff, nBatch, nAux, scratch.qAux, 0, scratch.auxSf, scratch.auxZp, 0, asym);
  if (!stateZero) {
    batchQuantizeFloats(s.outputState, osOff, nBatch, nOutput, scratch.qOutputState, 0, scratch.outputStateSf, scratch.outputStateZp, 0, asym);
  }
  const g: StepArgs = { s, scratch, nBatch, inputZero, auxZero, stateZero, asymmetric: asym };
  const cell = s.cellState;
  if (!useCifg) {
    hybridGate(g, 'inputToInput', w.inputToInput!, w.auxToInput, 'auxToInput', w.recurrentToInput!, 'recurrentToInput',
      cell, csOff, w.cellToInput, w.lnInput, w.inputGateBias!, ACT_SIGMOID, scratch.inputGate, gOff);
  }
  hybridGate(g, 'inputToForget', w.inputToForget, w.auxToForget, 'auxToForget', w.recurrentToForget, 'recurrentToForget',
    cell, csOff, w.cellToForget, w.lnForget, w.forgetGateBias, ACT_SIGMOID, scratch.forgetGate, gOff);
  hybridGate(g, 'inputToCell', w.inputToCell, w.auxToCell, 'auxToCell', w.recurrentToCell, 'recurrentToCell',
    null, 0, null, w.lnCell, w.cellGateBias, p.activation, scratch.cellGate, gOff);
  const n = nBatch * nCell;
  updateLstmCellFloat(n, cell, csOff, scratch, gOff, useCifg, p.cellClip);
  hybridGate(g, 'inputToOutput', w.inputToOutput, w.auxToOutput, 'auxToOutput', w.recurrentToOutput, 'recurrentToOutput',
    cell, csOff, w.cellToOutput, w.lnOutput, w.outputGateBias, ACT_SIGMOID, scratch.outputGate, gOff);

  // CalculateLstmOutputHybrid: h = o * act(c) into the cell-gate buffer (NONE leaves the cell gate there).
  const cg = scratch.cellGate, o = scratch.outputGate;
  const os = s.outputState;
  applyActivation(p.activation, cell, csOff, cg, gOff, n);
  for (let i = 0; i < n; i++) cg[gOff + i] = o[gOff + i]! * cg[gOff + i]!;
  if (w.projection !== null) {
    const pb = w.projectionBias;
    for (let b = 0; b < nBatch; b++) {
      for (let r = 0; r < nOutput; r++) os[osOff + b * nOutput + r] = pb === null ? 0 : pb[r]!;
    }
    if (!isZeroVector(cg, gOff, n)) {
      // TFLite reuses the input's scale and zero-point buffers here.
      batchQuantizeFloats(cg, gOff, nBatch, nCell, scratch.qHidden, 0, scratch.inputSf, scratch.inputZp, 0, asym);
      for (let b = 0; b < nBatch; b++) scratch.prodSf[b] = f(scratch.inputSf[b]! * w.projection.scale);
      hybridMatMulAcc(w.projection.data, nOutput, nCell, scratch.qHidden, 0, nBatch, scratch.prodSf,
        asym ? scratch.inputZp : null, scratch.rowSums?.projection ?? null, 0, os, osOff);
    }
    if (p.projClip > 0) clip(os, osOff, nBatch * nOutput, p.projClip);
  } else {
    for (let i = 0; i < nBatch * nOutput; i++) os[osOff + i] = cg[gOff + i]!;
  }
  const ld = s.outputLeadingDim;
  for (let b = 0; b < nBatch; b++) {
    for (let r = 0; r < nOutput; r++) s.output[outOff + b * ld + r] = os[osOff + b * nOutput + r]!;
  }
}

/**
 * CalculateLstmGateHybrid: act(Wq*xq + Wauxq*auxq + Rq*hq + peephole.*c + bias), with layer norm
 * (normalize, scale, add the bias); the activation is applied in place.
 */
function hybridGate(
  g: StepArgs, inKey: MatrixKey, wIn: QWeights, wAux: QWeights | null, auxKey: MatrixKey, wRec: QWeights, recKey: MatrixKey,
  cell: Float32Array | null, cOff: number, peep: QWeights | null, ln: Float32Array | null, bias: Float32Array,
  activation: number, gate: Float32Array, gOff: number,
): void {
  const { s, scratch, nBatch } = g;
  const { nInput, nAux, nCell, nOutput } = s;
  const n = nBatch * nCell;
  if (ln !== null) gate.fill(0, gOff, gOff + n);
  else for (let b = 0; b < nBatch; b++) for (let c = 0; c < nCell; c++) gate[gOff + b * nCell + c] = bias[c]!;
  if (!g.inputZero) accumulate(g, wIn, inKey, nInput, scratch.qInput, scratch.inputSf, scratch.inputZp, gate, gOff);
  if (!g.auxZero) accumulate(g, wAux!, auxKey, nAux, scratch.qAux, scratch.auxSf, scratch.auxZp, gate, gOff);
  if (!g.stateZero) accumulate(g, wRec, recKey, nOutput, scratch.qOutputState, scratch.outputStateSf, scratch.outputStateZp, gate, gOff);
  if (peep !== null) {
    const rec = scratch.recovered;
    for (let c = 0; c < nCell; c++) rec[c] = f(peep.scale * peep.data[c]!);
    for (let b = 0; b < nBatch; b++) {
      for (let c = 0; c < nCell; c++) {
        const i = b * nCell + c;
        gate[gOff + i] = gate[gOff + i]! + f(rec[c]! * cell![cOff + i]!);
      }
    }
  }
  if (ln !== null) {
    meanStddevNormalize(gate, gOff, nCell, nBatch);
    for (let b = 0; b < nBatch; b++) {
      for (let c = 0; c < nCell; c++) {
        const i = gOff + b * nCell + c;
        gate[i] = f(ln[c]! * gate[i]!) + bias[c]!;
      }
    }
  }
  applyActivation(activation, gate, gOff, gate, gOff, n);
}

/** gate += W * q, the quantized vector's scales multiplied by the weight scale (TFLite's product scaling factors). */
function accumulate(
  g: StepArgs, m: QWeights, key: MatrixKey, cols: number, q: Int8Array, sf: Float32Array, zp: Int32Array, gate: Float32Array, gOff: number,
): void {
  const { scratch, nBatch } = g;
  for (let b = 0; b < nBatch; b++) scratch.prodSf[b] = f(sf[b]! * m.scale);
  hybridMatMulAcc(m.data, g.s.nCell, cols, q, 0, nBatch, scratch.prodSf, g.asymmetric ? zp : null, scratch.rowSums?.[key] ?? null, 0, gate, gOff);
}
