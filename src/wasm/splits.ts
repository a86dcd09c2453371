// How the SIMD tier's kernels split their work into chunks for the thread pool (threads.ts).
//
// Every splitter returns false, having done nothing, when the work is too small to be worth a job
// (the caller then runs the kernel itself), and true once the pool has run every chunk. Splits
// never change results: integer kernels compute each output independently of the others, and the
// float kernels are cut only where every output element keeps the arithmetic it has on one thread
// (the GEMM's 4-row blocks, depthwise output rows). So outputs are bit-identical for any thread
// count.
//
// Work is measured in f32-GEMM FLOP equivalents: the pool's minSplitFlops / minChunkFlops were
// tuned on the f32 GEMM (bench/threads.md); other kernels' operation counts are scaled by how much
// slower (depthwise: gathers, few FLOPs per load) or faster (int8 dot products) they run per op.
import type { KernelCall, PerThread, ThreadPool } from './threads.js';
import { MAX_CHUNKS, CHUNKS_PER_THREAD } from './control_block.js';
import { GEMM_NR } from '../kernels/simd/tier.js';

/** f32-GEMM FLOP equivalents per operation (2 per multiply-add) of each kernel family. */
export const WORK_PER_OP = {
  gemmF32: 1,
  /** The q8 GEMM runs ~1.8× the f32 GEMM's operations per second. */
  gemmQ8: 0.55,
  /** Depthwise convolutions run at ~15–20 G(FL)OP/s against the f32 GEMM's ~40. */
  depthwise: 2.5,
} as const;

/** Chunks for `work` FLOP equivalents: 0 when it is not worth splitting. */
export function chunkCount(pool: ThreadPool, work: number): number {
  if (work < pool.minSplitFlops || !pool.available) return 0;
  const most = Math.min(MAX_CHUNKS, CHUNKS_PER_THREAD * pool.threads);
  const n = pool.minChunkFlops > 0 ? Math.min(most, Math.floor(work / pool.minChunkFlops)) : most;
  return n >= 2 ? n : 0;
}

/** Near-equal boundaries 0 = b0 < b1 < … < b_chunks = units, inner ones multiples of `align`. */
function evenBounds(units: number, chunks: number, align: number): number[] {
  const blocks = Math.ceil(units / align);
  const n = Math.min(chunks, blocks);
  const bounds = [0];
  for (let t = 1; t < n; t++) bounds.push(align * Math.floor((blocks * t) / n));
  bounds.push(units);
  return bounds;
}

// ------------------------------------------------------------------ GEMMs
//
// gemm_f32 runs rows in blocks of 4 through a 4×8 tile and a single leftover row through a 1×8
// tile whose sum order differs. Row chunks therefore start at multiples of 4 (every chunk but the
// last is a multiple of 4 long), and column chunks are whole 8-column panels: each output element
// gets exactly the single-threaded arithmetic.

/** A GEMM's geometry: C[m×n] = A[m×k] · packed W; offsets and row strides (lda, ldc) in bytes. */
export interface GemmShape {
  m: number; n: number; k: number; a: number; lda: number; w: number; c: number; ldc: number;
}

/**
 * C = clamp(A · packed W + bias, lo, hi) (gemm_f32) split across the pool: by rows in blocks of 4
 * when m ≥ 4·threads, else by 8-column panels of the packed weights. Thread t packs its rows at
 * pack + t · packStride (16·k bytes each).
 */
export function parallelGemmF32(pool: ThreadPool, g: GemmShape, lo: number, hi: number, pack: number, packStride: number): boolean {
  const chunks = chunkCount(pool, 2 * g.m * g.n * g.k * WORK_PER_OP.gemmF32);
  if (chunks < 2) return false;
  const panelBytes = (g.k + 1) * GEMM_NR * 4;
  const perThread: PerThread = { args: [10], stride: packStride };
  return splitGemm(pool, g.m, g.n, chunks, (r0, r1, j0, j1) => ({
    kernel: 'gemm_f32',
    args: [r1 - r0, j1 - j0, g.k, g.a + r0 * g.lda, g.lda, g.w + (j0 / GEMM_NR) * panelBytes, g.c + r0 * g.ldc + j0 * 4, g.ldc, lo, hi, pack],
    perThread,
  }));
}

/** q8_gemm_rows's arguments (gemm_q8.ts) but for the rows and columns. */
export interface Q8GemmRowsJob {
  k: number; a: number; lda: number; w: number; c: number; ldc: number;
  /** Thread t's A tile is at scratch + t · scratchStride, its `tmp` at tmp + t · scratchStride. */
  scratch: number; scratchStride: number; tileRows: number;
  zpIn: number; u8: number; mode: number; zp: number; lo: number; hi: number; tmp: number;
}

/** Bytes of one q8 GEMM panel of 8 columns over k (gemm_q8.ts: 128-byte header, then k-pairs). */
export const q8PanelBytes = (k: number): number => 128 + ((k + 1) >> 1) * 32;

/**
 * q8_gemm_rows (8-bit rows · packed weights, requantized) split across the pool: by rows in
 * blocks of 4 (the A4 layout's), or by 8-column panels when there are few rows.
 */
export function parallelQ8GemmRows(pool: ThreadPool, m: number, n: number, j: Q8GemmRowsJob): boolean {
  const chunks = chunkCount(pool, 2 * m * n * j.k * WORK_PER_OP.gemmQ8);
  if (chunks < 2) return false;
  const perThread: PerThread = { args: [8, 16], stride: j.scratchStride };
  return splitGemm(pool, m, n, chunks, (r0, r1, j0, j1) => ({
    kernel: 'q8_gemm_rows',
    args: [
      r1 - r0, j1 - j0, j.k, j.a + r0 * j.lda, j.lda, j.w + (j0 / GEMM_NR) * q8PanelBytes(j.k), j.c + r0 * j.ldc + j0, j.ldc,
      j.scratch, j.tileRows, j.zpIn, j.u8, j.mode, j.zp, j.lo, j.hi, j.tmp,
    ],
    perThread,
  }));
}

/** Row blocks of 4 when there are enough rows for every thread, else 8-column panels. */
function splitGemm(
  pool: ThreadPool, m: number, n: number, chunks: number, call: (r0: number, r1: number, j0: number, j1: number) => KernelCall,
): boolean {
  const calls: KernelCall[] = [];
  if (m >= 4 * pool.threads) {
    const b = evenBounds(m, chunks, 4);
    for (let t = 0; t + 1 < b.length; t++) calls.push(call(b[t]!, b[t + 1]!, 0, n));
  } else {
    const b = evenBounds(Math.ceil(n / GEMM_NR), chunks, 1);
    if (b.length < 3) return false;
    for (let t = 0; t + 1 < b.length; t++) calls.push(call(0, m, b[t]! * GEMM_NR, Math.min(n, b[t + 1]! * GEMM_NR)));
  }
  pool.runChunks(calls.map((c) => [c]));
  return true;
}

// ------------------------------------------------------------------ output rows of NHWC images
//
// Convolution-like kernels (conv2d_f32, q8_conv2d, dwconv_f32, q8_dwconv) take an image geometry
// and compute output rows from input rows oy · strideH − padH + …. A range of output rows that
// starts inside an image runs as the same kernel on that image with fewer output rows and the top
// padding moved up (padH − oy0 · strideH, negative inside the image); whole images run as one
// call with several batches.

/** Where output rows lie: the geometry every row-split kernel shares. */
export interface RowGeometry {
  batches: number; outH: number;
  /** Bytes of one input image and of one output row. */
  inImageBytes: number; outRowBytes: number;
  strideH: number; padH: number;
}

/**
 * Arguments of one call over output rows of images: `input`/`output` are the byte offsets of the
 * first image and output row, `images` × `rows` output rows, `padH` the top padding to pass, `oy`
 * the first output row within its image (0 when the call covers whole images).
 */
export type RowCall = (input: number, output: number, images: number, rows: number, padH: number, oy: number) => number[];

/** The calls for global output rows [r0, r1) (row r = image r / outH, row r % outH). */
export function rowCalls(g: RowGeometry, input: number, output: number, r0: number, r1: number, make: RowCall): number[][] {
  const calls: number[][] = [];
  for (let r = r0; r < r1;) {
    const b = Math.floor(r / g.outH), oy = r % g.outH;
    let images = 1, n = Math.min(g.outH - oy, r1 - r);
    if (oy === 0 && r1 - r >= g.outH) {
      images = Math.floor((r1 - r) / g.outH);
      n = g.outH;
    }
    calls.push(make(input + b * g.inImageBytes, output + r * g.outRowBytes, images, n, g.padH - oy * g.strideH, oy));
    r += images * n;
  }
  return calls;
}

/**
 * A kernel over every output row of `g` split across the pool into near-equal ranges of rows,
 * for kernels whose outputs do not depend on where a call starts (integer kernels, depthwise).
 */
export function parallelRows(
  pool: ThreadPool, kernel: string, g: RowGeometry, input: number, output: number, work: number, make: RowCall, perThread?: PerThread,
): boolean {
  const rows = g.batches * g.outH;
  const chunks = Math.min(chunkCount(pool, work), rows);
  if (chunks < 2) return false;
  const b = evenBounds(rows, chunks, 1);
  const jobs: KernelCall[][] = [];
  for (let t = 0; t + 1 < b.length; t++) {
    jobs.push(rowCalls(g, input, output, b[t]!, b[t + 1]!, make).map((args) => ({ kernel, args, perThread })));
  }
  pool.runChunks(jobs);
  return true;
}

/** conv2d_f32's geometry (sizes in elements, offsets in bytes). */
export interface Conv2dF32Job {
  input: number; output: number; weights: number;
  /** Thread t's im2col rows are at scratch + t · scratchStride. */
  scratch: number; scratchStride: number;
  batches: number; inH: number; inW: number; inC: number; outH: number; outW: number; outC: number;
  kH: number; kW: number; strideH: number; strideW: number; dilationH: number; dilationW: number; padH: number; padW: number;
  tileRows: number; lo: number; hi: number;
}

/**
 * conv2d_f32 or conv2d_prelu_f32 (`kernel`) split across the pool by ranges of output rows: a
 * pixel's sums do not depend on which call, path or group of four computes it, so any split
 * gives the single-threaded outputs. Each thread gathers border pixels into its own rows.
 */
export function parallelConv2dF32(pool: ThreadPool, j: Conv2dF32Job, kernel = 'conv2d_f32'): boolean {
  const work = 2 * j.batches * j.outH * j.outW * j.outC * j.kH * j.kW * j.inC * WORK_PER_OP.gemmF32;
  return parallelRows(
    pool, kernel,
    { batches: j.batches, outH: j.outH, inImageBytes: j.inH * j.inW * j.inC * 4, outRowBytes: j.outW * j.outC * 4, strideH: j.strideH, padH: j.padH },
    j.input, j.output, work,
    (input, output, images, n, padH) => [
      input, output, j.weights, j.scratch, images, j.inH, j.inW, j.inC, n, j.outW, j.outC, j.kH, j.kW,
      j.strideH, j.strideW, j.dilationH, j.dilationW, padH, j.padW, j.tileRows, j.lo, j.hi,
    ],
    { args: [3], stride: j.scratchStride },
  );
}

// ------------------------------------------------------------------ element-wise kernels
//
// Element-wise kernels compute each output from its own inputs, four lanes at a time with a scalar
// tail whose arithmetic may differ from the lanes' (approximations of exp, logistic): boundaries
// fall on multiples of 16 elements, so each element keeps its path.

/**
 * f32-GEMM FLOP equivalents per element: cheap arithmetic (an ADD streams at ~0.4 ns per element,
 * the f32 GEMM does ~16 FLOP in that time) or an exp/log/logistic/tanh approximation (~3–6 ns).
 */
export const ELEMENT_WORK = { cheap: 16, transcendental: 120 } as const;

/**
 * `count` elements from byte offsets `inputs` (4-byte elements each) into `output`, as calls
 * `make(inputs, output, n)` over near-equal ranges, split across the pool when `count` ·
 * `perElement` is large enough. `make` returns the kernel's arguments.
 */
export function parallelElements(
  pool: ThreadPool, kernel: string, count: number, perElement: number,
  make: (offset: number, n: number) => number[],
): boolean {
  const chunks = Math.min(chunkCount(pool, count * perElement), Math.floor(count / 16));
  if (chunks < 2) return false;
  const b = evenBounds(count, chunks, 16);
  const jobs: KernelCall[][] = [];
  for (let t = 0; t + 1 < b.length; t++) jobs.push([{ kernel, args: make(b[t]!, b[t + 1]! - b[t]!) }]);
  pool.runChunks(jobs);
  return true;
}

/** A binary kernel's broadcast plan (binary_f32, binary2_f32): out[r·cols + c] = a[r·aRow + c·aCol] ∘ b[r·bRow + c·bCol]. */
export interface RowPlan {
  rows: number; cols: number; aRow: number; aCol: number; bRow: number; bCol: number;
}

/**
 * A binary f32 kernel `kernel(op, a, b, out, rows, cols, aRow, aCol, bRow, bCol, lo, hi)` split
 * across the pool: by rows, or a single row by ranges of columns.
 */
export function parallelBinaryF32(
  pool: ThreadPool, kernel: string, op: number, a: number, b: number, out: number, p: RowPlan, lo: number, hi: number, perElement: number,
): boolean {
  const call = (r0: number, rows: number, c0: number, cols: number): number[] => [
    op, a + 4 * (r0 * p.aRow + c0 * p.aCol), b + 4 * (r0 * p.bRow + c0 * p.bCol), out + 4 * (r0 * p.cols + c0),
    rows, cols, p.aRow, p.aCol, p.bRow, p.bCol, lo, hi,
  ];
  const chunks = chunkCount(pool, p.rows * p.cols * perElement);
  if (chunks < 2) return false;
  const jobs: KernelCall[][] = [];
  if (p.rows >= 2 * pool.threads) {
    const bounds = evenBounds(p.rows, chunks, 1);
    for (let t = 0; t + 1 < bounds.length; t++) jobs.push([{ kernel, args: call(bounds[t]!, bounds[t + 1]! - bounds[t]!, 0, p.cols) }]);
  } else if (p.rows === 1 && p.cols >= 32) {
    const bounds = evenBounds(p.cols, Math.min(chunks, Math.floor(p.cols / 16)), 16);
    for (let t = 0; t + 1 < bounds.length; t++) jobs.push([{ kernel, args: call(0, 1, bounds[t]!, bounds[t + 1]! - bounds[t]!) }]);
  } else {
    return false;
  }
  pool.runChunks(jobs);
  return true;
}
