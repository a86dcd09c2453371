// The wasm SIMD tier's transposed convolutions (src/kernels/simd/transpose_conv.ts, GEMM + col2im):
// TRANSPOSE_CONV and MediaPipe's Convolution2DTransposeBias against the reference kernels on random
// shapes (strides 1–3, SAME/VALID, kernels 2–4, batches 1–2, with/without bias, activations), the
// fallbacks, and selfie_segmentation's golden through the CLI's interpreter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BuiltinOpResolver, BuiltinOperator, loadWasmKernels, createSimdResolver, probeSimd } from '../dist/index.js';
import { registerMediaPipeOps } from '../dist/mediapipe/index.js';
import { registerSimdMediaPipeOps } from '../dist/kernels/simd/mediapipe.js';
import { createCliInterpreter } from '../dist/cli/common.js';
import { fromJsonValue } from '../dist/tools/io_json.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR, checkGolden } from './harness/goldens.mjs';
import { pick, run, runBothTiers, newCounts, watchKernel, wrapBuiltins, worstRelativeDiff } from './harness/simd.mjs';

const hasSimd = probeSimd();
const TOL = 1e-5;
const MP = 'Convolution2DTransposeBias';

/** The SIMD resolver (builtins and MediaPipe ops) with TRANSPOSE_CONV and the MediaPipe op instrumented. */
function instrumentedResolver(wasm) {
  const counts = newCounts();
  const resolver = createSimdResolver(wasm);
  registerSimdMediaPipeOps({ addCustom: (name, k) => resolver.addCustom(name, name === MP ? watchKernel(k, wasm, counts) : k) }, wasm);
  wrapBuiltins(resolver, new Set([BuiltinOperator.TRANSPOSE_CONV]), (k) => watchKernel(k, wasm, counts, { input: 2 }));
  return { resolver, counts };
}

/** Runs a case on both tiers; returns the largest difference relative to max(1, max|reference|). */
function compareTiers(wasm, c) {
  const { resolver, counts } = instrumentedResolver(wasm);
  const { ours, ref } = runBothTiers(c, { heap: wasm.heap, opResolver: resolver }, registerMediaPipeOps(new BuiltinOpResolver()));
  return { worst: worstRelativeDiff(ours, ref), counts };
}

const SAME = 0, VALID = 1; // TRANSPOSE_CONV's Padding enum
const MP_SAME = 1, MP_VALID = 2; // MediaPipe's custom options: TfLitePadding

/** A TRANSPOSE_CONV case; the output size is one a convolution of that padding maps back to the input's. */
function tconv(name, { batch, h, w, inC, outC, kH, kW, strideH, strideW, padding, act = 0, bias = true, outH, outW }) {
  const lo = (size, k, s) => (padding === SAME ? (size - 1) * s + 1 : (size - 1) * s + k);
  outH ??= lo(h, kH, strideH);
  outW ??= lo(w, kW, strideW);
  const inputs = [
    { dtype: 'int32', shape: [4], constant: true, data: [batch, outH, outW, outC] },
    { dtype: 'float32', shape: [outC, kH, kW, inC], constant: true },
    { dtype: 'float32', shape: [batch, h, w, inC] },
  ];
  if (bias) inputs.push({ dtype: 'float32', shape: [outC], constant: true, range: [-2, 2] });
  return {
    name, op: 'TRANSPOSE_CONV', version: act ? 4 : bias ? 3 : 1,
    options: { padding, strideW, strideH, fusedActivationFunction: act }, inputs, outputs: [{ dtype: 'float32' }],
  };
}

function randomTconv(next, i) {
  const kH = 2 + (next() % 3), kW = 2 + (next() % 3);
  const strideH = 1 + (next() % 3), strideW = 1 + (next() % 3);
  const padding = next() % 2;
  const batch = 1 + (next() % 2);
  const h = 1 + (next() % 9), w = 1 + (next() % 9);
  const inC = pick(next, [1, 2, 3, 4, 5, 8, 13, 16]), outC = pick(next, [1, 2, 3, 4, 7, 8, 9, 16]);
  const act = pick(next, [0, 0, 1, 2, 3]);
  const bias = next() % 3 !== 0;
  // Any size in the range that maps back to h (w): SAME [(h−1)s+1, hs], VALID [(h−1)s+k, (h−1)s+k+s−1].
  const outH = (padding === SAME ? (h - 1) * strideH + 1 : (h - 1) * strideH + kH) + (next() % strideH);
  const outW = (padding === SAME ? (w - 1) * strideW + 1 : (w - 1) * strideW + kW) + (next() % strideW);
  return tconv(
    `tconv ${i}: ${batch}x${h}x${w}x${inC} -> ${outH}x${outW}x${outC}, ${kH}x${kW} s${strideH},${strideW} ${padding ? 'VALID' : 'SAME'} act${act}${bias ? '' : ' no bias'}`,
    { batch, h, w, inC, outC, kH, kW, strideH, strideW, padding, act, bias, outH, outW },
  );
}

/** A Convolution2DTransposeBias case: custom options int32 padding, stride_w, stride_h. */
function mpTconv(name, { batch, h, w, inC, outC, kH, kW, strideH, strideW, padding, constantBias = true }) {
  return {
    name, op: { custom: MP }, customOptions: new Uint8Array(Int32Array.of(padding, strideW, strideH).buffer),
    inputs: [
      { dtype: 'float32', shape: [batch, h, w, inC] },
      { dtype: 'float32', shape: [outC, kH, kW, inC], constant: true },
      { dtype: 'float32', shape: [outC], constant: constantBias, range: [-2, 2] },
    ],
    outputs: [{ dtype: 'float32' }],
  };
}

function randomMp(next, i) {
  const kH = 2 + (next() % 3), kW = 2 + (next() % 3);
  const strideH = 1 + (next() % 3), strideW = 1 + (next() % 3);
  const padding = pick(next, [MP_SAME, MP_VALID]);
  const batch = 1 + (next() % 2);
  const h = 1 + (next() % 9), w = 1 + (next() % 9);
  const inC = pick(next, [1, 2, 3, 4, 5, 8, 13, 16]), outC = pick(next, [1, 2, 3, 4, 7, 8, 9, 16]);
  return mpTconv(
    `mp ${i}: ${batch}x${h}x${w}x${inC} -> ${outC}, ${kH}x${kW} s${strideH},${strideW} ${padding === MP_SAME ? 'SAME' : 'VALID'}`,
    { batch, h, w, inC, outC, kH, kW, strideH, strideW, padding },
  );
}

function checkAll(wasm, cases) {
  for (const c of cases) {
    const { worst, counts } = compareTiers(wasm, c);
    assert.ok(worst <= TOL, `${c.name}: relative difference ${worst}`);
    assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [1, 0, 1], `${c.name}: the wasm kernel did not run`);
  }
}

test('TRANSPOSE_CONV SIMD matches the reference on random shapes, paddings, strides, biases, activations', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(4242);
  const base = { batch: 1, h: 5, w: 6, inC: 4, outC: 3, kH: 3, kW: 3, strideH: 2, strideW: 2, padding: SAME };
  const cases = [
    tconv('3x3 s2 SAME', base),
    tconv('3x3 s2 VALID relu6', { ...base, padding: VALID, act: 3 }),
    tconv('2x2 s2 (selfie head) outC 1 batch 2', { ...base, batch: 2, h: 8, w: 8, inC: 16, outC: 1, kH: 2, kW: 2 }),
    tconv('4x4 s1 no bias relu', { ...base, kH: 4, kW: 4, strideH: 1, strideW: 1, bias: false, act: 1 }),
    tconv('many tiles: 40x40x8 -> 16, 4x4 s2', { ...base, h: 40, w: 40, inC: 8, outC: 16, kH: 4, kW: 4 }),
    tconv('outC 9 (partial panel, vector + scalar tail)', { ...base, outC: 9, kH: 2, kW: 3, strideH: 3, strideW: 1 }),
  ];
  for (let i = 0; i < 48; i++) cases.push(randomTconv(next, i));
  checkAll(wasm, cases);
});

test('Convolution2DTransposeBias SIMD matches the reference on random shapes, paddings and strides', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const next = mulberry32(99);
  const cases = [
    mpTconv('selfie head: 1x32x32x16 -> 1, 2x2 s2 SAME', { batch: 1, h: 32, w: 32, inC: 16, outC: 1, kH: 2, kW: 2, strideH: 2, strideW: 2, padding: MP_SAME }),
    mpTconv('3x3 s2 SAME crops', { batch: 2, h: 5, w: 4, inC: 3, outC: 5, kH: 3, kW: 3, strideH: 2, strideW: 2, padding: MP_SAME }),
    mpTconv('4x2 s3,1 VALID', { batch: 1, h: 4, w: 7, inC: 8, outC: 8, kH: 4, kW: 2, strideH: 3, strideW: 1, padding: MP_VALID }),
  ];
  for (let i = 0; i < 40; i++) cases.push(randomMp(next, i));
  checkAll(wasm, cases);
});

test('transposed convolutions fall back to the reference where the SIMD kernel does not apply', { skip: !hasSimd }, async () => {
  const wasm = await loadWasmKernels();
  const base = { batch: 1, h: 4, w: 4, inC: 3, outC: 2, kH: 3, kW: 3, strideH: 2, strideW: 2, padding: SAME };
  const computedWeights = tconv('weights are a graph input', base);
  computedWeights.inputs[1] = { dtype: 'float32', shape: [2, 3, 3, 3] };
  const computedBias = mpTconv('MediaPipe bias is a graph input', { ...base, padding: MP_SAME, constantBias: false });
  for (const c of [computedWeights, computedBias]) {
    const { worst, counts } = compareTiers(wasm, c);
    assert.equal(worst, 0, c.name);
    assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [0, 1, 0], c.name);
  }
  // Heap elsewhere: the SIMD resolver runs the reference kernel.
  const built = buildCase(tconv('heap elsewhere', base));
  const { resolver, counts } = instrumentedResolver(wasm);
  assert.deepEqual(run(built.bytes, built.inputs, { opResolver: resolver }), run(built.bytes, built.inputs, { opResolver: new BuiltinOpResolver() }));
  assert.equal(counts.simdEvals, 0);
});

const SELFIE = path.join(MODELS_DIR, 'mediapipe/selfie_segmentation');

test('selfie_segmentation matches its golden through createCliInterpreter, with the wasm Convolution2DTransposeBias', { skip: !hasSimd || !fs.existsSync(`${SELFIE}.tflite`) }, async () => {
  const entry = { name: 'mediapipe/selfie_segmentation', model: `${SELFIE}.tflite`, golden: `${SELFIE}.seed1.json` };
  // The instrumented SIMD resolver: the wasm kernel ran, and the golden holds.
  const wasm = await loadWasmKernels();
  const { resolver, counts } = instrumentedResolver(wasm);
  const { stats } = checkGolden(entry, { resolver, interpreterOptions: { heap: wasm.heap } });
  for (const s of stats) assert.ok(s.ok, `output ${s.name}: max diff ${s.maxDiff} > ${s.tol}`);
  assert.deepEqual([counts.simdPrepared, counts.refPrepared, counts.simdEvals], [1, 0, 1]);
  // The CLI's interpreter (tier auto).
  const golden = JSON.parse(fs.readFileSync(entry.golden, 'utf8'));
  const it = await createCliInterpreter(new Uint8Array(fs.readFileSync(entry.model)), 'auto');
  it.allocateTensors();
  const details = it.getInputDetails();
  golden.inputs.forEach((g, k) => it.setTensor((details.find((d) => d.name === g.name) ?? details[k]).index, g.values.map(fromJsonValue)));
  it.invoke();
  const outs = it.getOutputDetails();
  golden.outputs.forEach((g, k) => {
    const ours = it.getTensor((outs.find((d) => d.name === g.name) ?? outs[k]).index);
    const ref = g.values.map(fromJsonValue);
    assert.equal(ours.length, ref.length);
    let maxRef = 0, maxDiff = 0;
    for (const v of ref) maxRef = Math.max(maxRef, Math.abs(v));
    for (let i = 0; i < ref.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - ref[i]));
    assert.ok(maxDiff <= 1e-3 * Math.max(1, maxRef), `output ${g.name}: max diff ${maxDiff}`);
  });
});
