// Writer round trip: read → write → read gives the same object model, and a rewritten
// model computes the same outputs as the original (in tflite-ts and in LiteRT.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readModel, writeModel, verifyModel } from '../dist/index.js';
import { listGoldens, MODELS_DIR } from './harness/goldens.mjs';
import { runOracle } from './harness/oracle.mjs';
import { fromJsonValue } from '../dist/tools/io_json.js';

const models = fs.existsSync(MODELS_DIR)
  ? fs.readdirSync(MODELS_DIR).flatMap((d) => {
    const dir = path.join(MODELS_DIR, d);
    return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).filter((f) => f.endsWith('.tflite')).map((f) => path.join(dir, f)) : [];
  })
  : [];

for (const file of models) {
  test(`round trip ${path.relative(MODELS_DIR, file)}`, () => {
    const original = readModel(new Uint8Array(fs.readFileSync(file)));
    const bytes = writeModel(original);
    const again = readModel(bytes);
    verifyModel(again);
    assert.deepStrictEqual(again, original);
    assert.deepStrictEqual(writeModel(again), bytes, 'writing is deterministic');
  });
}

test('LiteRT.js computes bit-identical outputs from original and rewritten models', () => {
  const picks = ['mediapipe/face_detection_short_range', 'mtcnn/rnet', 'coral/mobilenet_v1_0.25_128_quant', 'openwakeword/hey_jarvis_v0.1'];
  const entries = listGoldens().filter((g) => picks.includes(g.name));
  assert.equal(entries.length, picks.length);
  const jobs = entries.flatMap((g) => {
    const golden = JSON.parse(fs.readFileSync(g.golden, 'utf8'));
    const inputs = golden.inputs.map((x) => ({ dtype: x.dtype, shape: x.shape, values: x.values.map(fromJsonValue) }));
    const original = new Uint8Array(fs.readFileSync(g.model));
    return [{ runtime: 'litert', bytes: original, inputs }, { runtime: 'litert', bytes: writeModel(readModel(original)), inputs }];
  });
  const results = runOracle(jobs);
  entries.forEach((g, k) => {
    const [a, b] = [results[2 * k], results[2 * k + 1]];
    assert.ok(a.ok && b.ok, `${g.name}: ${a.error ?? b.error}`);
    assert.deepStrictEqual(b.outputs, a.outputs, `${g.name}: outputs differ`);
  });
});

test('external buffer layout (Buffer.offset/size, as in models over 2 GB) round trips and runs the same', () => {
  const file = models.find((f) => f.endsWith('rnet.tflite'));
  if (!file) return;
  const original = readModel(new Uint8Array(fs.readFileSync(file)));
  const external = writeModel(original, { externalBuffers: true });
  const back = readModel(external);
  assert.deepStrictEqual(back, original);
  const inline = writeModel(original);
  assert.ok(Math.abs(external.length - inline.length) < 4096, 'the same data, laid out after the flatbuffer');
  const x = Array.from({ length: 24 * 24 * 3 }, (_, i) => Math.sin(i));
  const inputs = [{ dtype: 'float32', shape: [1, 24, 24, 3], values: x }];
  const [a, b] = runOracle([{ runtime: 'litert', bytes: inline, inputs }, { runtime: 'litert', bytes: external, inputs }]);
  assert.ok(a.ok && b.ok, a.error ?? b.error);
  assert.deepStrictEqual(b.outputs, a.outputs, 'LiteRT.js reads the external layout the same');
});
