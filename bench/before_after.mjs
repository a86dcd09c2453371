#!/usr/bin/env node
// Before/after ratios from one run: the official runtime, tflite-ts built at OLD_ROOT (another
// checkout, `npm run build` done) and tflite-ts here, each in its own bench/child.mjs process,
// alternating rounds as compare.mjs does (the order reverses every round):
//   node bench/before_after.mjs OLD_ROOT MODEL... [--rounds R] [--runs N] [--warmup-ms MS]
// The model is made comparable as compare.mjs does (bench/adapt.mjs); both tflite-ts sides run the
// SIMD tier. Prints the three medians and both ratios to the official runtime.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Child, ROOT, relaxedSimdFlags, median } from './lib.mjs';
import { comparable } from './adapt.mjs';

const { values: o, positionals } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, runs: { type: 'string', default: '5' }, 'warmup-ms': { type: 'string', default: '1000' } },
  allowPositionals: true,
});
const [oldRoot, ...models] = positionals;
if (!oldRoot || models.length === 0) {
  console.error('usage: node bench/before_after.mjs OLD_ROOT MODEL... [--rounds R] [--runs N] [--warmup-ms MS]');
  process.exit(2);
}
const relaxed = relaxedSimdFlags();
for (const m of models) {
  const job = comparable(path.resolve(m));
  if (job.skip) { console.log(`${m}: not comparable (${job.skip})`); continue; }
  const sides = [
    { name: job.runtime, child: new Child(job.runtime, job.runtime === 'litert' ? relaxed ?? [] : []) },
    { name: 'before', child: new Child('tflite-ts', [], path.join(path.resolve(oldRoot), 'bench/child.mjs')) },
    { name: 'after', child: new Child('tflite-ts', [], path.join(ROOT, 'bench/child.mjs')) },
  ];
  try {
    for (const s of sides) {
      s.times = [];
      await s.child.request({ cmd: 'open', model: job.model, threads: 1, build: relaxed ? 'relaxed' : 'compat', seed: 1, warmupMs: Number(o['warmup-ms']), warmupRuns: 5, maxOutputValues: 0 }, 300_000);
    }
    for (let r = 0; r < Number(o.rounds); r++) {
      for (const s of r % 2 ? [...sides].reverse() : sides) s.times.push(...(await s.child.request({ cmd: 'run', n: Number(o.runs) }, 600_000)).times);
    }
  } finally {
    for (const s of sides) await s.child.close();
  }
  const [ref, before, after] = sides.map((s) => median(s.times));
  console.log(`${m}: ${job.runtime} ${ref.toFixed(3)} ms; before ${before.toFixed(3)} ms = ${(before / ref).toFixed(2)}×; after ${after.toFixed(3)} ms = ${(after / ref).toFixed(2)}× (${sides[2].times.length} runs per side${job.notes.length ? `; ${job.notes.join('; ')}` : ''})`);
}
