#!/usr/bin/env node
// The SIMD tier's f32 GEMM microkernel in GFLOP/s, and whole-model speedups of the SIMD tier
// over the reference tier. Times are process CPU time (process.cpuUsage: robust when other
// processes share the cores); each figure is the median of RUNS timed runs after a warm-up.
//   node bench/gemm.mjs [--runs N] [--gemm-only] [--models-only]
// Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAscKernel, cpuMs, machineBusyMs, median } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Interpreter, loadWasmKernels, createSimdResolver, BuiltinOpResolver } = await import(path.join(ROOT, 'dist/index.js'));
const { packGemmWeights } = await import(path.join(ROOT, 'dist/kernels/simd/index.js'));
const MODELS = path.resolve(ROOT, '../shared/models');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 11;



/**
 * Per-call ms of fn: { cpu: median CPU time over RUNS runs, clean: median wall time over the
 * runs (up to 4·RUNS tried) during which other processes used ≤ 0.25 core, or null when fewer
 * than 5 were that quiet }. Each run is `reps` calls lasting ≥ minMs, after ≥ 400 ms of warm-up.
 */
function time(fn, minMs = 100) {
  const warmEnd = performance.now() + 400;
  let calls = 0;
  while (performance.now() < warmEnd || calls < 5) { fn(); calls++; }
  let reps = 1;
  for (;;) {
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    if (cpuMs() - t0 >= minMs) break;
    reps *= 2;
  }
  const cpu = [], clean = [];
  for (let r = 0; r < 4 * RUNS && (r < RUNS || clean.length < RUNS); r++) {
    const b0 = machineBusyMs(), c0 = cpuMs(), w0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const w = performance.now() - w0, c = cpuMs() - c0, b1 = machineBusyMs();
    if (r < RUNS) cpu.push(c / reps);
    if (b0 !== null && b1 !== null && (b1 - b0 - c) / w <= 0.25) clean.push(w / reps);
  }
  return { cpu: median(cpu), clean: clean.length >= 5 ? median(clean) : null, cleanRuns: clean.length };
}

// The sgemm of ../shared/notes/kernels-toolchain.md (B row-major, not packed; 4×8 tile of 8 f32x4
// accumulators, A broadcast with load32_splat, two B vectors per k), compiled here with the same asc
// flags: the notes measured 61–63 GFLOP/s on a faster clock; on the same machine in the same
// process it is the ceiling our kernel is held to.
const NOTES_SGEMM = `
export function sgemm(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize): void {
  for (let i = 0; i < m; i += 4) {
    for (let j = 0; j < n; j += 8) {
      let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
      let p0 = a + ((<usize>i * k) << 2), p1 = p0 + (<usize>k << 2), p2 = p1 + (<usize>k << 2), p3 = p2 + (<usize>k << 2);
      let bp = b + (<usize>j << 2);
      for (let kk = 0; kk < k; kk++) {
        const b0 = v128.load(bp), b1 = v128.load(bp, 16);
        const x0 = v128.load32_splat(p0); c00 = f32x4.add(c00, f32x4.mul(x0, b0)); c01 = f32x4.add(c01, f32x4.mul(x0, b1));
        const x1 = v128.load32_splat(p1); c10 = f32x4.add(c10, f32x4.mul(x1, b0)); c11 = f32x4.add(c11, f32x4.mul(x1, b1));
        const x2 = v128.load32_splat(p2); c20 = f32x4.add(c20, f32x4.mul(x2, b0)); c21 = f32x4.add(c21, f32x4.mul(x2, b1));
        const x3 = v128.load32_splat(p3); c30 = f32x4.add(c30, f32x4.mul(x3, b0)); c31 = f32x4.add(c31, f32x4.mul(x3, b1));
        p0 += 4; p1 += 4; p2 += 4; p3 += 4; bp += <usize>n << 2;
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

async function compileNotesSgemm() {
  const { memory, exports } = await compileAscKernel(NOTES_SGEMM, 512);
  return { memory, sgemm: exports.sgemm };
}

async function benchGemm() {
  const wasm = await loadWasmKernels();
  if (wasm === null) throw new Error('no WebAssembly SIMD');
  const notes = await compileNotesSgemm();
  console.log(`GEMM f32: the SIMD tier's microkernel (packed weights, bias, clamp) and the notes' sgemm, median of ${RUNS} runs each, CPU time`);
  for (const [m, n, k] of [[256, 256, 256], [3136, 128, 64]]) {
    const { heap, exports } = wasm;
    const a = heap.alloc(m * k * 4), c = heap.alloc(m * n * 4), pack = heap.alloc(16 * k);
    const weights = { name: 'B', data: Float32Array.from({ length: n * k }, (_, i) => ((i * 104729) % 2001) / 1000 - 1) };
    const bias = { name: 'bias', data: Float32Array.from({ length: n }, (_, i) => i / n) };
    const w = packGemmWeights(wasm, weights, bias, n, k);
    const A = new Float32Array(heap.buffer, a, m * k);
    for (let i = 0; i < A.length; i++) A[i] = ((i * 7919) % 2001) / 1000 - 1;
    // The notes' layout: A [m, k] and B [k, n] row-major.
    const na = 0, nb = m * k * 4, nc = nb + k * n * 4;
    new Float32Array(notes.memory.buffer, na, m * k).set(A);
    const B = new Float32Array(notes.memory.buffer, nb, k * n);
    for (let j = 0; j < n; j++) for (let d = 0; d < k; d++) B[d * n + j] = weights.data[j * k + d];
    const ours = time(() => exports.gemm_f32(m, n, k, a, k * 4, w, c, n * 4, -Infinity, Infinity, pack));
    const theirs = time(() => notes.sgemm(m, n, k, na, nb, nc));
    const gflops = (ms) => (ms === null ? '–' : ((2 * m * n * k) / (ms * 1e6)).toFixed(1));
    console.log(`  ${m}x${n}x${k}: gemm_f32 ${gflops(ours.cpu)} GFLOP/s, notes' sgemm ${gflops(theirs.cpu)} GFLOP/s: ${(theirs.cpu / ours.cpu).toFixed(2)}× ` +
      `(clean wall clock: ${gflops(ours.clean)} / ${gflops(theirs.clean)})`);
  }
}

async function benchModels() {
  const names = ['mediapipe/hand_landmark_lite', 'mediapipe/selfie_segmentation', 'tf/mobilenet_v2_035_96_float32'];
  const { registerMediaPipeOps } = await import(path.join(ROOT, 'dist/mediapipe/index.js'));
  console.log(`\nModels: median CPU ms per invoke over ${RUNS} runs (each ≥ 200 ms of invokes); [clean wall-clock ms]`);
  console.log(`  ${'model'.padEnd(40)} ${'reference'.padStart(9)} ${'simd'.padStart(9)} ${'speedup'.padStart(9)}   [reference / simd clean]`);
  for (const name of names) {
    const file = path.join(MODELS, `${name}.tflite`);
    if (!fs.existsSync(file)) { console.log(`  ${name}: missing`); continue; }
    const bytes = fs.readFileSync(file);
    const wasm = await loadWasmKernels();
    const tiers = {
      reference: { opResolver: registerMediaPipeOps(new BuiltinOpResolver()) },
      simd: { heap: wasm.heap, opResolver: registerMediaPipeOps(createSimdResolver(wasm)) },
    };
    const ms = {};
    for (const [tier, options] of Object.entries(tiers)) {
      const it = new Interpreter(bytes, options);
      it.allocateTensors();
      for (const d of it.getInputDetails()) {
        const x = new Float32Array(d.shape.reduce((p, q) => p * q, 1));
        for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.37);
        it.setTensor(d.index, x);
      }
      ms[tier] = time(() => it.invoke(), 200);
    }
    const f = (x) => (x === null ? '–' : x.toFixed(2));
    const r = ms.reference, q = ms.simd;
    console.log(`  ${name.padEnd(40)} ${f(r.cpu).padStart(9)} ${f(q.cpu).padStart(9)} ${(r.cpu / q.cpu).toFixed(2).padStart(8)}x   [${f(r.clean)} / ${f(q.clean)}]`);
  }
}

if (!args.includes('--models-only')) await benchGemm();
if (!args.includes('--gemm-only')) await benchModels();
