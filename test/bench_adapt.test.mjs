// bench/adapt.mjs, which makes models comparable with LiteRT.js: the rewritten copies compute what
// the originals do (tflite-ts, reference tier: adapters at the edges are exact), and LiteRT.js runs
// them and agrees; variable-tensor models go to tfjs-tflite, custom ops nobody has are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Interpreter } from '../dist/index.js';
import { comparable } from '../bench/adapt.mjs';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR } from './harness/goldens.mjs';
import { runOracle } from './harness/oracle.mjs';

const haveModels = fs.existsSync(MODELS_DIR);

function runOurs(bytes, inputs) {
  const it = new Interpreter(bytes);
  it.allocateTensors();
  it.getInputDetails().forEach((d, i) => it.setTensor(d.index, inputs[i]));
  it.invoke();
  return it.getOutputDetails().map((d) => ({ details: d, values: it.getTensor(d.index) }));
}

test('int8 I/O and a dynamic batch: uint8 in through QUANTIZE, float32 out through DEQUANTIZE, exact; LiteRT.js agrees', { skip: !haveModels }, () => {
  const original = path.join(MODELS_DIR, 'tf/mobilenet_v2_035_96_int8.tflite');
  const c = comparable(original);
  assert.equal(c.runtime, 'litert');
  assert.deepEqual(c.notes, ['input 0 static [1,96,96,3] (signature [-1,96,96,3])', 'input 0 int8 fed as uint8 via QUANTIZE', 'output 0 int8 read as float32 via DEQUANTIZE']);
  const next = mulberry32(3);
  const u8 = Uint8Array.from({ length: 96 * 96 * 3 }, () => next() >>> 24);
  const [ref] = runOurs(new Uint8Array(fs.readFileSync(original)), [Int8Array.from(u8, (v) => v - 128)]);
  const adapted = new Uint8Array(fs.readFileSync(c.model));
  const [ours] = runOurs(adapted, [u8]);
  const [scale] = ref.details.quantization.scales, [zeroPoint] = ref.details.quantization.zeroPoints;
  assert.deepEqual(Array.from(ours.values), Array.from(ref.values, (q) => Math.fround((q - zeroPoint) * scale)));
  const [lrt] = runOracle([{ runtime: 'litert', bytes: adapted, inputs: [{ dtype: 'uint8', shape: [1, 96, 96, 3], values: u8 }] }]);
  assert.ok(lrt.ok, lrt.error);
  const diff = Math.max(...lrt.outputs[0].values.map((v, i) => Math.abs(v - ours.values[i])));
  assert.ok(diff <= scale + 1e-6, `LiteRT.js differs by ${diff} (> one step ${scale})`);
});

test('int64 and bool I/O go through CAST to and from int32; LiteRT.js runs the copy', () => {
  // ARG_MAX to int64 indices, and a LOGICAL_NOT on a bool input (output shapes declared: LiteRT.js sizes outputs by them).
  const argmax = {
    name: 'argmax', op: 'ARG_MAX', options: { outputType: 4 },
    inputs: [{ dtype: 'float32', shape: [3, 7, 5] }, { dtype: 'int32', shape: [], data: [2], constant: true }], outputs: [{ dtype: 'int64', shape: [3, 7] }],
  };
  const not = { name: 'not', op: 'LOGICAL_NOT', inputs: [{ dtype: 'bool', shape: [9] }], outputs: [{ dtype: 'bool', shape: [9] }] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adapt-test-'));
  try {
    const jobs = [], expected = [];
    for (const spec of [argmax, not]) {
      const built = buildCase(spec);
      const file = path.join(dir, `${spec.name}.tflite`);
      fs.writeFileSync(file, built.bytes);
      const c = comparable(file);
      const inDtype = spec.inputs[0].dtype;
      assert.deepEqual(c.notes, [
        ...(inDtype === 'bool' ? ['input 0 bool fed as int32 via CAST'] : []),
        `output 0 ${spec.outputs[0].dtype} read as int32 via CAST`,
      ]);
      const x = built.inputs[0].values;
      const adaptedInput = inDtype === 'bool' ? Int32Array.from(x) : x;
      const [ref] = runOurs(built.bytes, [x]);
      const [ours] = runOurs(new Uint8Array(fs.readFileSync(c.model)), [adaptedInput]);
      assert.deepEqual(Array.from(ours.values), Array.from(ref.values, Number), spec.name);
      jobs.push({ runtime: 'litert', bytes: new Uint8Array(fs.readFileSync(c.model)), inputs: [{ dtype: inDtype === 'bool' ? 'int32' : inDtype, shape: spec.inputs[0].shape, values: adaptedInput }] });
      expected.push(Array.from(ours.values));
    }
    runOracle(jobs).forEach((r, k) => {
      assert.ok(r.ok, r.error);
      assert.deepEqual(r.outputs[0].values, expected[k]);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('static melspectrogram input, tfjs-tflite for variable tensors, custom ops skipped', { skip: !haveModels }, () => {
  const mel = comparable(path.join(MODELS_DIR, 'openwakeword/melspectrogram.tflite'));
  assert.deepEqual(mel.notes, ['input 0 static [1,1280] (signature [-1,-1])']);
  const it = new Interpreter(new Uint8Array(fs.readFileSync(mel.model)));
  it.allocateTensors();
  assert.deepEqual(it.getOutputDetails()[0].shape, [1, 1, 5, 32]);
  const lstm = comparable(path.join(MODELS_DIR, 'coral/keras_lstm_mnist_ptq.tflite'));
  assert.equal(lstm.runtime, 'tfjs-tflite');
  assert.equal(lstm.model, path.join(MODELS_DIR, 'coral/keras_lstm_mnist_ptq.tflite'));
  assert.match(comparable(path.join(MODELS_DIR, 'coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder.tflite')).skip, /PosenetDecoderOp/);
  assert.match(comparable(path.join(MODELS_DIR, 'coral/model_invoking_error.tflite')).skip, /always fails/);
  const plain = path.join(MODELS_DIR, 'coral/mobilenet_v1_0.25_128_quant.tflite');
  assert.deepEqual(comparable(plain), { model: plain, runtime: 'litert', notes: [] });
});
