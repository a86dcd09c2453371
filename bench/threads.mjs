#!/usr/bin/env node
// Kernel threads (src/wasm/threads.ts): 1 vs N threads, alternating runs, wall-clock medians.
//   node bench/threads.mjs [--threads N] [--rounds R] [--spin US] [--burst-spin US] [--min-split FLOPS] [--gemm-only] [--models-only] [--sweep] [--json]
//                          [--models a,b,…] (names under ../shared/models, without .tflite)
// Needs `npm run build` first. Each round times a batch of calls on 1 thread, then the same batch
// on N threads (the order alternates between rounds), so slow phases of a shared machine hit both.
// Per variant: median wall ms per call over all rounds, CPU/wall (process CPU over wall time: ≈1
// for one thread, up to N when the workers really ran in parallel) and "others", the cores other
// processes kept busy during the round (from /proc/stat; well above 0: the cores were not free).
// "quiet": the median over the rounds in which others used ≤ 0.25 core for both variants (rounds
// continue, up to 4× --rounds, until --rounds such rounds were seen), with their count.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs, machineBusyMs, median } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Interpreter, loadWasmKernels, createSimdResolver } = await import(path.join(ROOT, 'dist/index.js'));
const { registerSimdMediaPipeOps } = await import(path.join(ROOT, 'dist/kernels/simd/mediapipe.js'));
const { packGemmWeights } = await import(path.join(ROOT, 'dist/kernels/simd/index.js'));
const { DEFAULT_MIN_CHUNK_FLOPS } = await import(path.join(ROOT, 'dist/wasm/threads.js'));
const { parallelGemmF32 } = await import(path.join(ROOT, 'dist/wasm/splits.js'));
const MODELS = path.resolve(ROOT, '../shared/models');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const THREADS = opt('--threads', 2);
const ROUNDS = opt('--rounds', 21);
/** Workers' poll time before they sleep (ThreadPool.workerSpinMicros); default: the pool's. */
const SPIN = opt('--spin', null);
/** Models: the smallest GEMM that is split (ThreadPool.minSplitFlops); default: the pool's. */
const MIN_SPLIT = opt('--min-split', null);
/** Workers' poll time within a burst of jobs (ThreadPool.workerBurstSpinMicros); default: the pool's. */
const BURST = opt('--burst-spin', null);
const json = args.includes('--json');


/** One timed batch of `reps` calls: wall ms per call, CPU/wall, cores used by other processes. */
function batch(fn, reps) {
  const b0 = machineBusyMs(), c0 = cpuMs(), w0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  const wall = performance.now() - w0, cpu = cpuMs() - c0, b1 = machineBusyMs();
  return { ms: wall / reps, cpuPerWall: cpu / wall, others: b0 === null || b1 === null ? null : Math.max(0, (b1 - b0 - cpu) / wall) };
}

/**
 * Alternating rounds of fns (one batch each, order reversed every round) after a warm-up;
 * reps per batch makes the slowest variant's batch last ≥ minMs. `variantOf[i]`: the variant fn i
 * times (several instances of one variant are merged); default one variant per fn.
 */
function alternate(fns, minMs = 60, variantOf = fns.map((_, i) => i)) {
  const warmEnd = performance.now() + 500;
  while (performance.now() < warmEnd) for (const f of fns) f();
  let reps = 1;
  while (Math.max(...fns.map((f) => batch(f, reps).ms * reps)) < minMs) reps *= 2;
  const variants = Math.max(...variantOf) + 1;
  const runs = Array.from({ length: variants }, () => []);
  const quiet = Array.from({ length: variants }, () => []);
  for (let r = 0; r < 4 * ROUNDS && (r < ROUNDS || quiet[0].length < ROUNDS); r++) {
    const order = r % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    const round = [];
    for (const i of order) round[i] = batch(fns[i], reps);
    round.forEach((x, i) => runs[variantOf[i]].push(x));
    if (round.every((x) => x.others !== null && x.others <= 0.25)) round.forEach((x, i) => quiet[variantOf[i]].push(x));
  }
  return runs.map((rs, i) => ({
    ms: median(rs.map((x) => x.ms)),
    min: Math.min(...rs.map((x) => x.ms)),
    cpuPerWall: median(rs.map((x) => x.cpuPerWall)),
    others: rs[0].others === null ? null : median(rs.map((x) => x.others)),
    rounds: rs.length,
    quietMs: quiet[i].length >= 5 ? median(quiet[i].map((x) => x.ms)) : null,
    quietCpuPerWall: quiet[i].length >= 5 ? median(quiet[i].map((x) => x.cpuPerWall)) : null,
    quietRounds: quiet[i].length,
    reps,
  }));
}

const results = [];
const fmt = (x, d = 3) => x.toFixed(d);
function report(name, flops, [one, many]) {
  const row = { name, flops, one, many, speedup: one.ms / many.ms, quietSpeedup: one.quietMs && many.quietMs ? one.quietMs / many.quietMs : null };
  results.push(row);
  if (json) return;
  const gf = (ms) => (flops ? ` ${fmt(flops / (ms * 1e6), 1).padStart(5)} GF/s` : '');
  const others = (r) => (r.others === null ? '–' : fmt(r.others, 2));
  console.log(
    `${name.padEnd(24)} all ${String(one.rounds).padStart(2)}: 1T ${fmt(one.ms).padStart(7)} ms${gf(one.ms)} c/w ${fmt(one.cpuPerWall, 2)} | ` +
    `${THREADS}T ${fmt(many.ms).padStart(7)} ms${gf(many.ms)} c/w ${fmt(many.cpuPerWall, 2)} | ×${fmt(row.speedup, 2)} (others ${others(one)}/${others(many)})` +
    (row.quietSpeedup === null
      ? `   quiet: ${one.quietRounds} rounds`
      : `   quiet ${one.quietRounds}: 1T ${fmt(one.quietMs)} c/w ${fmt(one.quietCpuPerWall, 2)} | ${THREADS}T ${fmt(many.quietMs)} c/w ${fmt(many.quietCpuPerWall, 2)} | ×${fmt(row.quietSpeedup, 2)}`),
  );
}

async function benchGemm() {
  const single = await loadWasmKernels({ numThreads: 1 });
  const threaded = await loadWasmKernels({ numThreads: THREADS });
  if (!threaded?.pool) throw new Error('no wasm threads here');
  await threaded.pool.ready;
  if (SPIN !== null) threaded.pool.workerSpinMicros = SPIN;
  const shapes = [[256, 256, 256], [3136, 128, 64]];
  if (args.includes('--sweep')) {
    // Small GEMMs, to find where a split starts to pay (the pool's minSplitFlops).
    for (const [m, n, k] of [[64, 32, 32], [64, 64, 32], [128, 64, 32], [128, 64, 64], [256, 64, 64], [256, 128, 64], [576, 96, 16], [2304, 24, 8], [1, 1000, 1280]]) shapes.push([m, n, k]);
  }
  if (!json) console.log(`worker spin ${threaded.pool.workerSpinMicros} µs`);
  if (!json) console.log(`GEMM f32 (gemm_f32, packed weights), ${ROUNDS} alternating rounds; split forced (minSplitFlops 0)`);
  threaded.pool.minSplitFlops = 0;
  for (const [m, n, k] of shapes) {
    const setup = (wasm) => {
      const { heap } = wasm;
      const a = heap.alloc(m * k * 4), c = heap.alloc(m * n * 4), pack = heap.alloc(16 * k * THREADS);
      const weights = { name: 'B', data: Float32Array.from({ length: n * k }, (_, i) => ((i * 104729) % 2001) / 1000 - 1) };
      const bias = { name: 'bias', data: Float32Array.from({ length: n }, (_, i) => i / n) };
      const w = packGemmWeights(wasm, weights, bias, n, k);
      const A = new Float32Array(heap.buffer, a, m * k);
      for (let i = 0; i < A.length; i++) A[i] = ((i * 7919) % 2001) / 1000 - 1;
      return { a, c, w, pack };
    };
    const s = setup(single), t = setup(threaded);
    const fnOne = () => single.exports.gemm_f32(m, n, k, s.a, k * 4, s.w, s.c, n * 4, -Infinity, Infinity, s.pack);
    // At least 2 chunks even for the small sweep shapes.
    threaded.pool.minChunkFlops = Math.min(DEFAULT_MIN_CHUNK_FLOPS, m * n * k);
    const fnMany = () => {
      if (!parallelGemmF32(threaded.pool, { m, n, k, a: t.a, lda: k * 4, w: t.w, c: t.c, ldc: n * 4 }, -Infinity, Infinity, t.pack, 16 * k)) throw new Error('no split');
    };
    report(`${m}x${n}x${k}`, 2 * m * n * k, alternate([fnOne, fnMany]));
  }
  // The job round trip: empty GEMM chunks, run by the workers alone (the caller only waits).
  const empty = Array.from({ length: THREADS }, () => [0, 8, 1, 0, 4, 0, 0, 32, 0, 0, 0]);
  threaded.pool.callerWorks = false;
  report('empty job, back to back', 0, alternate([() => {}, () => threaded.pool.run('gemm_f32', empty)]));
  // The same after 2 ms idle (the workers have gone to sleep): the wake-up a model's GEMM pays.
  const gap = new Int32Array(new SharedArrayBuffer(4));
  const cold = [];
  for (let i = 0; i < 300; i++) {
    Atomics.wait(gap, 0, 0, 2);
    const t0 = performance.now();
    threaded.pool.run('gemm_f32', empty);
    cold.push((performance.now() - t0) * 1000);
  }
  threaded.pool.callerWorks = true;
  cold.sort((x, y) => x - y);
  const pct = (q) => cold[Math.floor(q * (cold.length - 1))].toFixed(1);
  results.push({ name: 'empty job after 2 ms idle', roundTripMicros: { p10: +pct(0.1), p50: +pct(0.5), p90: +pct(0.9) } });
  if (!json) console.log(`${'empty job after 2 ms idle'.padEnd(24)} round trip p10 ${pct(0.1)} µs, median ${pct(0.5)} µs, p90 ${pct(0.9)} µs (the workers wake from Atomics.wait)`);
  threaded.pool.dispose();
}

async function benchModels() {
  if (!json) console.log(`\nModels (SIMD tier + MediaPipe ops, numThreads 1 vs ${THREADS}), ${ROUNDS} alternating rounds; default split thresholds`);
  const names = args.includes('--models') ? args[args.indexOf('--models') + 1].split(',') : [
    'mediapipe/hand_landmark_lite', 'tf/mobilenet_v2_035_96_float32', 'mediapipe/selfie_segmentation',
    'coral/mobilenet_v2_1.0_224_quant', 'coral/tf2_mobilenet_v2_1.0_224_ptq',
  ];
  for (const name of names) {
    const file = path.join(MODELS, `${name}.tflite`);
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    const make = async (numThreads) => {
      // As Interpreter.create({ numThreads }) does, plus the MediaPipe ops (as the CLI), and waiting for the workers.
      const wasm = await loadWasmKernels({ numThreads });
      if (wasm.pool) await wasm.pool.ready;
      if (wasm.pool && SPIN !== null) wasm.pool.workerSpinMicros = SPIN;
      if (wasm.pool && BURST !== null) wasm.pool.workerBurstSpinMicros = BURST;
      if (wasm.pool && MIN_SPLIT !== null) wasm.pool.minSplitFlops = MIN_SPLIT;
      const it = new Interpreter(bytes, { heap: wasm.heap, opResolver: registerSimdMediaPipeOps(createSimdResolver(wasm), wasm) });
      it.pool = wasm.pool;
      it.allocateTensors();
      for (const d of it.getInputDetails()) {
        const n = d.shape.reduce((a, b) => a * b, 1);
        const wave = (i) => Math.sin(i * 0.37);
        if (d.dtype === 'uint8') it.setTensor(d.index, Uint8Array.from({ length: n }, (_, i) => 127.5 + 127.5 * wave(i)));
        else if (d.dtype === 'int8') it.setTensor(d.index, Int8Array.from({ length: n }, (_, i) => Math.round(127 * wave(i))));
        else it.setTensor(d.index, Float32Array.from({ length: n }, (_, i) => wave(i)));
      }
      return it;
    };
    // Two instances per variant, created 1, N, N, 1: where an instance's memory happens to lie
    // shifts its speed by a few %, and this keeps that out of the ratio.
    const its = [await make(1), await make(THREADS), await make(THREADS), await make(1)];
    const pools = [its[1].pool, its[2].pool];
    report(name, 0, alternate(its.map((it) => () => it.invoke()), 200, [0, 1, 1, 0]));
    const row = results.at(-1);
    const p = its[1].pool, before = [p.jobs, p.chunks, p.workerChunks];
    for (let i = 0; i < 20; i++) its[1].invoke();
    row.splitsPerInvoke = (p.jobs - before[0]) / 20;
    row.workerChunkShare = (p.workerChunks - before[2]) / Math.max(1, p.chunks - before[1]);
    row.backoffs = pools.reduce((n, q) => n + (q.guard?.backoffs ?? 0), 0);
    if (!json) console.log(`${''.padEnd(24)} split jobs per invoke: ${row.splitsPerInvoke.toFixed(1)}; chunks run by the worker(s): ${(100 * row.workerChunkShare).toFixed(0)}%; backoffs (threads sharing a core): ${row.backoffs}`);
    for (const it of its) {
      it.dispose();
      it.pool?.dispose();
    }
  }
}

if (!args.includes('--models-only')) await benchGemm();
if (!args.includes('--gemm-only')) await benchModels();
if (json) console.log(JSON.stringify({ threads: THREADS, rounds: ROUNDS, node: process.version, results }, null, 1));
