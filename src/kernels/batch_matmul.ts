// BATCH_MATMUL: out[..., i, j] = Σk lhs[..., i, k] · rhs[..., k, j] over ranks 2–5,
// the batch dimensions broadcast numpy-style; adj_x / adj_y transpose the last two
// dimensions of lhs / rhs first.
import type { KernelRegistration, OpContext } from './registration.js';
import type { BatchMatMulOptions } from '../schema/generated.js';
import { broadcastIndex, checkType } from './kernel_util.js';

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

function prepare(ctx: OpContext<BatchMatMulOptions>): BatchMatMulParams {
  if (ctx.numInputs !== 2) ctx.fail(`expected 2 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  const lhs = ctx.input(0), rhs = ctx.input(1);
  checkType(ctx, lhs, 'float32');
  checkType(ctx, rhs, 'float32');
  checkType(ctx, ctx.output(0), 'float32');
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

function evalBatchMatMul(ctx: OpContext<BatchMatMulOptions>, p: BatchMatMulParams): void {
  batchMatMulFloat(p, ctx.input(0).data as Float32Array, ctx.input(1).data as Float32Array, ctx.output(0).data as Float32Array);
}

export const BATCH_MATMUL: KernelRegistration<BatchMatMulParams, BatchMatMulOptions> = { prepare, eval: evalBatchMatMul };
