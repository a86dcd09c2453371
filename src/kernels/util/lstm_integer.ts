// Fully quantized LSTM cell, TFLite's 8x8->16 variant (lstm_eval.cc EvalInteger8x8_16 /
// LstmStepInteger8x8_16 and the portable tensor_utils integer kernels): int8 input, weights and
// output state, int16 gates and cell state (power-of-two scale), int32 biases folded with the zero
// points at prepare time. Pure functions over typed arrays.
import { getInvSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier as mbqm, roundingDivideByPOT } from './quant_math.js';
import { fixedPoint16Memo } from './int16_memo.js';

/** Per-gate integer parameters. */
export interface LstmIntegerGate {
  /** input*weights and output_state*recurrent_weights rescaled to the gate's int16 scale. */
  readonly inA: number;
  readonly inB: number;
  readonly recA: number;
  readonly recB: number;
  /** Peephole (cell_state*cell_to_gate) rescale. */
  readonly cellA: number;
  readonly cellB: number;
  /** Layer-norm coefficient scale and variance floor. */
  readonly lnA: number;
  readonly lnB: number;
  readonly varianceGuard: number;
  /** bias (without layer norm) - input_zp * row sums of the input weights. */
  readonly inBias: Int32Array;
  /** -output_state_zp * row sums of the recurrent weights. */
  readonly recBias: Int32Array;
}

export interface LstmIntegerParams {
  /** null: CIFG. */
  readonly input: LstmIntegerGate | null;
  readonly forget: LstmIntegerGate;
  readonly cell: LstmIntegerGate;
  readonly output: LstmIntegerGate;
  /** log2 of the cell state scale. */
  readonly cellScale: number;
  /** Quantized clips; 0: none. */
  readonly cellClip: number;
  readonly projClip: number;
  /** output_gate * tanh(cell) to the hidden int8 scale. */
  readonly hiddenA: number;
  readonly hiddenB: number;
  readonly hiddenZp: number;
  readonly projA: number;
  readonly projB: number;
  /** projection bias + hidden_zp * row sums of the projection weights; null without projection. */
  readonly projBias: Int32Array | null;
  readonly outputStateZp: number;
}

export interface LstmIntegerWeights {
  readonly inputToInput: Int8Array | null;
  readonly inputToForget: Int8Array;
  readonly inputToCell: Int8Array;
  readonly inputToOutput: Int8Array;
  readonly recurrentToInput: Int8Array | null;
  readonly recurrentToForget: Int8Array;
  readonly recurrentToCell: Int8Array;
  readonly recurrentToOutput: Int8Array;
  readonly cellToInput: Int16Array | null;
  readonly cellToForget: Int16Array | null;
  readonly cellToOutput: Int16Array | null;
  readonly lnInput: Int16Array | null;
  readonly lnForget: Int16Array | null;
  readonly lnCell: Int16Array | null;
  readonly lnOutput: Int16Array | null;
  /** The raw gate biases: only layer norm reads them at run time. */
  readonly inputGateBias: Int32Array | null;
  readonly forgetGateBias: Int32Array;
  readonly cellGateBias: Int32Array;
  readonly outputGateBias: Int32Array;
  readonly projection: Int8Array | null;
}

/** TFLite's six integer scratch buffers (four int16 gates, int8 hidden). */
export interface LstmIntegerScratch {
  readonly s0: Int16Array;
  readonly s1: Int16Array;
  readonly s2: Int16Array;
  readonly s3: Int16Array;
  readonly s4: Int8Array;
}

export function lstmIntegerScratch(nBatch: number, nCell: number): LstmIntegerScratch {
  const n = nBatch * nCell;
  return { s0: new Int16Array(n), s1: new Int16Array(n), s2: new Int16Array(n), s3: new Int16Array(n), s4: new Int8Array(n) };
}

export interface LstmIntegerSequence {
  readonly input: Int8Array;
  readonly output: Int8Array;
  readonly outputState: Int8Array;
  readonly cellState: Int16Array;
  readonly maxTime: number;
  readonly nBatch: number;
  readonly nInput: number;
  readonly nCell: number;
  readonly nOutput: number;
  readonly timeMajor: boolean;
}

/**
 * EvalInteger8x8_16 (forward only). Batch-major input steps each batch row alone. `matMul` does
 * every matrix product (the SIMD tier passes a wasm one; it must give matMulAcc's results).
 */
export function lstmSequenceInteger(
  w: LstmIntegerWeights, p: LstmIntegerParams, s: LstmIntegerSequence, scratch: LstmIntegerScratch, matMul: LstmMatMul = matMulAcc,
): void {
  const { maxTime, nBatch, nInput, nCell, nOutput } = s;
  if (s.timeMajor) {
    for (let t = 0; t < maxTime; t++) {
      lstmStepInteger(w, p, s, nBatch, t * nBatch * nInput, 0, 0, scratch, t * nBatch * nOutput, matMul);
    }
  } else {
    for (let b = 0; b < nBatch; b++) {
      for (let t = 0; t < maxTime; t++) {
        const row = b * maxTime + t;
        lstmStepInteger(w, p, s, 1, row * nInput, b * nOutput, b * nCell, scratch, row * nOutput, matMul);
      }
    }
  }
}

/** LstmStepInteger8x8_16 for nBatch rows (the scratch buffers always start at 0, as in TFLite). */
function lstmStepInteger(
  w: LstmIntegerWeights, p: LstmIntegerParams, s: LstmIntegerSequence, nBatch: number, inOff: number, osOff: number, csOff: number,
  scratch: LstmIntegerScratch, outOff: number, matMul: LstmMatMul,
): void {
  const { nInput, nCell, nOutput } = s;
  const g: GateArgs = { s, nBatch, inOff, osOff, csOff, matMul };
  if (p.input !== null) {
    gateInteger(g, w.inputToInput!, w.recurrentToInput!, p.input, w.cellToInput, w.lnInput, w.inputGateBias!, false, scratch.s0);
  }
  gateInteger(g, w.inputToForget, w.recurrentToForget, p.forget, w.cellToForget, w.lnForget, w.forgetGateBias, false, scratch.s1);
  gateInteger(g, w.inputToCell, w.recurrentToCell, p.cell, null, w.lnCell, w.cellGateBias, true, scratch.s2);

  // UpdateLstmCellInteger: c = f*c >> 15, plus i*g (CIFG: (1-f)*g, into the forget buffer) >> (30 + cell scale).
  const n = nBatch * nCell;
  const cell = s.cellState;
  const fg = scratch.s1, cg = scratch.s2, ig = scratch.s0;
  const shift = 30 + p.cellScale;
  for (let i = 0; i < n; i++) cell[csOff + i] = roundingDivideByPOT(fg[i]! * cell[csOff + i]!, 15);
  for (let i = 0; i < n; i++) {
    const gateIn = p.input === null ? 32767 - fg[i]! : ig[i]!;
    fg[i] = roundingDivideByPOT(gateIn * cg[i]!, shift);
  }
  for (let i = 0; i < n; i++) {
    const v = cell[csOff + i]! + fg[i]!;
    cell[csOff + i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  if (p.cellClip > 0) clamp(cell, csOff, n, p.cellClip);

  gateInteger(g, w.inputToOutput, w.recurrentToOutput, p.output, w.cellToOutput, w.lnOutput, w.outputGateBias, false, scratch.s3);

  // CalculateLstmOutputInteger8x8_16: hidden = o * tanh(c) to int8, then the projection.
  applyTanh(15 + p.cellScale, cell, csOff, n, scratch.s0);
  const h = scratch.s4, og = scratch.s3, th = scratch.s0;
  for (let i = 0; i < n; i++) {
    const v = mbqm(og[i]! * th[i]!, p.hiddenA, p.hiddenB) - p.hiddenZp;
    h[i] = v > 127 ? 127 : v < -128 ? -128 : v;
  }
  const os = s.outputState;
  if (w.projection !== null) {
    os.fill(0, osOff, osOff + nBatch * nOutput);
    matMul(h, 0, p.projBias!, w.projection, p.projA, p.projB, nBatch, nCell, nOutput, p.outputStateZp, os, osOff, -128, 127);
    if (p.projClip > 0) clamp(os, osOff, nBatch * nOutput, p.projClip);
  } else {
    for (let i = 0; i < nBatch * nOutput; i++) os[osOff + i] = h[i]!;
  }
  s.output.set(os.subarray(osOff, osOff + nBatch * nOutput), outOff);
}

interface GateArgs {
  readonly s: LstmIntegerSequence;
  readonly nBatch: number;
  readonly inOff: number;
  readonly osOff: number;
  readonly csOff: number;
  readonly matMul: LstmMatMul;
}

/** CalculateLstmGateInteger8x8_16: sigmoid (or tanh for the cell gate) of the int16 gate pre-activation. */
function gateInteger(
  g: GateArgs, wIn: Int8Array, wRec: Int8Array, q: LstmIntegerGate, peep: Int16Array | null, ln: Int16Array | null,
  bias: Int32Array, tanh: boolean, gate: Int16Array,
): void {
  const { s, nBatch } = g;
  const { nInput, nCell, nOutput } = s;
  const n = nBatch * nCell;
  gate.fill(0, 0, n);
  g.matMul(s.input, g.inOff, q.inBias, wIn, q.inA, q.inB, nBatch, nInput, nCell, 0, gate, 0, -32768, 32767);
  g.matMul(s.outputState, g.osOff, q.recBias, wRec, q.recA, q.recB, nBatch, nOutput, nCell, 0, gate, 0, -32768, 32767);
  if (peep !== null) {
    // TFLite walks n_output (not n_cell) values per batch row here; prepare ensures n_output <= n_cell.
    const cell = s.cellState;
    for (let b = 0; b < nBatch; b++) {
      for (let v = 0; v < nOutput; v++) {
        const i = b * nOutput + v;
        const r = mbqm(peep[v]! * cell[g.csOff + i]!, q.cellA, q.cellB) + gate[i]!;
        gate[i] = r > 32767 ? 32767 : r < -32768 ? -32768 : r;
      }
    }
  }
  if (ln !== null) layerNorm(gate, ln, bias, q.lnA, q.lnB, q.varianceGuard, nBatch, nCell);
  if (tanh) applyTanh(3, gate, 0, n, gate);
  else {
    const logistic = fixedPoint16Memo('logistic', 3);
    for (let i = 0; i < n; i++) gate[i] = logistic.get(gate[i]!);
  }
}

/**
 * The integer MatrixBatchVectorMultiplyAccumulate: out[b, r] = clamp(out[b, r] + zp +
 * rescale(bias[r] + dot(w[r], x[b]))), for x[b] at xOff + b·nIn, w[r] at r·nIn, out[b, r] at
 * outOff + b·nOut + r; the rescale is MultiplyByQuantizedMultiplier(·, a, b).
 */
export type LstmMatMul = (
  x: Int8Array, xOff: number, bias: Int32Array, w: Int8Array, a: number, b: number, nBatch: number, nIn: number, nOut: number,
  zp: number, out: Int16Array | Int8Array, outOff: number, lo: number, hi: number,
) => void;

/** The reference LstmMatMul. */
export function matMulAcc(
  x: Int8Array, xOff: number, bias: Int32Array, w: Int8Array, a: number, b: number, nBatch: number, nIn: number, nOut: number,
  zp: number, out: Int16Array | Int8Array, outOff: number, lo: number, hi: number,
): void {
  const acc = dotScratch;
  for (let k = 0; k < nBatch; k++) {
    const xb = xOff + k * nIn;
    for (let r = 0; r < nOut; r += 4) {
      // Four rows per pass over x (the loop is bound by loads); the last pass may have fewer.
      const rows = Math.min(4, nOut - r);
      if (rows === 4) dot4(x, xb, w, r * nIn, nIn, acc);
      else for (let j = 0; j < rows; j++) acc[j] = dot(x, xb, w, (r + j) * nIn, nIn);
      for (let j = 0; j < rows; j++) {
        const i = outOff + k * nOut + r + j;
        const v = mbqm((bias[r + j]! + acc[j]!) | 0, a, b) + zp + out[i]!;
        out[i] = v > hi ? hi : v < lo ? lo : v;
      }
    }
  }
}

const dotScratch = new Int32Array(4);

function dot(x: Int8Array, xo: number, w: Int8Array, wo: number, n: number): number {
  let s = 0;
  for (let c = 0; c < n; c++) s += x[xo + c]! * w[wo + c]!;
  return s;
}

/** The dot products of x with the four weight rows from `wo` into acc[0..3]. */
function dot4(x: Int8Array, xo: number, w: Int8Array, wo: number, n: number, acc: Int32Array): void {
  const w1 = wo + n, w2 = w1 + n, w3 = w2 + n;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let c = 0; c < n; c++) {
    const v = x[xo + c]!;
    s0 += v * w[wo + c]!;
    s1 += v * w[w1 + c]!;
    s2 += v * w[w2 + c]!;
    s3 += v * w[w3 + c]!;
  }
  acc[0] = s0;
  acc[1] = s1;
  acc[2] = s2;
  acc[3] = s3;
}

/** ApplyTanh: gemmlowp tanh of Q(integerBits).(15-integerBits) values; other widths leave `out` as is. */
function applyTanh(integerBits: number, x: Int16Array, off: number, n: number, out: Int16Array): void {
  if (!(integerBits >= 0 && integerBits <= 6)) return;
  const tanh = fixedPoint16Memo('tanh', integerBits);
  for (let i = 0; i < n; i++) out[i] = tanh.get(x[off + i]!);
}

function clamp(x: Int16Array | Int8Array, off: number, n: number, limit: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[off + i]!;
    x[off + i] = v > limit ? limit : v < -limit ? -limit : v;
  }
}

/** Integer division truncating toward zero, exact for safe integers. */
function truncDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** PortableApplyLayerNorm: integer mean/variance normalization, then coefficient, bias and scale. */
function layerNorm(
  x: Int16Array, weights: Int16Array, bias: Int32Array, a: number, b: number, varianceGuard: number, nBatch: number, n: number,
): void {
  const twoTo20 = 1 << 20;
  for (let k = 0; k < nBatch; k++) {
    const o = k * n;
    let sum = 0, sumSq = 0;
    for (let j = 0; j < n; j++) {
      const v = x[o + j]!;
      sum += v;
      sumSq += v * v;
    }
    const mean = truncDiv(sum * 1024, n);
    const temp = truncDiv(twoTo20, n);
    let variance = truncDiv(sumSq * temp - mean * mean, twoTo20) | 0;
    if (variance < 1) variance = varianceGuard;
    const inv = getInvSqrtQuantizedMultiplierExp(variance, -1);
    for (let j = 0; j < n; j++) {
      const shifted = (1024 * x[o + j]! - mean) | 0;
      const rescaled = mbqm(shifted, inv.multiplier, inv.shift);
      const val3 = (Math.imul(rescaled, weights[j]!) + bias[j]!) | 0;
      const val4 = truncDiv(val3 > 0 ? val3 + 512 : val3 - 512, 1024);
      const val5 = mbqm(val4, a, b + 12);
      x[o + j] = val5 > 32767 ? 32767 : val5 < -32768 ? -32768 : val5;
    }
  }
}
