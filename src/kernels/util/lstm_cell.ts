// Float LSTM cell math shared by UNIDIRECTIONAL_SEQUENCE_LSTM and BIDIRECTIONAL_SEQUENCE_LSTM
// (TFLite's lstm_eval.cc float path; the cell update, normalization and activations also serve the
// hybrid cell). Pure functions over typed arrays: no interpreter imports.

/** TFLite's kTfLiteActSigmoid: not a schema ActivationFunctionType, used for the gates. */
export const ACT_SIGMOID = 6;

/** The weights of one LSTM cell. Absent optional tensors are null. */
export interface LstmCellWeights {
  /** null: CIFG (coupled input and forget gates). */
  readonly inputToInput: Float32Array | null;
  readonly inputToForget: Float32Array;
  readonly inputToCell: Float32Array;
  readonly inputToOutput: Float32Array;
  /** Auxiliary input weights (bidirectional stacking); null when there is no aux input. */
  readonly auxToInput: Float32Array | null;
  readonly auxToForget: Float32Array | null;
  readonly auxToCell: Float32Array | null;
  readonly auxToOutput: Float32Array | null;
  readonly recurrentToInput: Float32Array | null;
  readonly recurrentToForget: Float32Array;
  readonly recurrentToCell: Float32Array;
  readonly recurrentToOutput: Float32Array;
  /** Peephole (diagonal) weights. */
  readonly cellToInput: Float32Array | null;
  readonly cellToForget: Float32Array | null;
  readonly cellToOutput: Float32Array | null;
  /** Layer-norm coefficients; lnForget non-null means a layer-norm LSTM. */
  readonly lnInput: Float32Array | null;
  readonly lnForget: Float32Array | null;
  readonly lnCell: Float32Array | null;
  readonly lnOutput: Float32Array | null;
  readonly inputGateBias: Float32Array | null;
  readonly forgetGateBias: Float32Array;
  readonly cellGateBias: Float32Array;
  readonly outputGateBias: Float32Array;
  readonly projection: Float32Array | null;
  readonly projectionBias: Float32Array | null;
}

export interface LstmCellParams {
  /** Fused activation of the cell gate and of the cell state on output (usually TANH). */
  readonly activation: number;
  /** 0: no clipping. */
  readonly cellClip: number;
  readonly projClip: number;
}

/** Gate buffers (nBatch*nCell each) and the accumulation/projection-bias buffer. */
export interface LstmScratch {
  readonly inputGate: Float32Array;
  readonly forgetGate: Float32Array;
  readonly cellGate: Float32Array;
  readonly outputGate: Float32Array;
  readonly accum: Float32Array;
}

export function lstmScratch(nBatch: number, nCell: number, nOutput: number): LstmScratch {
  const n = nBatch * nCell;
  return {
    inputGate: new Float32Array(n),
    forgetGate: new Float32Array(n),
    cellGate: new Float32Array(n),
    outputGate: new Float32Array(n),
    accum: new Float32Array(nBatch * Math.max(nCell, nOutput)),
  };
}

/** One direction over a whole sequence. */
export interface LstmSequence {
  readonly input: Float32Array;
  /** Auxiliary input (same time/batch layout as input), or null. */
  readonly aux: Float32Array | null;
  readonly output: Float32Array;
  /** Persistent states, [nBatch, nOutput] and [nBatch, nCell], updated in place. */
  readonly outputState: Float32Array;
  readonly cellState: Float32Array;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly nInput: number;
  readonly nAux: number;
  readonly nCell: number;
  readonly nOutput: number;
  readonly timeMajor: boolean;
  /** false: walk the sequence backwards (bidirectional backward pass). */
  readonly forward: boolean;
  /** Last dimension of the output (2*nOutput for merged bidirectional outputs). */
  readonly outputLeadingDim: number;
  /** Where this direction's values start inside each output row. */
  readonly outputOffset: number;
}

/**
 * Runs the LSTM over the sequence (TFLite EvalFloat). Time-major input is [time, batch, n]
 * and steps all batches at once; batch-major input is [batch, time, n] and steps each batch row
 * alone. As in TFLite, the aux input is indexed with the main input's row length.
 */
export function lstmSequenceFloat(w: LstmCellWeights, p: LstmCellParams, s: LstmSequence, scratch: LstmScratch): void {
  const { maxTime, nBatch, nInput, nAux, nCell, nOutput, outputLeadingDim: ld } = s;
  if (s.timeMajor) {
    for (let t = 0; t < maxTime; t++) {
      const tr = s.forward ? t : maxTime - t - 1;
      lstmStepFloat(w, p, nBatch, nCell, nInput, nAux, nOutput,
        s.input, tr * nBatch * nInput, s.aux, tr * nBatch * nInput,
        s.outputState, 0, s.cellState, 0, scratch, 0,
        s.output, tr * nBatch * ld + s.outputOffset, ld);
    }
  } else {
    for (let b = 0; b < nBatch; b++) {
      for (let t = 0; t < maxTime; t++) {
        const tr = s.forward ? t : maxTime - t - 1;
        const row = b * maxTime + tr;
        lstmStepFloat(w, p, 1, nCell, nInput, nAux, nOutput,
          s.input, row * nInput, s.aux, row * nInput,
          s.outputState, b * nOutput, s.cellState, b * nCell, scratch, b * nCell,
          s.output, row * ld + s.outputOffset, ld);
      }
    }
  }
}

/** One time step for nBatch rows (TFLite LstmStepFloat). `gOff` offsets the gate buffers. */
export function lstmStepFloat(
  w: LstmCellWeights, p: LstmCellParams, nBatch: number, nCell: number, nInput: number, nAux: number, nOutput: number,
  input: Float32Array, inOff: number, aux: Float32Array | null, auxOff: number,
  outputState: Float32Array, osOff: number, cellState: Float32Array, csOff: number,
  scratch: LstmScratch, gOff: number,
  output: Float32Array, outOff: number, outLd: number,
): void {
  const useCifg = w.inputToInput === null;
  const inputZero = isZero(input, inOff, nBatch * nInput);
  const auxZero = aux === null || isZero(aux, auxOff, nBatch * nAux);
  const g: GateArgs = {
    nBatch, nCell, nInput, nAux, nOutput, input, inOff, aux, auxOff, outputState, osOff,
    inputZero, auxZero, accum: scratch.accum,
  };
  if (!useCifg) {
    lstmGate(g, w.inputToInput!, w.auxToInput, w.recurrentToInput!, cellState, csOff, w.cellToInput,
      w.lnInput, w.inputGateBias!, ACT_SIGMOID, scratch.inputGate, gOff);
  }
  lstmGate(g, w.inputToForget, w.auxToForget, w.recurrentToForget, cellState, csOff, w.cellToForget,
    w.lnForget, w.forgetGateBias, ACT_SIGMOID, scratch.forgetGate, gOff);
  lstmGate(g, w.inputToCell, w.auxToCell, w.recurrentToCell, null, 0, null,
    w.lnCell, w.cellGateBias, p.activation, scratch.cellGate, gOff);

  const n = nBatch * nCell;
  const cg = scratch.cellGate;
  updateLstmCellFloat(n, cellState, csOff, scratch, gOff, useCifg, p.cellClip);

  lstmGate(g, w.inputToOutput, w.auxToOutput, w.recurrentToOutput, cellState, csOff, w.cellToOutput,
    w.lnOutput, w.outputGateBias, ACT_SIGMOID, scratch.outputGate, gOff);

  // h = o * act(c), into the cell-gate buffer. TFLite's NONE activation writes nothing, so the
  // buffer then still holds the cell gate: kept as is for bit-compatibility.
  applyActivation(p.activation, cellState, csOff, cg, gOff, n);
  const o = scratch.outputGate;
  for (let i = 0; i < n; i++) cg[gOff + i] = o[gOff + i]! * cg[gOff + i]!;

  if (w.projection !== null) {
    const acc = scratch.accum;
    const pb = w.projectionBias;
    for (let b = 0; b < nBatch; b++) {
      for (let r = 0; r < nOutput; r++) acc[b * nOutput + r] = pb === null ? 0 : pb[r]!;
    }
    matVecAcc(w.projection, nOutput, nCell, cg, gOff, nBatch, acc, 0, outputState, osOff);
    if (p.projClip > 0) clip(outputState, osOff, nBatch * nOutput, p.projClip);
  } else {
    for (let i = 0; i < nBatch * nOutput; i++) outputState[osOff + i] = cg[gOff + i]!;
  }
  for (let b = 0; b < nBatch; b++) {
    for (let r = 0; r < nOutput; r++) output[outOff + b * outLd + r] = outputState[osOff + b * nOutput + r]!;
  }
}

/**
 * TFLite UpdateLstmCellFloat on n values: c = f*c + i*g (CIFG: i = 1-f, computed into the forget
 * buffer), then clip when `cellClip` > 0.
 */
export function updateLstmCellFloat(
  n: number, cellState: Float32Array, csOff: number, scratch: LstmScratch, gOff: number, useCifg: boolean, cellClip: number,
): void {
  const f = scratch.forgetGate, cg = scratch.cellGate, ig = scratch.inputGate;
  for (let i = 0; i < n; i++) cellState[csOff + i] = f[gOff + i]! * cellState[csOff + i]!;
  if (useCifg) {
    for (let i = 0; i < n; i++) f[gOff + i] = 1 - f[gOff + i]!;
    for (let i = 0; i < n; i++) cellState[csOff + i] = cellState[csOff + i]! + cg[gOff + i]! * f[gOff + i]!;
  } else {
    for (let i = 0; i < n; i++) cellState[csOff + i] = cellState[csOff + i]! + cg[gOff + i]! * ig[gOff + i]!;
  }
  if (cellClip > 0) clip(cellState, csOff, n, cellClip);
}

interface GateArgs {
  readonly nBatch: number;
  readonly nCell: number;
  readonly nInput: number;
  readonly nAux: number;
  readonly nOutput: number;
  readonly input: Float32Array;
  readonly inOff: number;
  readonly aux: Float32Array | null;
  readonly auxOff: number;
  readonly outputState: Float32Array;
  readonly osOff: number;
  readonly inputZero: boolean;
  readonly auxZero: boolean;
  readonly accum: Float32Array;
}

/**
 * One gate (TFLite CalculateLstmGateFloat): act(W*x + Waux*aux + R*h + p.*c + bias), with layer
 * norm (normalize, scale, then add the bias) when `ln` is given. The partial sums ping-pong between
 * the gate buffer and the accumulation buffer exactly as TFLite's do; it matters only for the NONE
 * activation, which leaves the gate buffer unwritten.
 */
function lstmGate(
  g: GateArgs, wIn: Float32Array, wAux: Float32Array | null, wRec: Float32Array,
  cell: Float32Array | null, cOff: number, peep: Float32Array | null, ln: Float32Array | null,
  bias: Float32Array, activation: number, gate: Float32Array, gOff: number,
): void {
  const { nBatch, nCell } = g;
  const n = nBatch * nCell;
  if (ln !== null) gate.fill(0, gOff, gOff + n);
  else for (let b = 0; b < nBatch; b++) for (let c = 0; c < nCell; c++) gate[gOff + b * nCell + c] = bias[c]!;

  let acc = gate, accOff = gOff;
  let out = g.accum, outOff = 0;
  if (!g.inputZero) {
    matVecAcc(wIn, nCell, g.nInput, g.input, g.inOff, nBatch, acc, accOff, out, outOff);
    const t = acc, tOff = accOff;
    acc = out; accOff = outOff; out = t; outOff = tOff;
  }
  if (!g.auxZero) {
    matVecAcc(wAux!, nCell, g.nAux, g.aux!, g.auxOff, nBatch, acc, accOff, out, outOff);
    const t = acc, tOff = accOff;
    acc = out; accOff = outOff; out = t; outOff = tOff;
  }
  matVecAcc(wRec, nCell, g.nOutput, g.outputState, g.osOff, nBatch, acc, accOff, out, outOff);
  if (peep !== null) {
    for (let b = 0; b < nBatch; b++) {
      for (let c = 0; c < nCell; c++) {
        const i = b * nCell + c;
        out[outOff + i] = out[outOff + i]! + peep[c]! * cell![cOff + i]!;
      }
    }
  }
  if (ln !== null) {
    meanStddevNormalize(out, outOff, nCell, nBatch);
    for (let b = 0; b < nBatch; b++) {
      for (let c = 0; c < nCell; c++) {
        const i = outOff + b * nCell + c;
        out[i] = Math.fround(ln[c]! * out[i]!) + bias[c]!;
      }
    }
  }
  applyActivation(activation, out, outOff, gate, gOff, n);
}

/** out[b, r] = res[b, r] + sum_c m[r, c] * v[b, c] (TFLite's FullyConnected-based accumulate). */
function matVecAcc(
  m: Float32Array, rows: number, cols: number, v: Float32Array, vOff: number, nBatch: number,
  res: Float32Array, resOff: number, out: Float32Array, outOff: number,
): void {
  for (let b = 0; b < nBatch; b++) {
    const vb = vOff + b * cols;
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      const mr = r * cols;
      for (let c = 0; c < cols; c++) dot += m[mr + c]! * v[vb + c]!;
      out[outOff + b * rows + r] = res[resOff + b * rows + r]! + Math.fround(dot);
    }
  }
}

/** Per batch row: (x - mean) / sqrt(variance + 1e-8) (TFLite MeanStddevNormalization). */
export function meanStddevNormalize(x: Float32Array, off: number, size: number, nBatch: number): void {
  for (let b = 0; b < nBatch; b++) {
    const o = off + b * size;
    let sum = 0;
    for (let i = 0; i < size; i++) sum += x[o + i]!;
    const mean = Math.fround(sum / size);
    let sq = 0;
    for (let i = 0; i < size; i++) {
      const d = Math.fround(x[o + i]! - mean);
      sq += d * d;
    }
    const variance = Math.fround(sq / size);
    const inv = Math.fround(1 / Math.sqrt(Math.fround(variance + 1e-8)));
    for (let i = 0; i < size; i++) x[o + i] = Math.fround(x[o + i]! - mean) * inv;
  }
}

function isZero(x: Float32Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (x[off + i] !== 0) return false;
  return true;
}

export function clip(x: Float32Array, off: number, n: number, limit: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[off + i]!;
    x[off + i] = v > limit ? limit : v < -limit ? -limit : v;
  }
}

/**
 * TFLite ApplyActivationToVector: src -> dst. NONE writes nothing (dst keeps its values);
 * SIGN_BIT gives 1 for a set sign bit (negative numbers and -0), else 0.
 */
export function applyActivation(act: number, src: Float32Array, sOff: number, dst: Float32Array, dOff: number, n: number): void {
  switch (act) {
    case 1: // RELU
      for (let i = 0; i < n; i++) dst[dOff + i] = clampStd(src[sOff + i]!, 0, Infinity);
      return;
    case 2: // RELU_N1_TO_1
      for (let i = 0; i < n; i++) dst[dOff + i] = clampStd(src[sOff + i]!, -1, 1);
      return;
    case 3: // RELU6
      for (let i = 0; i < n; i++) dst[dOff + i] = clampStd(src[sOff + i]!, 0, 6);
      return;
    case 4: // TANH
      for (let i = 0; i < n; i++) dst[dOff + i] = Math.tanh(src[sOff + i]!);
      return;
    case 5: // SIGN_BIT
      for (let i = 0; i < n; i++) {
        const v = src[sOff + i]!;
        dst[dOff + i] = v < 0 || Object.is(v, -0) ? 1 : 0;
      }
      return;
    case ACT_SIGMOID:
      for (let i = 0; i < n; i++) dst[dOff + i] = 1 / (1 + Math.exp(-src[sOff + i]!));
      return;
    default: // NONE
      return;
  }
}

/** std::max(lo, std::min(v, hi)): NaN becomes lo, as in TFLite. */
function clampStd(v: number, lo: number, hi: number): number {
  const m = hi < v ? hi : v;
  return lo < m ? m : lo;
}
