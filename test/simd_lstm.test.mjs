// The SIMD tier's full-integer (8x8->16) UNIDIRECTIONAL_SEQUENCE_LSTM (src/kernels/simd/lstm_integer.ts:
// the reference step with wasm/assembly/lstm_q8.ts's matrix products), against the reference tier
// on every integer case of the op's table and on random shapes (input and state widths around the
// 16- and 8-byte blocks, CIFG, peephole, projection, layer norm, clips): bit-identical outputs over
// several invokes (the states carry over), and the wasm products ran. Also the memoized int16
// logistic / tanh against gemmlowp's on every int16 value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinOpResolver, Interpreter, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { fixedPoint16Memo } from '../dist/kernels/util/int16_memo.js';
import { RAW16, fixedPointLogistic, fixedPointTanh } from '../dist/kernels/util/quant_math.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { pick } from './harness/simd.mjs';
import cases, { lstmInt } from './ops/unidirectional_sequence_lstm.cases.mjs';

const hasSimd = probeSimd();

/** Outputs of `invokes` invokes (same input) of the built case, as plain arrays. */
function runSequence(built, options, invokes) {
  const it = new Interpreter(built.bytes, options);
  it.allocateTensors();
  const input = it.getInputDetails()[0];
  const outs = [];
  for (let k = 0; k < invokes; k++) {
    it.setTensor(input.index, built.inputs[0].values);
    it.invoke();
    outs.push(Array.from(it.getTensor(it.getOutputDetails()[0].index)));
  }
  return outs;
}

/** The kernels with a call counter on lstm_i8_matacc. */
function spied(wasm) {
  const counter = { calls: 0 };
  const exports = { ...wasm.exports, lstm_i8_matacc: (...a) => { counter.calls++; return wasm.exports.lstm_i8_matacc(...a); } };
  return { kernels: { ...wasm, exports }, counter };
}

function assertSameAsReference(wasm, c) {
  const built = buildCase(c);
  const { kernels, counter } = spied(wasm);
  const ours = runSequence(built, { heap: wasm.heap, opResolver: createSimdResolver(kernels) }, 3);
  const ref = runSequence(built, { opResolver: new BuiltinOpResolver() }, 3);
  assert.deepEqual(ours, ref, c.name);
  assert.ok(counter.calls > 0, `${c.name}: the wasm products did not run`);
}

test('integer LSTM on the SIMD tier is bit-exact with the reference (the op table\'s integer cases)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const integer = cases.filter((c) => c.name.startsWith('int8 ') && !c.error);
  assert.ok(integer.length >= 15);
  for (const c of integer) assertSameAsReference(wasm, c);
});

test('integer LSTM on the SIMD tier is bit-exact with the reference (random shapes and variants)', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(47);
  for (let k = 0; k < 30; k++) {
    const nIn = pick(next, [1, 5, 8, 15, 16, 17, 24, 28, 33, 40]);
    const nCell = pick(next, [3, 8, 16, 20, 33]);
    const proj = next() % 3 === 0;
    const o = {
      nIn, nCell, batch: 1 + (next() % 3), time: 1 + (next() % 6), timeMajor: next() % 2 === 1,
      cifg: next() % 4 === 0, peephole: next() % 4 === 0, layerNorm: next() % 4 === 0,
      proj, projBias: proj && next() % 2 === 0, nOut: proj ? pick(next, [2, 9, 17, nCell]) : nCell,
      cellClip: next() % 4 === 0 ? 0.4 : 0, projClip: proj && next() % 3 === 0 ? 0.3 : 0,
    };
    if (o.peephole && o.nOut > nCell) o.peephole = false;
    assertSameAsReference(wasm, lstmInt(`random ${k} ${JSON.stringify(o)}`, o));
  }
});

test('memoized int16 logistic and tanh equal gemmlowp\'s on every int16 value', () => {
  for (const bits of [0, 3, 5]) {
    const logistic = fixedPoint16Memo('logistic', bits), tanh = fixedPoint16Memo('tanh', bits);
    for (let x = -32768; x < 32768; x++) {
      if (logistic.get(x) !== fixedPointLogistic(x, bits, RAW16)) assert.fail(`logistic(${x}, ${bits})`);
      if (tanh.get(x) !== fixedPointTanh(x, bits, RAW16)) assert.fail(`tanh(${x}, ${bits})`);
    }
  }
});
