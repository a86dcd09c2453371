#!/usr/bin/env node
// LiteRT.js vs tflite-ts on the same models, back to back:
//   node bench/compare.mjs [MODEL...] [--runs N] [--threads 1,2] [--json OUT]
//        [--rounds R] [--warmup-ms MS] [--budget-s S] [--seed N] [--as-is]
// A model LiteRT.js cannot run as it is gets rewritten (bench/adapt.mjs: static input shapes, I/O
// adapter ops) and both sides run the rewritten bytes; a model with variable tensors is compared
// with tfjs-tflite instead (--as-is: no rewriting, LiteRT.js only).
// Per model and thread count, each runtime gets its own child process (bench/child.mjs): it loads
// the runtime, creates the model and runs it once (cold start), warms up (>= 5 runs and >= MS,
// default 3000), then the parent ALTERNATES R rounds (default 5) of runs between the two children,
// swapping which goes first each round, so that both see the same machine load. Prints the
// medians and the ratio ours/theirs; --json OUT writes everything. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Child, ROOT, relaxedSimdFlags, discoverModels, displayName, litertSkipReason, stats, round, maxAbsDiff, table } from './lib.mjs';

/** Idle ms before each batch of timed runs (see the round loop). */
const SETTLE_MS = 25;
const USAGE = 'usage: node bench/compare.mjs [MODEL...] [--runs N] [--threads 1,2] [--json OUT] [--rounds R] [--warmup-ms MS] [--budget-s S] [--seed N] [--as-is]';

function fail(msg, code = 2) {
  console.error(`error: ${msg}`);
  if (code === 2) console.error(USAGE);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      runs: { type: 'string' }, threads: { type: 'string' }, json: { type: 'string' }, rounds: { type: 'string' },
      'warmup-ms': { type: 'string' }, 'budget-s': { type: 'string' }, seed: { type: 'string' }, 'as-is': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
} catch (e) {
  fail(e.message);
}
if (args.values.help) { console.log(USAGE); process.exit(0); }
const int = (v, flag, dflt, min = 1) => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be an integer >= ${min}, got '${v}'`);
  return n;
};
const opts = {
  runs: int(args.values.runs, '--runs', 20),
  runsGiven: args.values.runs !== undefined,
  rounds: int(args.values.rounds, '--rounds', 5),
  warmupMs: int(args.values['warmup-ms'], '--warmup-ms', 3000, 0),
  budgetMs: 1000 * int(args.values['budget-s'], '--budget-s', 10),
  seed: int(args.values.seed, '--seed', 1, 0),
  threads: (args.values.threads ?? '1,2').split(',').map((t) => int(t.trim(), '--threads', 1)),
  json: args.values.json,
};
if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) fail('dist/ is missing: run `npm run build` first', 1);
if (!fs.existsSync(path.join(ROOT, 'node_modules/@litertjs/core/dist/index.js'))) fail('@litertjs/core is not installed (npm install: it is a devDependency)', 1);

// ---------------------------------------------------------------- models
// Each job: {path (the file named or found), model (what both sides run), runtime, notes}.
const skipped = [];
const jobs = [];
const named = args.positionals.map((p) => path.resolve(p));
for (const m of named) if (!fs.existsSync(m)) fail(`no such model: ${m}`, 1);
const { comparable } = args.values['as-is'] ? {} : await import('./adapt.mjs');
for (const m of named.length > 0 ? named : discoverModels()) {
  if (comparable) {
    const c = comparable(m);
    if (c.skip) skipped.push({ model: displayName(m), reason: c.skip });
    else jobs.push({ path: m, ...c });
    continue;
  }
  const why = named.length > 0 ? null : await litertSkipReason(new Uint8Array(fs.readFileSync(m)));
  if (why) skipped.push({ model: displayName(m), reason: why });
  else jobs.push({ path: m, model: m, runtime: 'litert', notes: [] });
}

// ---------------------------------------------------------------- runtimes
const relaxed = relaxedSimdFlags(); // [] (built in), [flag] (Node 20), or null (compat build only)
const litertBuild = (threads) => (threads > 1 ? 'threaded' : relaxed ? 'relaxed' : 'compat');
const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`node ${process.version}, ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load}`);
console.log(`LiteRT.js: ${litertBuild(1)} build for 1 thread${opts.threads.some((t) => t > 1) ? ', threaded build for more' : ''}${relaxed?.length ? ` (node ${relaxed.join(' ')})` : ''}; tflite-ts: dist/ with every builtin + MediaPipe ops`);
console.log(`${jobs.length} models × threads ${opts.threads.join(',')}; warm-up >= 5 runs and ${opts.warmupMs} ms; ${opts.rounds} alternating rounds, ` +
  `${opts.runs} runs per side${opts.runsGiven ? '' : ` (fewer when a side's runs are slow: ~${opts.budgetMs / 1000} s per side)`}\n`);

const live = new Set();
process.on('exit', () => { for (const c of live) c.kill(); });
process.on('SIGINT', () => process.exit(130));

async function measure(job, threads) {
  const { model } = job;
  // The official side is under the key 'litert' whichever runtime it is (its `runtime` says).
  const row = { model: displayName(job.path), threads, runtime: job.runtime, rewritten: model !== job.path, notes: job.notes, litert: null, tflite: null };
  const build = job.runtime === 'litert' ? litertBuild(threads) : null;
  const sides = [
    { key: 'litert', side: job.runtime, flags: build === 'compat' ? [] : build ? relaxed : [], build },
    { key: 'tflite', side: 'tflite-ts', flags: [], build: null },
  ];
  for (const s of sides) {
    s.res = { times: [], cpuMs: 0, wallMs: 0 };
    if (s.flags === null) { s.error = `the ${build} build needs wasm relaxed SIMD, which this node lacks`; continue; }
    s.child = new Child(s.side, s.flags);
    live.add(s.child);
  }
  try {
    // Cold start and warm-up, one side at a time.
    for (const s of sides) {
      if (!s.child) continue;
      try {
        s.open = await s.child.request({ cmd: 'open', model, threads, build: s.build, seed: opts.seed, warmupMs: opts.warmupMs, warmupRuns: 5, maxOutputValues: 2_000_000 }, 300_000);
      } catch (e) {
        s.error = e.message;
      }
    }
    // Runs per round for each side: runs/rounds, fewer when the warm-up says they will not fit the budget.
    for (const s of sides) {
      if (!s.open) continue;
      const want = Math.ceil(opts.runs / opts.rounds);
      const fit = Math.max(1, Math.floor(opts.budgetMs / opts.rounds / Math.max(s.open.warmupAvgMs, 1e-3)));
      s.perRound = opts.runsGiven ? want : Math.min(want, fit);
    }
    for (let r = 0; r < opts.rounds; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const s of order) {
        if (!s.open || s.error) continue;
        // Let the other side's worker threads stop spinning (both runtimes poll for work a while
        // after a run) before this side's batch: else a small model's batch runs beside them.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        try {
          const res = await s.child.request({ cmd: 'run', n: s.perRound }, 120_000 + 20 * s.perRound * s.open.warmupAvgMs);
          s.res.times.push(...res.times);
          s.res.cpuMs += res.cpuMs;
          s.res.wallMs += res.wallMs;
        } catch (e) {
          s.error = e.message;
        }
      }
    }
  } finally {
    for (const s of sides) if (s.child) { await s.child.close(); live.delete(s.child); }
  }
  for (const s of sides) {
    const o = s.open;
    row[s.key] = {
      ...(o ? {
        runtime: s.side, version: o.version, build: o.build, inputs: o.inputs,
        initMs: round(o.initMs), createMs: round(o.createMs), firstRunMs: round(o.firstRunMs), coldMs: round(o.coldMs),
        warmupRuns: o.warmupRuns, warmupAvgMs: round(o.warmupAvgMs),
      } : {}),
      ...stats(s.res.times),
      cpuPerWall: s.res.wallMs > 0 ? round(s.res.cpuMs / s.res.wallMs, 2) : null,
      ...(s.error ? { error: s.error } : {}),
    };
  }
  const [lt, ts] = [row.litert, row.tflite];
  row.ratio = lt.medianMs && ts.medianMs ? round(ts.medianMs / lt.medianMs, 2) : null;
  row.coldRatio = lt.coldMs && ts.coldMs ? round(ts.coldMs / lt.coldMs, 2) : null;
  if (sides[0].open && sides[1].open) {
    const sameInputs = JSON.stringify(lt.inputs) === JSON.stringify(ts.inputs);
    row.inputsMatch = sameInputs;
    row.maxAbsDiff = sameInputs ? maxAbsDiff(sides[0].open.outputs, sides[1].open.outputs) : 'inputs differ';
  }
  return row;
}

// ---------------------------------------------------------------- main
const rows = [];
const fmt = (x) => (x == null ? '-' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtRatio = (x) => (x == null ? '-' : `${x.toFixed(2)}×`);
const fmtDiff = (d) => (d == null ? '-' : typeof d === 'string' ? d : d === 0 ? '0' : d.toExponential(1));
const OFFICIAL = { litert: 'LiteRT.js', 'tfjs-tflite': 'tfjs-tflite' };
const note = (r) => [
  ...(r.notes ?? []), r.litert.error && `${OFFICIAL[r.runtime] ?? 'LiteRT.js'}: ${r.litert.error}`, r.tflite.error && `tflite-ts: ${r.tflite.error}`,
].filter(Boolean).join('; ');
const HEADER = ['model', 'thr', 'LiteRT ms', 'tflite-ts ms', 'ratio', 'cold LiteRT', 'cold ours', 'cold ratio', 'cpu/wall', 'max|Δ|', 'runs', 'note'];
const cells = (r) => [
  r.model, r.threads, fmt(r.litert.medianMs), fmt(r.tflite.medianMs), fmtRatio(r.ratio), fmt(r.litert.coldMs), fmt(r.tflite.coldMs), fmtRatio(r.coldRatio),
  `${r.litert.cpuPerWall ?? '-'}/${r.tflite.cpuPerWall ?? '-'}`, fmtDiff(r.maxAbsDiff), `${r.litert.runs}/${r.tflite.runs}`, note(r),
];

for (const job of jobs) {
  for (const threads of opts.threads) {
    let row;
    try {
      row = await measure(job, threads);
    } catch (e) {
      row = { model: displayName(job.path), threads, runtime: job.runtime, notes: job.notes, litert: { runs: 0, error: e.message }, tflite: { runs: 0 }, ratio: null, coldRatio: null };
    }
    rows.push(row);
    console.log(cells(row).slice(0, -1).join('  ') + (note(row) ? `  (${note(row)})` : ''));
  }
}

console.log('\n' + table(HEADER, rows.map(cells)));
console.log(`\nratio = tflite-ts median / LiteRT.js median (steady state, each run copies inputs in and outputs out); cold = create + first run
(runtime/wasm load excluded, in the JSON as initMs); cpu/wall = process CPU time / wall time over the timed runs (LiteRT/ours:
about 1 = one busy thread); max|Δ| = largest difference of the first-run outputs (same seeded inputs).
A note 'static'/'via' means both sides ran a rewritten copy of the model (bench/adapt.mjs); 'vs tfjs-tflite' means the LiteRT
columns hold tfjs-tflite's numbers.${opts.threads.some((t) => t > 1)
  ? `\ntflite-ts gets numThreads=${opts.threads.filter((t) => t > 1).join(',')} in the multi-thread rows; its cpu/wall shows whether it used them.` : ''}
Shared, noisy machine: quote ratios from one run, not absolute times.`);
if (skipped.length) console.log(`not comparable: ${skipped.map((s) => `${s.model} (${s.reason})`).join(', ')}`);

if (opts.json) {
  const out = {
    date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? null, loadavg: os.loadavg(),
    options: { runs: opts.runs, runsGiven: opts.runsGiven, rounds: opts.rounds, warmupMs: opts.warmupMs, budgetMs: opts.budgetMs, seed: opts.seed, threads: opts.threads },
    litertFlags: relaxed, rows, skipped,
  };
  fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${opts.json}`);
}
