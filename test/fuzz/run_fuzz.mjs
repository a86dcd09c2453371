#!/usr/bin/env node
// Long mutation fuzz over real and single-op models: every failure must be a TfliteError. Odd
// iterations run the reference tier, even ones the wasm SIMD tier (Interpreter.create).
//   FUZZ_ITERATIONS=100000 FUZZ_SEED=1 npm run fuzz
import fs from 'node:fs';
import path from 'node:path';
import { Interpreter, TfliteError } from '../../dist/index.js';
import { MODELS_DIR } from '../harness/goldens.mjs';
import { mulberry32 } from '../harness/model_builder.mjs';

const iterations = Number(process.env.FUZZ_ITERATIONS ?? 2000);
const next = mulberry32(Number(process.env.FUZZ_SEED ?? 1));
const MAX_MODEL = 64_000; // larger models make each iteration slow
const sources = [];
for (const d of fs.existsSync(MODELS_DIR) ? fs.readdirSync(MODELS_DIR) : []) {
  const dir = path.join(MODELS_DIR, d);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (f.endsWith('.tflite') && fs.statSync(p).size <= MAX_MODEL) sources.push({ name: `${d}/${f}`, bytes: new Uint8Array(fs.readFileSync(p)) });
  }
}
if (sources.length === 0) { console.error('no models found'); process.exit(2); }

function mutate(src) {
  const b = src.slice();
  const kind = next() % 4;
  if (kind === 0) return b.subarray(0, next() % b.length);
  const n = 1 + (next() % 8);
  for (let i = 0; i < n; i++) {
    const at = next() % b.length;
    if (kind === 1) b[at] ^= 1 << (next() % 8);
    else if (kind === 2) b[at] = next() & 255;
    else { const v = [0, 0xff, 0x7f, 0x80][next() % 4]; for (let k = 0; k < 4 && at + k < b.length; k++) b[at + k] = v; }
  }
  return b;
}

let ran = 0, typed = 0;
const start = performance.now();
for (let i = 0; i < iterations; i++) {
  const src = sources[next() % sources.length];
  const bytes = mutate(src.bytes);
  try {
    const it = i % 2 ? new Interpreter(bytes, { maxLoopIterations: 1000 }) : await Interpreter.create(bytes, { maxLoopIterations: 1000, numThreads: 1 });
    it.allocateTensors();
    it.invoke();
    ran++;
  } catch (e) {
    if (!(e instanceof TfliteError)) {
      console.error(`iteration ${i} (${src.name}, ${i % 2 ? 'reference' : 'SIMD'} tier): untyped ${e?.name}: ${e?.message}\n${e?.stack}`);
      fs.writeFileSync(`fuzz-crash-${i}.tflite`, bytes);
      process.exit(1);
    }
    typed++;
  }
}
console.log(`${iterations} mutated models: ${ran} ran, ${typed} typed errors, 0 untyped (${((performance.now() - start) / 1000).toFixed(1)} s)`);
