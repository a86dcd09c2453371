// Hostile models and API misuse: clear typed errors, never a raw TypeError/RangeError, a hang
// or an allocation sized by an unchecked header value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Interpreter, TfliteError, ModelError, ApiError, UnresolvedOpError, KernelError, writeModel, BuiltinOperator, BUILTIN_OPTIONS_BY_NAME, probeSimd } from '../dist/index.js';
import { Interpreter as CoreInterpreter } from '../dist/core.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR } from './harness/goldens.mjs';

/** Loads, allocates and invokes; returns the error (or null when it ran). */
/** Allocates, feeds zeros, invokes and reads every output. */
function exercise(it) {
  it.allocateTensors();
  for (const d of it.getInputDetails()) it.setTensor(d.index, new (it.tensor(d.index).constructor)(it.tensor(d.index).length));
  it.invoke();
  for (const d of it.getOutputDetails()) it.getTensor(d.index);
}

/** Runs a model on the reference tier: the error it throws, or null. */
function tryRun(bytes) {
  try {
    exercise(new Interpreter(bytes));
    return null;
  } catch (e) {
    return e;
  }
}

/** The same on the wasm SIMD tier (Interpreter.create). */
async function tryRunSimd(bytes) {
  try {
    exercise(await Interpreter.create(bytes, { tier: 'simd', numThreads: 1 }));
    return null;
  } catch (e) {
    return e;
  }
}

function expectTyped(bytes, Type = TfliteError, pattern) {
  const e = tryRun(bytes);
  assert.ok(e instanceof Type, `expected ${Type.name}, got ${e === null ? 'success' : `${e.name}: ${e.message}\n${e.stack}`}`);
  if (pattern) assert.match(e.message, pattern);
  return e;
}

const addCase = {
  name: 'add', op: 'ADD', options: { fusedActivationFunction: 0 },
  inputs: [{ dtype: 'float32', shape: [2, 3] }, { dtype: 'float32', shape: [2, 3], constant: true }], outputs: [{ dtype: 'float32' }],
};
const convCase = {
  name: 'conv', op: 'CONV_2D', options: { padding: 1, strideW: 1, strideH: 1, dilationWFactor: 1, dilationHFactor: 1 },
  inputs: [{ dtype: 'float32', shape: [1, 5, 5, 2] }, { dtype: 'float32', shape: [3, 3, 3, 2], constant: true }, { dtype: 'float32', shape: [3], constant: true }],
  outputs: [{ dtype: 'float32' }],
};
const modelOf = (c) => structuredClone(buildCase(c).model);
const good = buildCase(convCase).bytes;

test('a valid model runs', () => assert.equal(tryRun(good), null));

test('empty, short and non-flatbuffer inputs', () => {
  expectTyped(new Uint8Array(0), ModelError, /too short/);
  expectTyped(new Uint8Array(7), ModelError);
  expectTyped(new TextEncoder().encode('definitely not a tflite model'), ModelError, /identifier/);
});

test('garbage with a valid identifier', () => {
  const next = mulberry32(7);
  for (let k = 0; k < 200; k++) {
    const b = new Uint8Array(8 + (next() % 512));
    for (let i = 0; i < b.length; i++) b[i] = next() & 255;
    b.set([0x54, 0x46, 0x4c, 0x33], 4);
    expectTyped(b, ModelError);
  }
});

test('every truncation of a model', () => {
  for (let n = 0; n < good.length; n += 3) expectTyped(good.subarray(0, n), TfliteError);
});

test('huge vector counts', () => {
  const b = good.slice();
  const view = new DataView(b.buffer);
  // Overwrite every 4-byte-aligned word that could be a vector length with 0xffffffff, one at a time.
  for (let off = 8; off + 4 <= b.length; off += 4) {
    const saved = view.getUint32(off, true);
    view.setUint32(off, 0xffffffff, true);
    const e = tryRun(b);
    assert.ok(e === null || e instanceof TfliteError, `offset ${off}: ${e?.name}: ${e?.message}`);
    view.setUint32(off, saved, true);
  }
});

test('tensor index out of range and -1 where an input is required', () => {
  const m = modelOf(addCase);
  m.subgraphs[0].operators[0].inputs[1] = 4096;
  expectTyped(writeModel(m), ModelError, /subgraphs\[0\]\.operators\[0\]\.inputs\[1\]: tensor 4096 out of range \(0\.\.2\)/);
  const m2 = modelOf(addCase);
  m2.subgraphs[0].operators[0].inputs[1] = -1;
  expectTyped(writeModel(m2), KernelError, /input 1 is missing/);
  const m3 = modelOf(addCase);
  m3.subgraphs[0].outputs[0] = -5;
  expectTyped(writeModel(m3), ModelError, /outputs\[0\]/);
});

test('opcode, buffer and subgraph indices out of range', () => {
  const m = modelOf(addCase);
  m.subgraphs[0].operators[0].opcodeIndex = 3;
  expectTyped(writeModel(m), ModelError, /opcode 3 out of range/);
  const m2 = modelOf(addCase);
  m2.subgraphs[0].tensors[1].buffer = 99;
  expectTyped(writeModel(m2), ModelError, /buffer 99 out of range/);
});

test('shape overflow and buffer size mismatch', () => {
  const m = modelOf(addCase);
  m.subgraphs[0].tensors[0].shape = [1 << 20, 1 << 20, 1 << 20];
  expectTyped(writeModel(m), ModelError, /elements/);
  const m2 = modelOf(addCase);
  m2.subgraphs[0].tensors[1].shape = [3, 3];
  expectTyped(writeModel(m2), ModelError, /holds 24 bytes/);
  const m3 = modelOf(addCase);
  m3.subgraphs[0].tensors[0].shape = [2, -3];
  expectTyped(writeModel(m3), ModelError, /negative/);
});

test('large but legal shapes are refused before allocating', () => {
  const m = modelOf(addCase);
  m.subgraphs[0].tensors[0].shape = [32768, 32768];
  m.subgraphs[0].tensors[1].shape = [1];
  m.buffers[m.subgraphs[0].tensors[1].buffer].data = new Uint8Array(4);
  expectTyped(writeModel(m), TfliteError, /bytes/);
});

test('WHILE that calls its own subgraph is rejected', () => {
  const m = modelOf(addCase);
  m.operatorCodes.push({ builtinCode: BuiltinOperator.WHILE, deprecatedBuiltinCode: BuiltinOperator.WHILE, customCode: null, version: 1 });
  m.subgraphs[0].operators.push({
    opcodeIndex: 1, inputs: [2], outputs: [0], builtinOptionsType: 0, builtinOptions: null, builtinOptions2Type: 0, builtinOptions2: null,
    customOptions: null, customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: [],
  });
  const w = m.subgraphs[0].operators[1];
  w.builtinOptionsType = BUILTIN_OPTIONS_BY_NAME.WhileOptions;
  w.builtinOptions = { condSubgraphIndex: 0, bodySubgraphIndex: 0 };
  expectTyped(writeModel(m), ModelError, /recursion/);
});

test('zero strides and dilations are rejected', () => {
  for (const o of [{ strideW: 0 }, { strideH: 0 }, { dilationWFactor: 0 }]) {
    expectTyped(buildCase({ ...convCase, options: { ...convCase.options, ...o } }).bytes, KernelError);
  }
  expectTyped(buildCase({
    name: 'pool', op: 'MAX_POOL_2D', options: { padding: 0, strideW: 0, strideH: 1, filterWidth: 2, filterHeight: 2 },
    inputs: [{ dtype: 'float32', shape: [1, 4, 4, 1] }], outputs: [{ dtype: 'float32' }],
  }).bytes, KernelError);
});

test('bit flips never escape as untyped errors', () => {
  const next = mulberry32(11);
  const sources = [good, buildCase(addCase).bytes];
  for (let k = 0; k < 400; k++) {
    const b = sources[k % sources.length].slice();
    const flips = 1 + (next() % 4);
    for (let f = 0; f < flips; f++) b[next() % b.length] ^= 1 << (next() % 8);
    const e = tryRun(b);
    assert.ok(e === null || e instanceof TfliteError, `iteration ${k}: ${e?.name}: ${e?.message}\n${e?.stack}`);
  }
});

test('bit flips never escape as untyped errors on the wasm SIMD tier either', { skip: !probeSimd() }, async () => {
  const next = mulberry32(12);
  const real = ['mtcnn/rnet', 'openwakeword/hey_jarvis_v0.1', 'coral/split_concat'].map((n) => path.join(MODELS_DIR, `${n}.tflite`)).filter((f) => fs.existsSync(f));
  const sources = [good, buildCase(addCase).bytes, ...real.map((f) => new Uint8Array(fs.readFileSync(f)))];
  for (let k = 0; k < 300; k++) {
    const b = sources[k % sources.length].slice();
    const flips = 1 + (next() % 4);
    for (let f = 0; f < flips; f++) b[next() % b.length] ^= 1 << (next() % 8);
    const e = await tryRunSimd(b);
    assert.ok(e === null || e instanceof TfliteError, `iteration ${k}: ${e?.name}: ${e?.message}\n${e?.stack}`);
  }
});

test('the model whose custom op always fails and the PoseNet decoder are reported cleanly', () => {
  const failing = path.join(MODELS_DIR, 'coral/model_invoking_error.tflite');
  const posenet = path.join(MODELS_DIR, 'coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder.tflite');
  if (!fs.existsSync(failing)) return;
  expectTyped(new Uint8Array(fs.readFileSync(failing)), UnresolvedOpError, /custom op 'fake-op-double' version 1/);
  expectTyped(new Uint8Array(fs.readFileSync(posenet)), UnresolvedOpError, /PosenetDecoderOp/);
});

test('API misuse', () => {
  const it = new Interpreter(buildCase(addCase).bytes);
  assert.throws(() => it.invoke(), ApiError);
  it.allocateTensors();
  const input = it.getInputDetails()[0].index;
  assert.throws(() => it.setTensor(input, new Float32Array(5)), /5 values/);
  assert.throws(() => it.setTensor(input, new Int32Array(6)), ApiError);
  assert.throws(() => it.setTensor(999, new Float32Array(6)), ApiError);
  assert.throws(() => it.setTensor(input, 'abc'), ApiError);
  assert.throws(() => it.resizeTensorInput(input, [2, -1]), ApiError);
  assert.throws(() => it.resizeTensorInput(1, [2, 3]), ApiError);
  assert.throws(() => it.getSignatureRunner('nope'), ApiError);
  it.setTensor(input, new Float32Array(6));
  it.invoke();
  it.dispose();
  assert.throws(() => it.invoke(), ApiError);
  assert.throws(() => it.getInputDetails(), ApiError);
  assert.throws(() => new CoreInterpreter(buildCase(addCase).bytes, {}), ApiError);
});
