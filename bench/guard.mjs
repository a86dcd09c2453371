#!/usr/bin/env node
// The thread pool's ParallelismGuard (src/wasm/threads.ts) on and off: 1 thread, 2 threads with the
// guard, 2 threads without it, in one process, alternating batches of ~400 ms; wall-clock medians.
//   node bench/guard.mjs MODEL [--rounds R]      (MODEL: a path under ../shared/models, no .tflite)
// Run it once on a quiet machine and once with a CPU hog on one core (`node -e "for(;;){}" &`):
// "others" is the cores other processes kept busy meanwhile (/proc/stat).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs, machineBusyMs, median } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Interpreter, loadWasmKernels, createSimdResolver } = await import(path.join(ROOT, 'dist/index.js'));
const { registerSimdMediaPipeOps } = await import(path.join(ROOT, 'dist/kernels/simd/mediapipe.js'));
const args = process.argv.slice(2);
const name = args[0];
if (!name) throw new Error('usage: node bench/guard.mjs MODEL [--rounds R]');
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 15;
const bytes = fs.readFileSync(path.resolve(ROOT, '../shared/models', `${name}.tflite`));
const TYPED = { uint8: Uint8Array, int8: Int8Array, float32: Float32Array, int32: Int32Array };

async function make(threads, guard) {
  const wasm = await loadWasmKernels({ numThreads: threads });
  if (wasm.pool) {
    await wasm.pool.ready;
    if (!guard) wasm.pool.guard = null;
  }
  const it = new Interpreter(bytes, { heap: wasm.heap, opResolver: registerSimdMediaPipeOps(createSimdResolver(wasm), wasm) });
  it.allocateTensors();
  for (const d of it.getInputDetails()) {
    const n = d.shape.reduce((a, b) => a * b, 1);
    it.setTensor(d.index, TYPED[d.dtype].from({ length: n }, (_, i) => (d.dtype === 'float32' ? Math.sin(i) : (i * 7) % 100)));
  }
  return { it, wasm };
}


const variants = [await make(1), await make(2, true), await make(2, false)];
const names = ['1 thread', '2 threads, guard', '2 threads, no guard'];
for (const v of variants) for (const end = performance.now() + 1500; performance.now() < end;) v.it.invoke();
const times = variants.map(() => []);
let others = 0;
for (let r = 0; r < rounds; r++) {
  for (const k of r % 2 ? [2, 1, 0] : [0, 1, 2]) {
    const b0 = machineBusyMs(), c0 = cpuMs(), t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 400) {
      variants[k].it.invoke();
      n++;
    }
    const wall = performance.now() - t0;
    const b1 = machineBusyMs();
    if (b0 !== null && b1 !== null) others += (b1 - b0 - (cpuMs() - c0)) / wall;
    times[k].push(wall / n);
  }
}
const [one, guarded, unguarded] = times.map(median);
console.log(`${name}: ${names.map((n, k) => `${n} ${median(times[k]).toFixed(2)} ms`).join(' | ')}`);
console.log(`  speedup ×${(one / guarded).toFixed(2)} with the guard (${variants[1].wasm.pool.guard.backoffs} backoffs), ×${(one / unguarded).toFixed(2)} without; others ${(others / rounds / 3).toFixed(2)} cores`);
for (const v of variants) v.wasm.pool?.dispose();
