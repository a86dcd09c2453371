// BATCH_MATMUL: out[..., i, j] = Σk lhs[..., i, k] · rhs[..., k, j] over ranks 2–5,
// the batch dimensions broadcast numpy-style; adj_x / adj_y transpose the last two
// dimensions of lhs / rhs first.
// Quantized as TFLite's kernel: int8 × int8 → int8 (or raw int32), int16 × int16 / int16 × int8 →
// int16 (int64 accumulator), and hybrid float × int8 (each lhs row quantized to int8 on the fly).
import type { KernelRegistration, OpContext } from './registration.js';
import type { BatchMatMulOptions } from '../schema/generated.js';
import { broadcastIndex, checkType } from './kernel_util.js';
import {
  getQuantizedConvolutionMultiplier, multiplyByQuantizedMultiplierInt64, quantizeMultiplier,
} from './util/quant_math.js';
import {
  affineOf, asymmetricQuantizeFloats, multiplyByQuantizedMultiplierSingleRounding, rowSums, symmetricQuantizeFloats,
} from './util/quant_dense.js';

export interface BatchMatMulParams {
  /** Rows of the output, columns of the output, and the summed dimension. */
  m: number;
  n: number;
  k: number;
  adjX: boolean;
  adjY: boolean;
  /** Per output batch, the batch index into lhs and into rhs. */
  lhsBatch: Int32Array;
  rhsBatch: Int32Array;
}

/** Reference float batched matrix product. */
export function batchMatMulFloat(p: BatchMatMulParams, lhs: Float32Array, rhs: Float32Array, output: Float32Array): void {
  const { m, n, k, adjX, adjY, lhsBatch, rhsBatch } = p;
  // Strides of lhs(i, kk) and rhs(kk, j) inside one matrix.
  const lsi = adjX ? 1 : k, lsk = adjX ? m : 1;
  const rsk = adjY ? 1 : n, rsj = adjY ? k : 1;
  const mk = m * k, kn = k * n, mn = m * n;
  for (let bi = 0; bi < lhsBatch.length; bi++) {
    const l0 = lhsBatch[bi]! * mk, r0 = rhsBatch[bi]! * kn, o0 = bi * mn;
    for (let i = 0; i < m; i++) {
      const li = l0 + i * lsi, oi = o0 + i * n;
      if (adjY) {
        // rhs rows are contiguous in k: one dot product per output element.
        for (let j = 0; j < n; j++) {
          const rj = r0 + j * rsj;
          let acc = 0;
          for (let kk = 0; kk < k; kk++) acc += lhs[li + kk * lsk]! * rhs[rj + kk]!;
          output[oi + j] = acc;
        }
      } else {
        // rhs rows are contiguous in j: accumulate whole output rows.
        output.fill(0, oi, oi + n);
        for (let kk = 0; kk < k; kk++) {
          const a = lhs[li + kk * lsk]!;
          const rk = r0 + kk * rsk;
          for (let j = 0; j < n; j++) output[oi + j] = output[oi + j]! + a * rhs[rk + j]!;
        }
      }
    }
  }
}


/** Strides of element (i, kk) of lhs and (kk, j) of rhs inside one matrix. */
function strides(p: BatchMatMulParams): { lsi: number; lsk: number; rsk: number; rsj: number } {
  const { m, n, k, adjX, adjY } = p;
  return { lsi: adjX ? 1 : k, lsk: adjX ? m : 1, rsk: adjY ? 1 : n, rsj: adjY ? k : 1 };
}

/** Integer parameters: zero-point offsets, the output multiplier and clamp. */
export interface BatchMatMulQuant {
  lhsOffset: number;
  rhsOffset: number;
  outputOffset: number;
  multiplier: number;
  shift: number;
  qmin: number;
  qmax: number;
}

type IntArray = Int8Array | Int16Array;

/**
 * Reference integer batched matrix product: Σ (lhs + lhsOffset)(rhs + rhsOffset), rescaled as the
 * official runtime does (int8: int32 accumulator through ruy's single-rounding multiplier; int16:
 * int64 accumulator and TFLite's 64-bit MultiplyByQuantizedMultiplier), + the output zero point,
 * clamped. `wide` selects the int64 accumulator.
 */
export function batchMatMulQuantized(
  p: BatchMatMulParams, q: BatchMatMulQuant, wide: boolean, lhs: IntArray, rhs: IntArray, output: IntArray,
): void {
  const { m, n, k, lhsBatch, rhsBatch } = p;
  const { lsi, lsk, rsk, rsj } = strides(p);
  const { lhsOffset, rhsOffset, outputOffset, multiplier, shift, qmin, qmax } = q;
  const mk = m * k, kn = k * n, mn = m * n;
  for (let bi = 0; bi < lhsBatch.length; bi++) {
    const l0 = lhsBatch[bi]! * mk, r0 = rhsBatch[bi]! * kn, o0 = bi * mn;
    for (let i = 0; i < m; i++) {
      const li = l0 + i * lsi;
      for (let j = 0; j < n; j++) {
        const rj = r0 + j * rsj;
        let acc = 0;
        for (let kk = 0; kk < k; kk++) acc += (lhs[li + kk * lsk]! + lhsOffset) * (rhs[rj + kk * rsk]! + rhsOffset);
        let v = wide ? multiplyByQuantizedMultiplierInt64(acc, multiplier, shift) : multiplyByQuantizedMultiplierSingleRounding(acc | 0, multiplier, shift);
        v += outputOffset;
        output[o0 + i * n + j] = v < qmin ? qmin : v > qmax ? qmax : v;
      }
    }
  }
}

/** Reference int8 × int8 → int32 product of the raw values (TFLite ignores the zero points here). */
export function batchMatMulInt8ToInt32(p: BatchMatMulParams, lhs: Int8Array, rhs: Int8Array, output: Int32Array): void {
  const { m, n, k, lhsBatch, rhsBatch } = p;
  const { lsi, lsk, rsk, rsj } = strides(p);
  const mk = m * k, kn = k * n, mn = m * n;
  for (let bi = 0; bi < lhsBatch.length; bi++) {
    const l0 = lhsBatch[bi]! * mk, r0 = rhsBatch[bi]! * kn, o0 = bi * mn;
    for (let i = 0; i < m; i++) {
      const li = l0 + i * lsi;
      for (let j = 0; j < n; j++) {
        const rj = r0 + j * rsj;
        let acc = 0;
        for (let kk = 0; kk < k; kk++) acc += lhs[li + kk * lsk]! * rhs[rj + kk * rsk]!;
        output[o0 + i * n + j] = acc;
      }
    }
  }
}

/** Hybrid parameters: input quantization mode, weight scales and scratch buffers. */
export interface BatchMatMulHybrid {
  asymmetric: boolean;
  /** Per output column (n) weight scales, or null for the per-tensor `rhsScale`. */
  channelScales: Float32Array | null;
  rhsScale: number;
  /** Number of lhs and rhs matrices (before broadcasting). */
  lhsCount: number;
  rhsCount: number;
  /** Scratch: lhs rows quantized (k values each), their scales and zero points. */
  quantized: Int8Array;
  rowScales: Float32Array;
  rowZeroPoints: Int32Array;
  /** Scratch: one row of lhs gathered (adj_x) before quantization. */
  row: Float32Array;
  /** Scratch: the rhs transposed to n rows of k per matrix, and their row sums. */
  weights: Int8Array;
  sums: Int32Array;
  /** The rhs is constant and `weights` / `sums` were filled in prepare. */
  weightsReady: boolean;
}

/** Transposes every rhs matrix to [n, k] (rows of k contiguous) and sums its rows. */
function packWeights(p: BatchMatMulParams, h: BatchMatMulHybrid, rhs: Int8Array): void {
  const { n, k } = p;
  const { rsk, rsj } = strides(p);
  for (let b = 0; b < h.rhsCount; b++) {
    const r0 = b * k * n, w0 = b * n * k;
    for (let j = 0; j < n; j++) for (let kk = 0; kk < k; kk++) h.weights[w0 + j * k + kk] = rhs[r0 + j * rsj + kk * rsk]!;
  }
  h.sums.set(rowSums(h.weights, h.rhsCount * n, k));
}

/**
 * Reference hybrid batched product (reference_ops::BatchMatMul with scaling factors): each lhs row
 * quantized to int8, integer dot products with the int8 rhs, the zero point's row-sum correction
 * in float32, then × (row scale × weight scale) in float32.
 */
export function batchMatMulHybrid(p: BatchMatMulParams, h: BatchMatMulHybrid, lhs: Float32Array, rhs: Int8Array, output: Float32Array): void {
  const { m, n, k, lhsBatch, rhsBatch } = p;
  const { lsi, lsk } = strides(p);
  const f = Math.fround;
  if (!h.weightsReady) packWeights(p, h, rhs);
  for (let r = 0; r < h.lhsCount * m; r++) {
    const l0 = Math.floor(r / m) * m * k + (r % m) * lsi;
    for (let kk = 0; kk < k; kk++) h.row[kk] = lhs[l0 + kk * lsk]!;
    let scale: number, zeroPoint = 0;
    if (h.asymmetric) ({ scale, zeroPoint } = asymmetricQuantizeFloats(h.row, 0, k, h.quantized, r * k));
    else scale = symmetricQuantizeFloats(h.row, 0, k, h.quantized, r * k);
    h.rowScales[r] = h.channelScales === null ? f(scale * h.rhsScale) : scale;
    h.rowZeroPoints[r] = zeroPoint;
  }
  const mn = m * n;
  for (let bi = 0; bi < lhsBatch.length; bi++) {
    const lb = lhsBatch[bi]!, rb = rhsBatch[bi]!, o0 = bi * mn;
    for (let i = 0; i < m; i++) {
      const r = lb * m + i, q0 = r * k;
      const rowScale = h.rowScales[r]!, offset = h.rowZeroPoints[r]!;
      for (let j = 0; j < n; j++) {
        const w0 = (rb * n + j) * k;
        let total = 0;
        for (let kk = 0; kk < k; kk++) total += h.weights[w0 + kk]! * h.quantized[q0 + kk]!;
        // total -= row_sum * (float)offset: an int32 updated through float32.
        if (offset !== 0) total = Math.trunc(f(f(total) - f(h.sums[rb * n + j]! * offset)));
        const scale = h.channelScales === null ? rowScale : f(rowScale * h.channelScales[j]!);
        output[o0 + i * n + j] = f(scale * f(total));
      }
    }
  }
}

type BmmData =
  | { kind: 'float'; p: BatchMatMulParams }
  | { kind: 'quantized'; p: BatchMatMulParams; q: BatchMatMulQuant; wide: boolean }
  | { kind: 'int32'; p: BatchMatMulParams }
  | { kind: 'hybrid'; p: BatchMatMulParams; h: BatchMatMulHybrid };

function prepare(ctx: OpContext<BatchMatMulOptions>): BmmData {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const lhs = ctx.input(0), rhs = ctx.input(1), output = ctx.output(0);
  checkType(ctx, lhs, 'float32', 'int8', 'int16');
  checkType(ctx, rhs, 'float32', 'int8', 'int16');
  const pair = `${lhs.dtype}×${rhs.dtype}`;
  if (!['float32×float32', 'float32×int8', 'int8×int8', 'int16×int16', 'int16×int8'].includes(pair)) {
    ctx.fail(`unsupported input types ${lhs.dtype} and ${rhs.dtype}`);
  }
  if (lhs.dtype === 'float32') checkType(ctx, output, 'float32');
  else if (lhs.dtype === 'int8') checkType(ctx, output, 'int8', 'int32');
  else checkType(ctx, output, 'int16');
  const p = prepareShapes(ctx);
  if (lhs.dtype === 'float32' && rhs.dtype === 'float32') return { kind: 'float', p };
  if (pair === 'float32×int8') return { kind: 'hybrid', p, h: prepareHybrid(ctx, p) };
  if (output.dtype === 'int32') return { kind: 'int32', p };
  const lq = affineOf(ctx, lhs), rq = affineOf(ctx, rhs), oq = affineOf(ctx, output);
  if (lhs.dtype === 'int16' && (lq.zeroPoint !== 0 || rq.zeroPoint !== 0 || oq.zeroPoint !== 0)) {
    ctx.fail('int16 inputs and output need zero point 0');
  }
  const m = quantizeMultiplier(getQuantizedConvolutionMultiplier(lq.scale, rq.scale, oq.scale));
  if (m === null) return ctx.fail('output multiplier is not finite');
  const [qmin, qmax] = output.dtype === 'int8' ? [-128, 127] : [-32768, 32767];
  return {
    kind: 'quantized', p, wide: lhs.dtype === 'int16',
    q: { lhsOffset: -lq.zeroPoint, rhsOffset: -rq.zeroPoint, outputOffset: oq.zeroPoint, multiplier: m.multiplier, shift: m.shift, qmin, qmax },
  };
}

function prepareShapes(ctx: OpContext<BatchMatMulOptions>): BatchMatMulParams {
  const lhs = ctx.input(0), rhs = ctx.input(1);
  for (const t of [lhs, rhs]) {
    if (t.shape.length < 2 || t.shape.length > 5) ctx.fail(`tensor '${t.name}' has rank ${t.shape.length}, expected 2 to 5`);
  }
  const adjX = !!ctx.options.adjX, adjY = !!ctx.options.adjY;
  const rank = Math.max(lhs.shape.length, rhs.shape.length);
  const ls = [...new Array<number>(rank - lhs.shape.length).fill(1), ...lhs.shape];
  const rs = [...new Array<number>(rank - rhs.shape.length).fill(1), ...rhs.shape];
  const batchShape: number[] = [];
  for (let i = 0; i < rank - 2; i++) {
    const a = ls[i]!, b = rs[i]!;
    if (a !== b && a !== 1 && b !== 1) ctx.fail(`batch dimensions [${lhs.shape}] and [${rhs.shape}] do not broadcast`);
    batchShape.push(a === 1 ? b : a);
  }
  const m = adjX ? ls[rank - 1]! : ls[rank - 2]!;
  const kl = adjX ? ls[rank - 2]! : ls[rank - 1]!;
  const kr = adjY ? rs[rank - 1]! : rs[rank - 2]!;
  const n = adjY ? rs[rank - 2]! : rs[rank - 1]!;
  if (kl !== kr) ctx.fail(`inner dimensions differ: ${kl} (lhs) vs ${kr} (rhs)`);
  ctx.resizeOutput(0, [...batchShape, m, n]);
  return {
    m, n, k: kl, adjX, adjY,
    lhsBatch: broadcastIndex(ls.slice(0, rank - 2), batchShape),
    rhsBatch: broadcastIndex(rs.slice(0, rank - 2), batchShape),
  };
}

function prepareHybrid(ctx: OpContext<BatchMatMulOptions>, p: BatchMatMulParams): BatchMatMulHybrid {
  const lhs = ctx.input(0), rhs = ctx.input(1);
  const rq = affineOf(ctx, rhs);
  const rank = rhs.shape.length;
  let channelScales: Float32Array | null = null;
  if (rq.scales.length > 1) {
    // One scale per output column: along rhs's last dimension, or the one before it with adj_y.
    const dim = p.adjY ? rank - 2 : rank - 1;
    if (rq.quantizedDimension !== dim || rq.scales.length !== p.n) {
      ctx.fail(`per-channel rhs needs one scale per output column along dimension ${dim}`);
    }
    channelScales = Float32Array.from(rq.scales);
  }
  const { m, n, k } = p;
  const lhsCount = lhs.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const rhsCount = rhs.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const h: BatchMatMulHybrid = {
    asymmetric: !!ctx.options.asymmetricQuantizeInputs, channelScales, rhsScale: Math.fround(rq.scale), lhsCount, rhsCount,
    quantized: new Int8Array(lhsCount * m * k), rowScales: new Float32Array(lhsCount * m), rowZeroPoints: new Int32Array(lhsCount * m),
    row: new Float32Array(k), weights: new Int8Array(rhsCount * n * k), sums: new Int32Array(rhsCount * n), weightsReady: false,
  };
  if (rhs.isConstant) {
    packWeights(p, h, rhs.data as Int8Array);
    h.weightsReady = true;
  }
  return h;
}

function evalBatchMatMul(ctx: OpContext<BatchMatMulOptions>, d: BmmData): void {
  const lhs = ctx.input(0).data, rhs = ctx.input(1).data, output = ctx.output(0).data;
  switch (d.kind) {
    case 'float':
      batchMatMulFloat(d.p, lhs as Float32Array, rhs as Float32Array, output as Float32Array);
      return;
    case 'quantized':
      batchMatMulQuantized(d.p, d.q, d.wide, lhs as IntArray, rhs as IntArray, output as IntArray);
      return;
    case 'int32':
      batchMatMulInt8ToInt32(d.p, lhs as Int8Array, rhs as Int8Array, output as Int32Array);
      return;
    case 'hybrid':
      batchMatMulHybrid(d.p, d.h, lhs as Float32Array, rhs as Int8Array, output as Float32Array);
  }
}

export const BATCH_MATMUL: KernelRegistration<BmmData, BatchMatMulOptions> = { prepare, eval: evalBatchMatMul };
