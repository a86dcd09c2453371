#!/usr/bin/env node
// Cold start of LiteRT.js and tflite-ts on one model, in fresh processes:
//   node bench/cold.mjs MODEL [--n N] [--threads T]
// N times (default 7), alternating which runtime goes first, each runtime gets a new child process
// (bench/child.mjs, as compare.mjs uses) that loads the runtime, then creates the model and runs
// it once: create (LiteRT.js loadAndCompile; tflite-ts new Interpreter + allocateTensors) + first
// run = cold. Loading the runtime itself is excluded, as in compare.mjs. Prints the medians and
// the ratio tflite-ts / LiteRT.js of the cold medians. One sample per process, so more samples
// than compare.mjs's single cold start per row.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { Child, relaxedSimdFlags, median, round } from './lib.mjs';
import { comparable } from './adapt.mjs';

const { values, positionals } = parseArgs({ options: { n: { type: 'string' }, threads: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: node bench/cold.mjs MODEL [--n N] [--threads T]');
  process.exit(2);
}
// The same copy of the model as compare.mjs runs (I/O adapters, static shapes; bench/adapt.mjs),
// against tfjs-tflite where LiteRT.js cannot run it.
const how = comparable(path.resolve(positionals[0]));
if (how.skip) {
  console.error(`not comparable: ${how.skip}`);
  process.exit(1);
}
const model = how.model;
if (how.notes.length) console.log(`(${how.notes.join('; ')})`);
const n = Number(values.n ?? 7), threads = Number(values.threads ?? 1);
const relaxed = relaxedSimdFlags();
const sides = [
  { key: how.runtime, flags: how.runtime === 'litert' ? relaxed ?? [] : [], build: threads > 1 ? 'threaded' : relaxed ? 'relaxed' : 'compat', samples: [] },
  { key: 'tflite-ts', flags: [], build: null, samples: [] },
];

for (let i = 0; i < n; i++) {
  for (const s of i % 2 === 0 ? sides : [...sides].reverse()) {
    const child = new Child(s.key, s.flags);
    try {
      const o = await child.request({ cmd: 'open', model, threads, build: s.build, seed: 1, warmupMs: 0, warmupRuns: 0, maxOutputValues: 0 }, 120_000);
      s.samples.push({ create: o.createMs, first: o.firstRunMs, cold: o.coldMs });
    } finally {
      await child.close();
    }
  }
}
const med = (s, k) => median(s.samples.map((x) => x[k]));
for (const s of sides) {
  console.log(`${s.key.padEnd(10)} create ${round(med(s, 'create'), 1)} ms, first run ${round(med(s, 'first'), 1)} ms, cold ${round(med(s, 'cold'), 1)} ms ` +
    `(medians of ${s.samples.length}; cold samples ${s.samples.map((x) => round(x.cold, 0)).join(' ')})`);
}
console.log(`cold ratio tflite-ts / LiteRT.js: ${round(med(sides[1], 'cold') / med(sides[0], 'cold'), 2)}×`);
