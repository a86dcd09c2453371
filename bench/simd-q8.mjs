#!/usr/bin/env node
// The SIMD tier's 8-bit kernels: the q8 GEMM microkernel in GOP/s, and whole 8-bit models on the
// reference tier, the SIMD tier and LiteRT.js. Results go in bench/simd-q8.md.
//   node bench/simd-q8.mjs [--gemm-only] [--models-only] [--rounds R] [MODEL...]
// Needs `npm run build` first (and the devDependency @litertjs/core for the LiteRT.js column).
//
// GEMM: C = requantize(A · B) with B packed as the SIMD tier packs it, at 256×256×256 and
// M=3136, N=128, K=64: `q8_gemm` on A already widened to i16 and packed (the microkernel) and
// `q8_gemm_rows` on int8 A (what a pointwise CONV_2D / FULLY_CONNECTED runs: packing in 32 KiB
// tiles + GEMM).
// Next to them, in the same process, a re-implementation of the qgemm of
// ../shared/notes/kernels-toolchain.md (int8 A with load16_splat + extend, int8 B packed in k-pair
// interleaved 8-column panels, 4×8 tile, raw int32 output: no requantization), compiled here with
// the same asc flags: the notes' numbers were taken on a faster clock, so the ratio is what carries.
// The variants alternate in short batches; each figure is the median over the batches of CPU time
// (process.cpuUsage), which other processes on the shared cores disturb less than wall time.
//
// Models: per round, one timed run of the reference tier, then `--batch` runs of the SIMD tier and
// of LiteRT.js (single thread, bench/child.mjs's loader, XNNPACK) in alternating order; per-run CPU
// time, medians over all rounds. bench/compare.mjs runs tflite-ts on the reference tier only, hence
// this script for the SIMD tier.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Child, ROOT, SHARED_MODELS, compileAscKernel, relaxedSimdFlags, median, maxAbsDiff, cpuMs } from './lib.mjs';

const { values: opt, positionals } = parseArgs({
  options: {
    'gemm-only': { type: 'boolean' }, 'models-only': { type: 'boolean' }, rounds: { type: 'string' }, batch: { type: 'string' },
    'no-litert': { type: 'boolean' },
  },
  allowPositionals: true,
});
const ROUNDS = Number(opt.rounds ?? 15);
const BATCH = Number(opt.batch ?? 3);
const tfl = await import(path.join(ROOT, 'dist/index.js'));
const { fillSeeded, mulberry32 } = await import(path.join(ROOT, 'dist/tools/io_json.js'));
const { packQ8Weights, q8Exports, Q8_FP32 } = await import(path.join(ROOT, 'dist/kernels/simd/gemm_q8.js'));


// ------------------------------------------------------------------ the notes' qgemm, for reference
const NOTES_QGEMM = `
// ../shared/notes/kernels-toolchain.md "qgemm": B packed [N/8][K/2][8][2] int8; A int8 row-major;
// C int32 raw accumulators. M % 4 == 0, N % 8 == 0, K even.
export function qgemm(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize): void {
  const kp = k >> 1;
  for (let i = 0; i < m; i += 4) {
    const a0 = a + <usize>i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    let bp = b;
    for (let j = 0; j < n; j += 8) {
      let c00 = i32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
      let p0 = a0, p1 = a1, p2 = a2, p3 = a3;
      for (let kk = 0; kk < kp; kk++) {
        const vb = v128.load(bp);
        const b0 = i16x8.extend_low_i8x16_s(vb), b1 = i16x8.extend_high_i8x16_s(vb);
        const x0 = i16x8.extend_low_i8x16_s(v128.load16_splat(p0));
        c00 = i32x4.add(c00, i32x4.dot_i16x8_s(x0, b0)); c01 = i32x4.add(c01, i32x4.dot_i16x8_s(x0, b1));
        const x1 = i16x8.extend_low_i8x16_s(v128.load16_splat(p1));
        c10 = i32x4.add(c10, i32x4.dot_i16x8_s(x1, b0)); c11 = i32x4.add(c11, i32x4.dot_i16x8_s(x1, b1));
        const x2 = i16x8.extend_low_i8x16_s(v128.load16_splat(p2));
        c20 = i32x4.add(c20, i32x4.dot_i16x8_s(x2, b0)); c21 = i32x4.add(c21, i32x4.dot_i16x8_s(x2, b1));
        const x3 = i16x8.extend_low_i8x16_s(v128.load16_splat(p3));
        c30 = i32x4.add(c30, i32x4.dot_i16x8_s(x3, b0)); c31 = i32x4.add(c31, i32x4.dot_i16x8_s(x3, b1));
        p0 += 2; p1 += 2; p2 += 2; p3 += 2; bp += 16;
      }
      const cp = c + ((<usize>i * n + j) << 2), ld = <usize>n << 2;
      v128.store(cp, c00); v128.store(cp, c01, 16);
      v128.store(cp + ld, c10); v128.store(cp + ld, c11, 16);
      v128.store(cp + 2 * ld, c20); v128.store(cp + 2 * ld, c21, 16);
      v128.store(cp + 3 * ld, c30); v128.store(cp + 3 * ld, c31, 16);
    }
  }
}
`;

async function compileNotesQgemm() {
  const { memory, exports } = await compileAscKernel(NOTES_QGEMM, 256);
  return { memory, qgemm: exports.qgemm };
}

/** Alternates the functions in batches of about 10 ms; per function, the median CPU ms per call. */
function pairedMedians(fns, rounds) {
  for (const fn of fns) { const end = performance.now() + 300; while (performance.now() < end) fn(); }
  const reps = fns.map((fn) => {
    for (let r = 1; ; r *= 2) {
      const t0 = cpuMs();
      for (let i = 0; i < r; i++) fn();
      if (cpuMs() - t0 >= 10) return r;
    }
  });
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = fns.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const j of order) {
      const t0 = cpuMs();
      for (let i = 0; i < reps[j]; i++) fns[j]();
      times[j].push((cpuMs() - t0) / reps[j]);
    }
  }
  return times.map(median);
}

async function benchGemm() {
  const notes = await compileNotesQgemm();
  const wasm = await tfl.loadWasmKernels();
  if (wasm === null) throw new Error('no WebAssembly SIMD');
  const q8 = q8Exports(wasm);
  console.log('int8 GEMM, GOP/s = 2·M·N·K / CPU time; median of the batches (paired, same process)');
  const rows = [];
  for (const [m, n, k] of [[256, 256, 256], [3136, 128, 64]]) {
    const { heap } = wasm;
    const kp = k >> 1;
    // Int8 weights and activations over the full range, per-channel scales, int8 output.
    const weights = { name: 'B', data: Int8Array.from({ length: n * k }, (_, i) => ((i * 104729) % 255) - 127) };
    const bias = { name: 'bias', data: Int32Array.from({ length: n }, (_, i) => i * 37 - 2000) };
    const scales = Float32Array.from({ length: n }, (_, i) => 1 / (2000 + 13 * i));
    const w = packQ8Weights(wasm, weights, bias, n, k, 0, { mode: Q8_FP32, scales });
    const a8 = heap.alloc(m * k), a16 = heap.alloc(m * kp * 4), c = heap.alloc(m * n), scratch = heap.alloc(32 * 1024 + 64);
    const A8 = new Int8Array(heap.buffer, a8, m * k);
    for (let i = 0; i < A8.length; i++) A8[i] = ((i * 7919) % 255) - 127;
    const zpIn = -3;
    // The A4 layout of q8_gemm: per block of 4 rows, per k-pair, the 4 rows' pairs.
    const A16 = new Int16Array(heap.buffer, a16, m * k);
    for (let i = 0; i < m; i++) for (let d = 0; d < k; d++) A16[((i >> 2) * kp + (d >> 1)) * 8 + (i & 3) * 2 + (d & 1)] = A8[i * k + d] - zpIn;
    const tileRows = Math.max(4, Math.floor((32 * 1024) / (kp * 4)) & ~3);
    // The notes' layout: Bp[j/8][k/2][c][2] int8.
    const nb = 65536, na = nb + n * k, nc = na + m * k;
    new Uint8Array(notes.memory.buffer).fill(0);
    if (notes.memory.buffer.byteLength < nc + m * n * 4) notes.memory.grow(Math.ceil((nc + m * n * 4 - notes.memory.buffer.byteLength) / 65536));
    const nB = new Int8Array(notes.memory.buffer, nb, n * k);
    for (let j = 0; j < n; j++) for (let d = 0; d < k; d++) nB[(j >> 3) * 8 * k + (d >> 1) * 16 + (j & 7) * 2 + (d & 1)] = weights.data[j * k + d];
    new Int8Array(notes.memory.buffer, na, m * k).set(A8);
    notes.qgemm(m, n, k, na, nb, nc);
    const C32 = new Int32Array(notes.memory.buffer, nc, m * n);
    for (const [i, j] of [[0, 0], [m - 1, n - 1], [m >> 1, 5]]) {
      let acc = 0;
      for (let d = 0; d < k; d++) acc += A8[i * k + d] * weights.data[j * k + d];
      if (C32[i * n + j] !== acc) throw new Error(`notes' qgemm is wrong at [${i}, ${j}]: ${C32[i * n + j]} vs ${acc}`);
    }
    const [tNotes, tGemm, tRows] = pairedMedians([
      () => notes.qgemm(m, n, k, na, nb, nc),
      () => q8.q8_gemm(m, n, kp, a16, w, c, n, Q8_FP32, 0, -1, -128, 127, 0),
      () => q8.q8_gemm_rows(m, n, k, a8, k, w, c, n, scratch, tileRows, zpIn, 0, Q8_FP32, -1, -128, 127, 0),
    ], ROUNDS * 3);
    const gops = (ms) => (2 * m * n * k) / (ms * 1e6);
    rows.push([`${m}×${n}×${k}`, gops(tNotes), gops(tGemm), gops(tRows)]);
    console.log(`  ${m}x${n}x${k}: notes' qgemm (raw int32) ${gops(tNotes).toFixed(1)}  q8_gemm (packed i16 A, requantized) ${gops(tGemm).toFixed(1)} ` +
      `(${(tNotes / tGemm).toFixed(2)}×)  q8_gemm_rows (int8 A, packed in tiles) ${gops(tRows).toFixed(1)} (${(tNotes / tRows).toFixed(2)}×)`);
  }
  return rows;
}

// ------------------------------------------------------------------ models
const DEFAULT_MODELS = ['coral/mobilenet_v2_1.0_224_quant.tflite', 'coral/tf2_mobilenet_v2_1.0_224_ptq.tflite'];
const TYPED = { float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array };

function seededInputs(details, seed) {
  const next = mulberry32(seed);
  return details.map((d) => {
    const a = new TYPED[d.dtype](d.shape.reduce((x, y) => x * y, 1));
    fillSeeded(d.dtype, a, next);
    return a;
  });
}

async function benchModel(file) {
  const model = path.isAbsolute(file) ? file : path.join(SHARED_MODELS, file);
  const bytes = new Uint8Array(fs.readFileSync(model));
  const sides = {};
  for (const tier of ['reference', 'simd']) {
    const it = await tfl.Interpreter.create(bytes, { tier });
    it.allocateTensors();
    const inputs = seededInputs(it.getInputDetails(), 1);
    sides[tier] = { run: () => it.run(inputs), cpu: [], wall: [] };
    sides[tier].first = sides[tier].run().map((x) => x.slice());
  }
  const exact = sides.simd.first.every((o, k) => o.length === sides.reference.first[k].length && o.every((v, i) => v === sides.reference.first[k][i]));
  for (const s of [sides.reference, sides.simd]) {
    const end = performance.now() + 2000;
    for (let i = 0; i < 3 || performance.now() < end; i++) s.run();
  }
  let litert = null;
  const relaxed = relaxedSimdFlags();
  if (!opt['no-litert'] && fs.existsSync(path.join(ROOT, 'node_modules/@litertjs/core/dist/index.js'))) {
    litert = { child: new Child('litert', relaxed ?? []), cpu: [], wall: [] };
    litert.open = await litert.child.request({ cmd: 'open', model, threads: 1, build: relaxed ? 'relaxed' : 'compat', seed: 1, warmupMs: 2000, warmupRuns: 5, maxOutputValues: 2_000_000 }, 300_000);
  }
  const timeLocal = (s) => {
    const c0 = cpuMs(), w0 = performance.now();
    s.run();
    s.cpu.push(cpuMs() - c0);
    s.wall.push(performance.now() - w0);
  };
  for (let r = 0; r < ROUNDS; r++) {
    timeLocal(sides.reference);
    const order = r % 2 ? ['litert', 'simd'] : ['simd', 'litert'];
    for (const o of order) {
      for (let i = 0; i < BATCH; i++) {
        if (o === 'simd') timeLocal(sides.simd);
        else if (litert) {
          const res = await litert.child.request({ cmd: 'run', n: 1 }, 120_000);
          litert.cpu.push(res.cpuMs);
          litert.wall.push(res.times[0]);
        }
      }
    }
  }
  let diff = null;
  if (litert) {
    const ours = sides.simd.first.map((v, k) => ({ shape: litert.open.outputs[k].shape, values: Array.from(v) }));
    diff = maxAbsDiff(litert.open.outputs, ours);
    await litert.child.close();
  }
  const res = {
    model: path.relative(SHARED_MODELS, model), exact, diff,
    ref: median(sides.reference.cpu), simd: median(sides.simd.cpu), litert: litert ? median(litert.cpu) : null,
    refWall: median(sides.reference.wall), simdWall: median(sides.simd.wall), litertWall: litert ? median(litert.wall) : null,
  };
  const f = (x) => (x == null ? '–' : x.toFixed(1));
  console.log(`  ${res.model}: reference ${f(res.ref)} ms, SIMD ${f(res.simd)} ms (${(res.ref / res.simd).toFixed(1)}× faster, outputs ${exact ? 'bit-identical' : 'DIFFER'}), ` +
    `LiteRT.js ${f(res.litert)} ms (SIMD / LiteRT.js = ${res.litert ? (res.simd / res.litert).toFixed(2) : '–'}×, max|Δ| ${diff}); ` +
    `wall: ${f(res.refWall)} / ${f(res.simdWall)} / ${f(res.litertWall)} ms`);
  return res;
}

if (!opt['models-only']) await benchGemm();
if (!opt['gemm-only']) {
  console.log(`models: per-run CPU ms, median of ${ROUNDS} reference runs and ${ROUNDS * BATCH} SIMD / LiteRT.js runs (1 thread)`);
  for (const m of positionals.length ? positionals : DEFAULT_MODELS) await benchModel(m);
}
