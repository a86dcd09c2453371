#!/usr/bin/env node
// The SIMD tier's f32 GEMM microkernel in GFLOP/s, and whole-model speedups of the SIMD tier
// over the reference tier. Times are process CPU time (process.cpuUsage: robust when other
// processes share the cores); each figure is the median of RUNS timed runs after a warm-up.
//   node bench/gemm.mjs [--runs N] [--gemm-only] [--models-only]
// Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Interpreter, loadWasmKernels, createSimdResolver, BuiltinOpResolver } = await import(path.join(ROOT, 'dist/index.js'));
const { packGemmWeights } = await import(path.join(ROOT, 'dist/kernels/simd/index.js'));
const MODELS = path.resolve(ROOT, '../shared/models');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 11;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median CPU ms per call of fn over RUNS runs, each of `reps` calls lasting ≥ minMs. */
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
  const per = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    per.push((cpuMs() - t0) / reps);
  }
  return median(per);
}

async function benchGemm() {
  const wasm = await loadWasmKernels();
  if (wasm === null) throw new Error('no WebAssembly SIMD');
  console.log('GEMM f32 (SIMD tier microkernel, packed weights, bias, no clamp): median of', RUNS, 'runs, CPU time');
  for (const [m, n, k] of [[256, 256, 256], [3136, 128, 64]]) {
    const { heap, exports } = wasm;
    const a = heap.alloc(m * k * 4), c = heap.alloc(m * n * 4);
    const weights = { name: 'B', data: Float32Array.from({ length: n * k }, (_, i) => ((i * 104729) % 2001) / 1000 - 1) };
    const bias = { name: 'bias', data: Float32Array.from({ length: n }, (_, i) => i / n) };
    const w = packGemmWeights(wasm, weights, bias, n, k);
    const A = new Float32Array(heap.buffer, a, m * k);
    for (let i = 0; i < A.length; i++) A[i] = ((i * 7919) % 2001) / 1000 - 1;
    const ms = time(() => exports.gemm_f32(m, n, k, a, k * 4, w, c, n * 4, -Infinity, Infinity));
    const gflops = (2 * m * n * k) / (ms * 1e6);
    console.log(`  ${m}x${n}x${k}: ${ms.toFixed(3)} ms/call  ${gflops.toFixed(1)} GFLOP/s`);
  }
}

async function benchModels() {
  const names = ['mediapipe/hand_landmark_lite', 'mediapipe/selfie_segmentation', 'tf/mobilenet_v2_035_96_float32'];
  const { registerMediaPipeOps } = await import(path.join(ROOT, 'dist/mediapipe/index.js'));
  console.log(`\nModels: median CPU ms per invoke over ${RUNS} runs (each ≥ 100 ms of invokes)`);
  console.log('  model                                     reference      simd   speedup');
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
    console.log(`  ${name.padEnd(40)} ${ms.reference.toFixed(2).padStart(9)} ${ms.simd.toFixed(2).padStart(9)} ${(ms.reference / ms.simd).toFixed(2).padStart(8)}x`);
  }
}

if (!args.includes('--models-only')) await benchGemm();
if (!args.includes('--gemm-only')) await benchModels();
