// Interpreter API: details, resize of dynamic dims (checked against LiteRT.js on a model rewritten
// with static shapes), signatures, run(), variables, selective registration, unresolved ops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Interpreter, MutableOpResolver, UnresolvedOpError, readModel, writeModel } from '../dist/index.js';
import { BUILTIN_KERNELS } from '../dist/kernels/builtin_ops.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR } from './harness/goldens.mjs';
import { runOracle } from './harness/oracle.mjs';

const model = (rel) => new Uint8Array(fs.readFileSync(path.join(MODELS_DIR, rel)));
const haveModels = fs.existsSync(MODELS_DIR);

function randomFloats(n, seed) {
  const next = mulberry32(seed);
  return Float32Array.from({ length: n }, () => next() / 2 ** 31 - 1);
}

/** The model with its inputs (and the outputs tflite-ts computed) declared static, for the oracle. */
function withStaticShapes(bytes, inputShapes, outputShapes) {
  const m = readModel(bytes);
  const g = m.subgraphs[0];
  g.inputs.forEach((t, k) => { g.tensors[t].shape = inputShapes[k]; g.tensors[t].shapeSignature = null; });
  g.outputs.forEach((t, k) => { g.tensors[t].shape = outputShapes[k]; g.tensors[t].shapeSignature = null; });
  return writeModel(m);
}

test('resizing dynamic inputs matches LiteRT.js on the same static shapes', { skip: !haveModels }, () => {
  const cases = [
    { rel: 'openwakeword/melspectrogram.tflite', shape: [1, 1280] },
    { rel: 'openwakeword/melspectrogram.tflite', shape: [1, 1760] },
    { rel: 'openwakeword/embedding_model.tflite', shape: [3, 76, 32, 1] },
    { rel: 'tf/mobilenet_v2_035_96_float32.tflite', shape: [2, 96, 96, 3] },
  ];
  const jobs = [], ours = [];
  for (const c of cases) {
    const bytes = model(c.rel);
    const it = new Interpreter(bytes);
    const input = it.getInputDetails()[0];
    assert.ok(input.shapeSignature.includes(-1), `${c.rel} has a dynamic dim`);
    it.resizeTensorInput(input.index, c.shape, { strict: true });
    it.allocateTensors();
    const x = randomFloats(c.shape.reduce((a, b) => a * b, 1), 5);
    it.setTensor(input.index, x);
    it.invoke();
    const outs = it.getOutputDetails();
    ours.push(outs.map((d) => it.getTensor(d.index)));
    jobs.push({ runtime: 'litert', bytes: withStaticShapes(bytes, [c.shape], outs.map((d) => d.shape)), inputs: [{ dtype: 'float32', shape: c.shape, values: x }] });
  }
  const refs = runOracle(jobs);
  refs.forEach((r, k) => {
    assert.ok(r.ok, `${cases[k].rel}: ${r.error}`);
    r.outputs.forEach((o, i) => {
      const ref = o.values.map(Number);
      const got = ours[k][i];
      assert.equal(got.length, ref.length);
      const tol = 1e-3 * Math.max(1, ...ref.map(Math.abs));
      let maxDiff = 0;
      for (let j = 0; j < ref.length; j++) maxDiff = Math.max(maxDiff, Math.abs(got[j] - ref[j]));
      assert.ok(maxDiff <= tol, `${cases[k].rel} [${cases[k].shape}] output ${i}: max diff ${maxDiff} > ${tol}`);
    });
  });
});

test('strict resize refuses static dimensions', { skip: !haveModels }, () => {
  const it = new Interpreter(model('tf/mobilenet_v2_035_96_float32.tflite'));
  const input = it.getInputDetails()[0];
  assert.deepEqual(input.shapeSignature, [-1, 96, 96, 3]);
  assert.throws(() => it.resizeTensorInput(input.index, [1, 64, 64, 3], { strict: true }), /strict/);
});

test('signatures: list and runner', { skip: !haveModels }, () => {
  const it = new Interpreter(model('openwakeword/hey_jarvis_v0.1.tflite'));
  const list = it.getSignatureList();
  assert.deepEqual(Object.keys(list), ['serving_default']);
  const runner = it.getSignatureRunner('serving_default');
  const inName = list.serving_default.inputs[0];
  const x = randomFloats(16 * 96, 3);
  const viaSignature = runner.run({ [inName]: x });
  it.allocateTensors();
  it.setTensor(it.getInputDetails()[0].index, x);
  it.invoke();
  const direct = it.getTensor(it.getOutputDetails()[0].index);
  assert.deepEqual(Object.values(viaSignature)[0], direct);
  assert.throws(() => runner.run({ nope: x }), /no input 'nope'/);
});

test('run() takes inputs by position or name and fills output buffers', () => {
  const built = buildCase({ name: 'mul', op: 'MUL', options: {}, inputs: [{ dtype: 'float32', shape: [4] }, { dtype: 'float32', shape: [4] }], outputs: [{ dtype: 'float32' }] });
  const it = new Interpreter(built.bytes);
  const [a, b] = [new Float32Array([1, 2, 3, 4]), new Float32Array([2, 2, 2, 2])];
  assert.deepEqual(it.run([a, b])[0], new Float32Array([2, 4, 6, 8]));
  const out = [new Float32Array(4)];
  it.run({ input_0: b, input_1: b }, out);
  assert.deepEqual(out[0], new Float32Array([4, 4, 4, 4]));
  assert.ok(it.arenaBytes >= 0);
  const view = it.tensor(it.getOutputDetails()[0].index);
  assert.equal(view.length, 4);
});

test('tensor details carry quantization', { skip: !haveModels }, () => {
  const it = new Interpreter(model('coral/mobilenet_v2_1.0_224_quant.tflite'));
  const d = it.getInputDetails()[0];
  assert.equal(d.dtype, 'uint8');
  assert.equal(d.quantization.scales.length, 1);
  assert.equal(it.getTensorDetails().length > 100, true);
});

test('selective registration: only the needed kernels, and unresolved ops are named at allocation', () => {
  const built = buildCase({ name: 'add', op: 'ADD', options: {}, inputs: [{ dtype: 'float32', shape: [2] }, { dtype: 'float32', shape: [2] }], outputs: [{ dtype: 'float32' }] });
  const small = new MutableOpResolver().addBuiltin('ADD', BUILTIN_KERNELS.ADD);
  const it = new Interpreter(built.bytes, { opResolver: small });
  it.allocateTensors();
  assert.deepEqual(it.run([new Float32Array([1, 2]), new Float32Array([3, 4])])[0], new Float32Array([4, 6]));
  assert.throws(() => small.addBuiltin('ADD', BUILTIN_KERNELS.ADD), /already registered/);
  const none = new Interpreter(built.bytes, { opResolver: new MutableOpResolver() });
  assert.throws(() => none.allocateTensors(), (e) => e instanceof UnresolvedOpError && /node 0 \(ADD\): no kernel for builtin op ADD version 1/.test(e.message));
});

test('variable tensors keep state across invokes and reset to zero', () => {
  // UNIDIRECTIONAL_SEQUENCE_RNN with a variable hidden state: the second invoke differs from the first until reset.
  const built = buildCase({
    name: 'rnn', op: 'UNIDIRECTIONAL_SEQUENCE_RNN', options: { timeMajor: false, fusedActivationFunction: 4 },
    inputs: [{ dtype: 'float32', shape: [1, 2, 3] }, { dtype: 'float32', shape: [4, 3], constant: true }, { dtype: 'float32', shape: [4, 4], constant: true },
      { dtype: 'float32', shape: [4], constant: true }, { dtype: 'float32', shape: [1, 4], variable: true }],
    outputs: [{ dtype: 'float32' }],
  });
  const it = new Interpreter(built.bytes);
  it.allocateTensors();
  const x = built.inputs[0].values;
  const first = it.run([x])[0];
  const second = it.run([x])[0];
  assert.notDeepEqual(second, first);
  it.resetAllVariables();
  assert.deepEqual(it.run([x])[0], first);
});

test('constant subgraphs are folded at allocation (fp16 weights dequantized once)', { skip: !haveModels }, () => {
  const f16 = new Interpreter(model('tf/mobilenet_v2_035_96_float16.tflite'));
  const f32 = new Interpreter(model('tf/mobilenet_v2_035_96_float32.tflite'));
  f16.allocateTensors();
  f32.allocateTensors();
  assert.equal(f16.arenaBytes, f32.arenaBytes, 'dequantized weights are constants, not arena tensors');
  const ops = [];
  f16.profiler = (t) => ops.push(t.op);
  f16.setTensor(f16.getInputDetails()[0].index, new Float32Array(96 * 96 * 3));
  f16.invoke();
  assert.ok(ops.length > 0);
  assert.ok(!ops.includes('DEQUANTIZE'), 'no DEQUANTIZE runs at invoke');
});
