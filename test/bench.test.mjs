// `tflite bench`: JSON keys, the per-op profile, error lines and exit codes (LiteRT is not run here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const BIN = path.join(import.meta.dirname, '../bin/tflite.js');
const MODEL = path.join(import.meta.dirname, '../models/face_detection_short_range.tflite');
const cli = (...args) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-bench-'));

test('bench --json prints one object with the timing and memory keys', () => {
  const r = cli('bench', MODEL, '--runs', '3', '--warmup', '1', '--json');
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  for (const k of ['initMs', 'firstRunMs', 'medianMs', 'minMs', 'meanMs', 'stdMs', 'arenaBytes', 'modelBytes']) {
    assert.equal(typeof j[k], 'number', `${k}: ${j[k]}`);
    assert.ok(j[k] >= 0, k);
  }
  assert.equal(j.runs, 3);
  assert.ok(j.warmupRuns >= 1);
  assert.ok(j.minMs <= j.medianMs && j.medianMs <= j.maxMs);
  assert.equal(j.modelBytes, fs.statSync(MODEL).size);
  assert.ok(j.arenaBytes > 0);
  assert.ok(j.peakRssBytes === null || j.peakRssBytes > 1e6);
  assert.deepEqual(j.inputs, [{ name: 'input', dtype: 'float32', shape: [1, 128, 128, 3] }]);
  assert.equal(j.profile, undefined);
  assert.equal(j.kernels, 'simd');
  assert.equal(typeof j.relaxedSimd, 'boolean');
});

test('bench says which kernels ran and whether the engine has relaxed SIMD', () => {
  const reference = cli('bench', MODEL, '--runs', '1', '--warmup', '0', '--warmup-ms', '0', '--tier', 'reference');
  assert.equal(reference.status, 0, reference.stderr);
  assert.match(reference.stdout, /^kernels: +reference \(TypeScript\)$/m);
  const relaxed = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', BIN, 'bench', MODEL, '--runs', '1', '--warmup', '0', '--warmup-ms', '0'], { encoding: 'utf8' });
  assert.equal(relaxed.status, 0, relaxed.stderr);
  assert.match(relaxed.stdout, /^kernels: +wasm SIMD128 \(relaxed SIMD available, unused\)$/m);
});

test('bench --profile prints the run-order table and a summary by op type', () => {
  const r = cli('bench', MODEL, '--runs', '2', '--warmup', '1', '--warmup-ms', '0', '--profile');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /steady state: +2 runs: median [\d.]+ ms/);
  assert.match(r.stdout, /Run Order/);
  const summary = r.stdout.slice(r.stdout.indexOf('Summary by op type'));
  assert.match(summary, /^CONV_2D +\d+ +[\d.]+ +[\d.]+% +[\d.]+%/m);
  assert.match(summary, /^DEPTHWISE_CONV_2D /m);
  assert.match(summary, /100\.00%/);
});

test('bench --profile --json: per-node self times add up to the per-type summary', () => {
  const r = cli('bench', MODEL, '--runs', '2', '--warmup', '0', '--warmup-ms', '0', '--profile', '--json');
  assert.equal(r.status, 0, r.stderr);
  const p = JSON.parse(r.stdout).profile;
  assert.equal(p.runs, 2);
  assert.ok(p.nodes.length > 50);
  assert.ok(p.nodes.every((n) => n.subgraph === 0 && n.calls === 2 && n.avgMs >= 0));
  assert.equal(p.byOp.reduce((a, t) => a + t.count, 0), p.nodes.length);
  assert.ok(Math.abs(p.byOp.reduce((a, t) => a + t.pct, 0) - 100) < 0.1);
  assert.equal(p.byOp.at(-1).cdfPct, 100);
});

test('bench: a bad model is one error line and exit 1; bad flags exit 2', () => {
  const bad = path.join(tmp, 'bad.tflite');
  fs.writeFileSync(bad, 'this is not a model, only some bytes');
  let r = cli('bench', bad, '--runs', '1');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^error: .+\n$/);
  r = cli('bench', path.join(tmp, 'missing.tflite'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^error: cannot read model .*missing\.tflite: ENOENT\n$/);
  r = cli('bench', MODEL, '--runs', '0');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: --runs must be/);
  r = cli('bench');
  assert.equal(r.status, 2);
});
