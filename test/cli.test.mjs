// The tflite CLI: run (JSON/.npy in and out, seeds matching the oracle), inspect, error lines and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { MODELS_DIR } from './harness/goldens.mjs';
import { buildCase } from './harness/model_builder.mjs';
import { writeNpy, readNpy } from '../dist/tools/npy.js';

const BIN = path.join(import.meta.dirname, '../bin/tflite.js');
const cli = (...args) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-cli-'));
const haveModels = fs.existsSync(MODELS_DIR);

test('run --seed 1 reproduces the golden inputs and outputs', { skip: !haveModels }, () => {
  const model = path.join(MODELS_DIR, 'mtcnn/rnet.tflite');
  const golden = JSON.parse(fs.readFileSync(model.replace('.tflite', '.seed1.json'), 'utf8'));
  const out = path.join(tmp, 'rnet.json');
  const r = cli('run', model, '--seed', '1', '--output', out);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.deepEqual(j.inputs[0].values, golden.inputs[0].values);
  j.outputs.forEach((o, i) => {
    assert.deepEqual(o.shape, golden.outputs[i].shape);
    o.values.forEach((v, k) => assert.ok(Math.abs(v - golden.outputs[i].values[k]) <= 1e-3, `output ${i}[${k}]`));
  });
  assert.match(r.stdout, /float32\[1,2\]/);
});

test('run --inputs takes a golden file; --npy-dir writes outputs; --input takes .npy', () => {
  const built = buildCase({ name: 'sub', op: 'SUB', options: {}, inputs: [{ dtype: 'float32', shape: [2, 2] }, { dtype: 'float32', shape: [2, 2] }], outputs: [{ dtype: 'float32' }] });
  const model = path.join(tmp, 'sub.tflite');
  fs.writeFileSync(model, built.bytes);
  const inputs = path.join(tmp, 'in.json');
  fs.writeFileSync(inputs, JSON.stringify({ inputs: [{ name: 'input_1', values: [1, 1, 1, 1] }, { name: 'input_0', values: [5, 6, 7, 'Infinity'] }] }));
  const out = path.join(tmp, 'sub.json');
  let r = cli('run', model, '--inputs', inputs, '--output', out, '--npy-dir', path.join(tmp, 'npy'));
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(fs.readFileSync(out, 'utf8')).outputs[0].values, [4, 5, 6, 'Infinity']);
  const npy = readNpy(fs.readFileSync(path.join(tmp, 'npy', 'output_0.npy')));
  assert.deepEqual([...npy.shape], [2, 2]);
  assert.deepEqual([...npy.data], [4, 5, 6, Infinity]);
  fs.writeFileSync(path.join(tmp, 'a.npy'), writeNpy('float32', [2, 2], new Float32Array([1, 2, 3, 4])));
  fs.writeFileSync(path.join(tmp, 'b.npy'), writeNpy('float32', [2, 2], new Float32Array([1, 1, 1, 1])));
  r = cli('run', model, '--input', `input_0=${path.join(tmp, 'a.npy')}`, '--input', `input_1=${path.join(tmp, 'b.npy')}`, '--output', '-');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).outputs[0].values, [0, 1, 2, 3]);
});

test('run --signature', { skip: !haveModels }, () => {
  const r = cli('run', path.join(MODELS_DIR, 'openwakeword/hey_jarvis_v0.1.tflite'), '--signature', 'serving_default', '--seed', '1', '--output', '-');
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.outputs.length, 1);
  assert.deepEqual(j.outputs[0].shape, [1, 1]);
});

test('inspect prints ops, arena and signatures; --json parses', { skip: !haveModels }, () => {
  const model = path.join(MODELS_DIR, 'openwakeword/hey_jarvis_v0.1.tflite');
  let r = cli('inspect', model);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /IF v1/);
  assert.match(r.stdout, /arena: \d+ bytes/);
  assert.match(r.stdout, /signature 'serving_default'/);
  r = cli('inspect', model, '--json');
  const j = JSON.parse(r.stdout);
  assert.equal(j.minRuntimeVersion, '1.15.0');
  assert.equal(j.subgraphs.length, 3);
  r = cli('inspect', path.join(MODELS_DIR, 'coral/model_invoking_error.tflite'));
  assert.equal(r.status, 0);
  assert.match(r.stdout, /unsupported ops: fake-op-double v1/);
});

test('errors: one line and exit 1; usage errors exit 2', () => {
  const bad = path.join(tmp, 'bad.tflite');
  fs.writeFileSync(bad, 'not a model at all');
  for (const args of [['run', bad], ['run', path.join(tmp, 'missing.tflite')], ['inspect', bad]]) {
    const r = cli(...args);
    assert.equal(r.status, 1, `${args}: ${r.stderr}`);
    assert.match(r.stderr, /^error: .+\n$/);
  }
  for (const args of [['frobnicate'], ['run'], ['run', bad, '--bogus'], ['run', bad, '--threads', 'x']]) {
    assert.equal(cli(...args).status, 2, String(args));
  }
  const r = cli('run', bad, '--verbose');
  assert.match(r.stderr, /^error: /);
  assert.match(r.stderr, /\n\s+at /, 'stack with --verbose');
});
