// BATCH_MATMUL, SIMD tier: float32 on the f32 GEMM (gemm_f32) and int8 → int8 on the q8 GEMM
// (q8_gemm_rows, ruy's single-rounding requantization: bit-exact with the reference), any adj_x /
// adj_y and batch broadcasting. The rhs matrices go into the GEMM's panel layout: a constant rhs
// once in prepare, a computed one at every eval into the scratch (wasm/assembly/batch_matmul.ts);
// adj_x lhs matrices are transposed into the scratch first. When every batch uses the same rhs
// matrix and the lhs matrices in order, the whole product is one GEMM over batches·m rows; else one
// GEMM per output batch. int8 → int32, int16 and hybrid nodes run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { BatchMatMulOptions } from '../../schema/generated.js';
import type { WasmKernels } from '../../wasm/loader.js';
import type { Tensor } from '../../interpreter/tensor.js';
import type { KernelCall, ThreadPool } from '../../wasm/threads.js';
import { BATCH_MATMUL as REFERENCE, type BatchMatMulQuant } from '../batch_matmul.js';
import { GEMM_NR, inHeapAtEval, packConstants, scratchOf, simdKernel, stageInHeap, type Scratch } from './tier.js';
import { Q8_TILE_BYTES } from './conv_2d_q8.js';
import { chunkCount, parallelGemmF32, parallelQ8GemmRows, q8PanelBytes, WORK_PER_OP } from '../../wasm/splits.js';

type RefData = ReturnType<typeof REFERENCE.prepare>;

/** wasm/assembly/batch_matmul.ts */
interface BmmExports {
  bmm_transpose_32(count: number, rows: number, cols: number, src: number, dst: number): void;
  bmm_transpose_8(count: number, rows: number, cols: number, src: number, dst: number): void;
  bmm_pack_f32(count: number, n: number, k: number, rsk: number, rsj: number, src: number, dst: number): void;
  bmm_pack_q8(count: number, n: number, k: number, rsk: number, rsj: number, src: number, dst: number, offset: number, multiplier: number, shift: number): void;
  bmm_f32(batches: number, idx: number, m: number, n: number, k: number, a: number, aBytes: number, w: number, wBytes: number, c: number, pack: number): void;
  bmm_q8(
    batches: number, idx: number, m: number, n: number, k: number, a: number, aBytes: number, w: number, wBytes: number, c: number,
    scratch: number, tileRows: number, zpIn: number, zp: number, tmp: number,
  ): void;
  gemm_f32(m: number, n: number, k: number, a: number, lda: number, w: number, c: number, ldc: number, lo: number, hi: number, pack: number): void;
  q8_gemm_rows(
    rows: number, n: number, k: number, a: number, lda: number, w: number, c: number, ldc: number, scratch: number, tileRows: number,
    zpIn: number, u8: number, mode: number, zp: number, lo: number, hi: number, tmp: number,
  ): void;
}

/** q8_gemm_rows's fixed-point accumulators at the start of each thread's block. */
const TMP_BYTES = 128;
/** Q8_SINGLE of wasm/assembly/gemm_q8.ts. */
const Q8_SINGLE = 1;

const align64 = (bytes: number): number => Math.ceil(bytes / 64) * 64;

interface Int8Params {
  zpIn: number;
  zp: number;
  tileRows: number;
}

interface BmmSimd {
  ref: RefData;
  int8: Int8Params | null;
  m: number; n: number; k: number;
  batches: number; lhsCount: number;
  adjX: boolean;
  /** Per output batch, its lhs and rhs matrix (pairs). */
  pairs: Int32Array;
  /** One GEMM over batches·m rows (one rhs matrix, lhs matrices in batch order). */
  fused: boolean;
  /** Bytes per element (4 or 1) and per packed rhs matrix. */
  elem: number;
  wBytes: number;
  /** The constant rhs packed, or −1: packed at each eval with `pack` into the scratch at wAt. */
  weights: number;
  pack: (src: number, dst: number) => void;
  scratch: Scratch;
  /** Offsets in the scratch (the pairs table at 0): the transposed lhs, the packed rhs, per-thread blocks. */
  lhsAt: number; wAt: number; threadAt: number; threadStride: number;
}

const bmmExports = (wasm: WasmKernels): BmmExports => wasm.exports as unknown as BmmExports;

export function batchMatMulSimd(wasm: WasmKernels): KernelRegistration {
  const x = bmmExports(wasm);
  return simdKernel<RefData, BmmSimd>(wasm, REFERENCE, {
    inPlace: [0],
    prepare(ctx: OpContext<BatchMatMulOptions>, ref) {
      const lhs = ctx.input(0), rhs = ctx.input(1), out = ctx.output(0);
      if (!inHeapAtEval(lhs) || (!rhs.isConstant && !inHeapAtEval(rhs))) return null;
      let int8: Int8Params | null = null;
      let q: BatchMatMulQuant | null = null;
      if (ref.kind === 'quantized') {
        q = ref.q;
        if (ref.wide || lhs.dtype !== 'int8' || rhs.dtype !== 'int8' || out.dtype !== 'int8') return null;
        // Zero points the i16 arithmetic takes ((x − zp) in [−255, 255]); shifts as rqFixed takes them.
        if (!inInt8(q.lhsOffset) || !inInt8(q.rhsOffset) || q.shift < -31 || q.shift > 14) return null;
      } else if (ref.kind !== 'float') {
        return null;
      }
      const { m, n, k, adjX, adjY, lhsBatch, rhsBatch } = ref.p;
      if (k * m * n === 0 || lhsBatch.length === 0) return null;
      const batches = lhsBatch.length;
      const lhsCount = matrices(lhs, m * k), rhsCount = matrices(rhs, k * n);
      const pairs = new Int32Array(2 * batches);
      let fused = true;
      for (let b = 0; b < batches; b++) {
        pairs[2 * b] = lhsBatch[b]!;
        pairs[2 * b + 1] = rhsBatch[b]!;
        if (lhsBatch[b] !== b || rhsBatch[b] !== 0) fused = false;
      }
      const rsk = adjY ? 1 : n, rsj = adjY ? k : 1;
      const elem = q ? 1 : 4;
      const panels = Math.ceil(n / GEMM_NR);
      const wBytes = panels * (q ? q8PanelBytes(k) : (k + 1) * GEMM_NR * 4);
      const rq = q;
      const pack = rq
        ? (src: number, dst: number) => x.bmm_pack_q8(rhsCount, n, k, rsk, rsj, src, dst, rq.rhsOffset, rq.multiplier, rq.shift)
        : (src: number, dst: number) => x.bmm_pack_f32(rhsCount, n, k, rsk, rsj, src, dst);
      let weights = -1;
      if (rhs.isConstant) {
        const layout = `bmm ${rhs.dtype} ${rhsCount}x${k}x${n}${adjY ? ' adj_y' : ''}${q ? ` ${q.rhsOffset} ${q.multiplier} ${q.shift}` : ''}`;
        weights = packConstants(wasm, layout, [rhs], rhsCount * wBytes, (_, offset) => {
          const data = rhs.data as Float32Array | Int8Array;
          const raw = stageInHeap(wasm, new Uint8Array(data.buffer, data.byteOffset, rhsCount * k * n * elem), 'rhs to pack');
          pack(raw, offset);
          wasm.heap.freeBlock(raw);
        });
      }
      let threadBytes = 16 * k;
      if (q) {
        const rowBytes = ((k + 1) >> 1) * 4;
        const rows = fused ? batches * m : m;
        const tileRows = Math.min(Math.max(4, Math.floor(Q8_TILE_BYTES / rowBytes) & ~3), Math.ceil(Math.max(rows, 1) / 4) * 4);
        int8 = { zpIn: -q.lhsOffset, zp: q.outputOffset, tileRows };
        threadBytes = TMP_BYTES + tileRows * rowBytes;
      }
      const lhsAt = align64(8 * batches);
      const wAt = lhsAt + (adjX ? align64(lhsCount * m * k * elem) : 0);
      const threadAt = wAt + (weights < 0 ? align64(rhsCount * wBytes) : 0);
      const threadStride = align64(threadBytes);
      const scratch = scratchOf(wasm);
      scratch.reserve(threadAt + threadStride * (wasm.pool?.threads ?? 1));
      return {
        ref, int8, m, n, k, batches, lhsCount, adjX, pairs, fused, elem, wBytes, weights, pack, scratch,
        lhsAt, wAt, threadAt, threadStride,
      };
    },
    eval(ctx, d) {
      const rhs = ctx.input(1);
      // The computed rhs must be in the heap too (simdKernel checked the lhs and the output).
      if (d.weights < 0 && rhs.owningHeap !== wasm.heap) return REFERENCE.eval(ctx, d.ref);
      const { m, k } = d;
      const base = d.scratch.offset;
      let a = ctx.input(0).heapByteOffset;
      if (d.adjX) {
        if (d.elem === 4) x.bmm_transpose_32(d.lhsCount, k, m, a, base + d.lhsAt);
        else x.bmm_transpose_8(d.lhsCount, k, m, a, base + d.lhsAt);
        a = base + d.lhsAt;
      }
      let w = d.weights;
      if (w < 0) {
        w = base + d.wAt;
        d.pack(rhs.heapByteOffset, w);
      }
      const c = ctx.output(0).heapByteOffset;
      if (d.int8) evalInt8(wasm, d, d.int8, a, w, c, base);
      else evalF32(wasm, d, a, w, c, base);
    },
  });
}

const inInt8 = (offset: number): boolean => offset >= -127 && offset <= 128;

/** Matrices of `size` elements in `t` (its batch dimensions' product). */
function matrices(t: Tensor, size: number): number {
  return size === 0 ? 0 : t.size / size;
}

/** Writes the batch pairs into the scratch; returns their offset. */
function writePairs(d: BmmSimd, wasm: WasmKernels, base: number): number {
  new Int32Array(wasm.heap.buffer, base, d.pairs.length).set(d.pairs);
  return base;
}

function evalF32(wasm: WasmKernels, d: BmmSimd, a: number, w: number, c: number, base: number): void {
  const { m, n, k, batches } = d;
  const x = bmmExports(wasm), pool = wasm.pool;
  const pack = base + d.threadAt;
  const gemm = (rows: number, a0: number, w0: number, c0: number): void => {
    const g = { m: rows, n, k, a: a0, lda: 4 * k, w: w0, c: c0, ldc: 4 * n };
    if (pool && parallelGemmF32(pool, g, -Infinity, Infinity, pack, d.threadStride)) return;
    x.gemm_f32(g.m, g.n, g.k, g.a, g.lda, g.w, g.c, g.ldc, -Infinity, Infinity, pack);
  };
  if (d.fused) return gemm(batches * m, a, w, c);
  const aBytes = 4 * m * k, cBytes = 4 * m * n;
  const idx = writePairs(d, wasm, base);
  const chunks = pool ? chunkCount(pool, 2 * batches * m * n * k * WORK_PER_OP.gemmF32) : 0;
  if (pool && chunks >= 2 && batches >= pool.threads) {
    return splitBatches(pool, batches, chunks, (b0, b1) => ({
      kernel: 'bmm_f32', args: [b1 - b0, idx + 8 * b0, m, n, k, a, aBytes, w, d.wBytes, c + b0 * cBytes, pack],
      perThread: { args: [10], stride: d.threadStride },
    }));
  }
  if (chunks >= 2) {
    for (let b = 0; b < batches; b++) gemm(m, a + d.pairs[2 * b]! * aBytes, w + d.pairs[2 * b + 1]! * d.wBytes, c + b * cBytes);
    return;
  }
  x.bmm_f32(batches, idx, m, n, k, a, aBytes, w, d.wBytes, c, pack);
}

function evalInt8(wasm: WasmKernels, d: BmmSimd, q: Int8Params, a: number, w: number, c: number, base: number): void {
  const { m, n, k, batches } = d;
  const x = bmmExports(wasm), pool = wasm.pool;
  const tmp = base + d.threadAt, tile = tmp + TMP_BYTES;
  const gemm = (rows: number, a0: number, w0: number, c0: number): void => {
    if (pool && parallelQ8GemmRows(pool, rows, n, {
      k, a: a0, lda: k, w: w0, c: c0, ldc: n, scratch: tile, scratchStride: d.threadStride, tileRows: q.tileRows,
      zpIn: q.zpIn, u8: 0, mode: Q8_SINGLE, zp: q.zp, lo: -128, hi: 127, tmp,
    })) return;
    x.q8_gemm_rows(rows, n, k, a0, k, w0, c0, n, tile, q.tileRows, q.zpIn, 0, Q8_SINGLE, q.zp, -128, 127, tmp);
  };
  if (d.fused) return gemm(batches * m, a, w, c);
  const aBytes = m * k, cBytes = m * n;
  const idx = writePairs(d, wasm, base);
  const chunks = pool ? chunkCount(pool, 2 * batches * m * n * k * WORK_PER_OP.gemmQ8) : 0;
  if (pool && chunks >= 2 && batches >= pool.threads) {
    return splitBatches(pool, batches, chunks, (b0, b1) => ({
      kernel: 'bmm_q8', args: [b1 - b0, idx + 8 * b0, m, n, k, a, aBytes, w, d.wBytes, c + b0 * cBytes, tile, q.tileRows, q.zpIn, q.zp, tmp],
      perThread: { args: [10, 14], stride: d.threadStride },
    }));
  }
  if (chunks >= 2) {
    for (let b = 0; b < batches; b++) gemm(m, a + d.pairs[2 * b]! * aBytes, w + d.pairs[2 * b + 1]! * d.wBytes, c + b * cBytes);
    return;
  }
  x.bmm_q8(batches, idx, m, n, k, a, aBytes, w, d.wBytes, c, tile, q.tileRows, q.zpIn, q.zp, tmp);
}

/** Output batches [0, batches) in near-equal ranges, one chunk each, across the pool. */
function splitBatches(pool: ThreadPool, batches: number, chunks: number, call: (b0: number, b1: number) => KernelCall): void {
  const n = Math.min(chunks, batches);
  const jobs: KernelCall[][] = [];
  for (let t = 0; t < n; t++) jobs.push([call(Math.floor((batches * t) / n), Math.floor((batches * (t + 1)) / n))]);
  pool.runChunks(jobs);
}
