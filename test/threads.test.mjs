// Kernel threads (src/wasm/threads.ts): the SIMD tier's GEMM split across worker threads on one
// shared wasm memory gives bit-identical results to one thread (float models and random CONV_2D /
// FULLY_CONNECTED shapes, BATCH_MATMUL, SOFTMAX, with every GEMM forced to split), a process with
// live workers exits promptly, dispose() stops them, and without SharedArrayBuffer the tier warns
// once and runs on one thread.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Interpreter, loadWasmKernels, createSimdResolver, probeSimd, probeThreads } from '../dist/index.js';
import { registerSimdMediaPipeOps } from '../dist/kernels/simd/mediapipe.js';
import { packGemmWeights } from '../dist/kernels/simd/index.js';
import { resolveNumThreads } from '../dist/wasm/loader.js';
import { ParallelismGuard } from '../dist/wasm/threads.js';
import { buildCase, mulberry32 } from './harness/model_builder.mjs';
import { MODELS_DIR } from './harness/goldens.mjs';
import { convCase, dwCase, fcCase, randomConvQ8, randomDepthwise } from './harness/conv_cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const canThread = probeSimd() && probeThreads();

const kernelsByThreads = new Map();

/**
 * The SIMD kernels on `threads` threads, one instance per thread count for the whole file
 * (interpreters may share one); every GEMM splits (no size threshold) into the most chunks. On 3
 * threads the calling thread only waits, so that the workers run every chunk.
 */
async function kernels(threads) {
  let wasm = kernelsByThreads.get(threads);
  if (wasm === undefined) {
    wasm = await loadWasmKernels({ numThreads: threads });
    assert.ok(wasm !== null);
    if (threads > 1) {
      assert.ok(wasm.pool, 'a thread pool');
      assert.equal(wasm.pool.threads, threads);
      assert.equal(await wasm.pool.ready, true, 'the workers started');
      assert.equal(wasm.pool.liveWorkers, threads - 1);
      wasm.pool.minSplitFlops = 0;
      wasm.pool.minChunkFlops = 0;
      wasm.pool.callerWorks = threads !== 3;
      wasm.pool.guard = null; // split whatever the machine load (the test runs beside others)
    } else {
      assert.equal(wasm.pool, undefined);
    }
    kernelsByThreads.set(threads, wasm);
  }
  return wasm;
}

async function simdInterpreter(bytes, threads) {
  const wasm = await kernels(threads);
  const it = new Interpreter(bytes, { heap: wasm.heap, opResolver: registerSimdMediaPipeOps(createSimdResolver(wasm), wasm) });
  it.allocateTensors();
  return { it, wasm };
}

/** Deterministic inputs: float tensors in [−1, 1], 8-bit ones over their whole range. */
function fillInputs(it, inputs) {
  it.getInputDetails().forEach((d, i) => {
    if (inputs?.[i]) {
      it.setTensor(d.index, inputs[i].values);
      return;
    }
    const n = d.shape.reduce((a, b) => a * b, 1);
    const wave = (k) => Math.sin(k * 0.37 + i);
    if (d.dtype === 'uint8') it.setTensor(d.index, Uint8Array.from({ length: n }, (_, k) => 127.5 + 127.5 * wave(k)));
    else if (d.dtype === 'int8') it.setTensor(d.index, Int8Array.from({ length: n }, (_, k) => Math.round(127 * wave(k))));
    else {
      assert.equal(d.dtype, 'float32');
      it.setTensor(d.index, Float32Array.from({ length: n }, (_, k) => wave(k)));
    }
  });
}

function outputs(it) {
  return it.getOutputDetails().map((d) => it.getTensor(d.index).slice());
}

/** Asserts a and b hold the same bit patterns. */
function assertBitIdentical(a, b, what) {
  assert.equal(a.length, b.length, what);
  for (let k = 0; k < a.length; k++) {
    const x = new Uint8Array(a[k].buffer, a[k].byteOffset, a[k].byteLength);
    const y = new Uint8Array(b[k].buffer, b[k].byteOffset, b[k].byteLength);
    assert.equal(x.length, y.length, what);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) assert.fail(`${what}: output ${k}[${i}]: ${a[k][i]} vs ${b[k][i]}`);
  }
}

/** Runs the model on 1 thread and on each of threadCounts; returns [jobs, chunks run by workers] per pool. */
async function compareThreads(bytes, inputs, threadCounts = [2]) {
  const one = await simdInterpreter(bytes, 1);
  fillInputs(one.it, inputs);
  one.it.invoke();
  const expected = outputs(one.it);
  one.it.dispose();
  const jobs = [];
  for (const threads of threadCounts) {
    const many = await simdInterpreter(bytes, threads);
    const before = [many.wasm.pool.jobs, many.wasm.pool.workerChunks];
    fillInputs(many.it, inputs);
    many.it.invoke();
    jobs.push([many.wasm.pool.jobs - before[0], many.wasm.pool.workerChunks - before[1]]);
    assertBitIdentical(outputs(many.it), expected, `${threads} threads`);
    many.it.dispose();
  }
  return jobs;
}

const pick = (next, xs) => xs[next() % xs.length];

function randomConv(next, i) {
  for (;;) {
    const kH = 1 + (next() % 4), kW = 1 + (next() % 4);
    const strideH = pick(next, [1, 1, 2, 3]), strideW = pick(next, [1, 1, 2, 3]);
    const dilationH = pick(next, [1, 1, 2]), dilationW = pick(next, [1, 1, 2, 3]);
    const padding = next() % 2;
    const batch = pick(next, [1, 1, 2, 3]);
    const h = 1 + (next() % 17), w = 1 + (next() % 17);
    const inC = pick(next, [1, 3, 4, 5, 8, 16, 24]), outC = pick(next, [1, 3, 8, 9, 16, 17, 33]);
    if (padding === 1 && ((kH - 1) * dilationH + 1 > h || (kW - 1) * dilationW + 1 > w)) continue;
    const act = next() % 5;
    return {
      name: `conv ${i}: ${batch}x${h}x${w}x${inC} -> ${outC}, ${kH}x${kW} s${strideH},${strideW} d${dilationH},${dilationW} ${padding ? 'VALID' : 'SAME'} act${act}`,
      op: 'CONV_2D', version: 1,
      options: { padding, strideW, strideH, fusedActivationFunction: act, dilationWFactor: dilationW, dilationHFactor: dilationH },
      inputs: [
        { dtype: 'float32', shape: [batch, h, w, inC] },
        { dtype: 'float32', shape: [outC, kH, kW, inC], constant: true },
        next() % 4 !== 0 ? { dtype: 'float32', shape: [outC], constant: true, range: [-2, 2] } : null,
      ],
      outputs: [{ dtype: 'float32' }],
    };
  }
}

function randomFc(next, i) {
  const rows = pick(next, [1, 2, 3, 5, 7, 8, 9, 13, 16, 21]), depth = 1 + (next() % 90), units = 1 + (next() % 60);
  return {
    name: `fc ${i}: ${rows}x${depth} -> ${units}`,
    op: 'FULLY_CONNECTED', version: 1,
    options: { fusedActivationFunction: pick(next, [0, 1, 3]), weightsFormat: 0, keepNumDims: false, asymmetricQuantizeInputs: false },
    inputs: [
      { dtype: 'float32', shape: [rows, depth] },
      { dtype: 'float32', shape: [units, depth], constant: true },
      next() % 3 !== 0 ? { dtype: 'float32', shape: [units], constant: true } : null,
    ],
    outputs: [{ dtype: 'float32' }],
  };
}

/** Runs every case on 1, 2 and 3 threads; returns how many split and the chunks workers ran on 2 threads. */
async function compareCases(cases) {
  let split = 0, workerChunks = 0;
  for (const c of cases) {
    const built = buildCase(c);
    const [[jobs2, chunks2], [jobs3, chunks3]] = await compareThreads(built.bytes, built.inputs, [2, 3]).catch((e) => {
      throw new Error(`${c.name}: ${e.message}`);
    });
    if (jobs2 > 0) split++;
    workerChunks += chunks2;
    assert.equal(jobs3, jobs2, `${c.name}: same splits on 3 threads`);
    assert.ok(jobs3 === 0 || chunks3 >= 2 * jobs3, `${c.name}: on 3 threads the workers ran the chunks`);
  }
  return { split, workerChunks };
}

test('random CONV_2D / FULLY_CONNECTED shapes: 2 and 3 threads are bit-identical to 1', { skip: !canThread }, async () => {
  const next = mulberry32(4242);
  const cases = [];
  for (let i = 0; i < 40; i++) cases.push(randomConv(next, i));
  for (let i = 0; i < 25; i++) cases.push(randomFc(next, i));
  const { split, workerChunks } = await compareCases(cases);
  assert.ok(split >= cases.length * 0.8, `only ${split} of ${cases.length} cases split their GEMM`);
  assert.ok(workerChunks > 0, 'on 2 threads the worker ran some chunks');
});

test('random 8-bit CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED and float DEPTHWISE_CONV_2D: 2 and 3 threads are bit-identical to 1', { skip: !canThread }, async () => {
  const next = mulberry32(77);
  const cases = [];
  for (const type of ['int8', 'uint8']) {
    for (let i = 0; i < 10; i++) cases.push(randomConvQ8(next, i, type));
    cases.push(convCase(next, `${type} 3x3 s2 batch 3`, type, [3, 9, 7, 5], [6, 3, 3, 5], { strideH: 2, strideW: 2 }));
    for (let i = 0; i < 8; i++) {
      const options = { padding: next() % 2, strideH: 1 + (next() % 2), strideW: 1 + (next() % 2), fusedActivationFunction: pick(next, [0, 1, 3]) };
      cases.push(dwCase(next, `${type} dw ${i}`, type, [1 + (next() % 3), 5 + (next() % 9), 5 + (next() % 9), pick(next, [7, 8, 16, 33])], 3, 3, options));
    }
    cases.push(fcCase(next, `${type} fc one row (column panels)`, type, [1, 70], 45, 70));
    cases.push(fcCase(next, `${type} fc rows`, type, [21, 33], 17, 33, {}, type === 'int8'));
  }
  for (let i = 0; i < 16; i++) cases.push(randomDepthwise(next, i));
  const { split, workerChunks } = await compareCases(cases);
  assert.ok(split >= cases.length * 0.7, `only ${split} of ${cases.length} cases split`);
  assert.ok(workerChunks > 0, 'on 2 threads the worker ran some chunks');
});

test('element-wise float ops (binary with broadcasts, unary incl. approximations): 2 and 3 threads are bit-identical to 1', { skip: !canThread }, async () => {
  const next = mulberry32(31);
  const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
  const cases = [];
  const shapes = [[1, 9, 7, 37], [2, 5, 5, 16], [1, 1, 1, 333], [3, 40], [1, 17, 3, 8]];
  for (const [i, shape] of shapes.entries()) {
    const c = shape[shape.length - 1];
    for (const op of ['ADD', 'MUL', 'DIV', 'MAXIMUM']) {
      const other = pick(next, [shape, [c], [1], [...shape.slice(0, -1), 1]]);
      const options = op === 'MAXIMUM' ? {} : { fusedActivationFunction: pick(next, [0, 1, 3]) };
      cases.push({ name: `${op} ${i} [${shape}] ∘ [${other}]`, op, version: 1, options, inputs: [f(shape), f(other, op === 'DIV' ? { range: [0.5, 2] } : {})], outputs: [{ dtype: 'float32' }] });
    }
    for (const op of ['LOGISTIC', 'HARD_SWISH', 'RELU6', 'EXP', 'TANH', 'NEG']) {
      cases.push({ name: `${op} ${i} [${shape}]`, op, version: 1, options: {}, inputs: [f(shape, { range: [-4, 4] })], outputs: [{ dtype: 'float32' }] });
    }
    if (shape.length === 4) {
      const [, h, w] = shape;
      cases.push({
        name: `RESIZE_BILINEAR ${i} [${shape}]`, op: 'RESIZE_BILINEAR', version: 3, options: { alignCorners: false, halfPixelCenters: i % 2 === 1 },
        inputs: [f(shape), { dtype: 'int32', shape: [2], constant: true, data: [2 * h + 1, 2 * w] }], outputs: [{ dtype: 'float32' }],
      });
    }
  }
  for (const [k, s, input] of [[2, 2, [1, 9, 7, 16]], [2, 2, [2, 5, 6, 8]], [3, 2, [1, 6, 6, 4]]]) {
    const outC = 5;
    cases.push({
      name: `TRANSPOSE_CONV ${k}x${k} s${s} [${input}]`, op: 'TRANSPOSE_CONV', version: 3, options: { padding: 1, strideH: s, strideW: s },
      inputs: [
        { dtype: 'int32', shape: [4], constant: true, data: [input[0], (input[1] - 1) * s + k, (input[2] - 1) * s + k, outC] },
        f([outC, k, k, input[3]], { constant: true }), f(input), f([outC], { constant: true }),
      ],
      outputs: [{ dtype: 'float32' }],
    });
  }
  const { split } = await compareCases(cases);
  assert.ok(split >= cases.length * 0.7, `only ${split} of ${cases.length} cases split`);
});

test('BATCH_MATMUL (float32, int8) and SOFTMAX (float32, 8-bit): 2 and 3 threads are bit-identical to 1', { skip: !canThread }, async () => {
  const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
  const i8 = (shape, zeroPoint, extra = {}) => ({ dtype: 'int8', shape, quant: { scale: 0.02, zeroPoint }, ...extra });
  const bmm = (name, adjX, adjY, inputs, output = { dtype: 'float32' }) => ({
    name, op: 'BATCH_MATMUL', version: 1, options: { adjX, adjY, asymmetricQuantizeInputs: false }, inputs, outputs: [output],
  });
  const sm = (name, input, output = { dtype: 'float32' }) => ({ name, op: 'SOFTMAX', version: 1, options: { beta: 1 }, inputs: [input], outputs: [output] });
  const out8 = { dtype: 'int8', quant: { scale: 0.05, zeroPoint: 3 } };
  const cases = [
    // One GEMM over the batches' rows (split by rows), then one GEMM per batch (split by batches).
    bmm('float fused [3,21,40] x [40,24]', false, false, [f([3, 21, 40]), f([40, 24], { constant: true })]),
    bmm('float per batch [6,9,16] x [6,16,12]ᵀ', false, true, [f([6, 9, 16]), f([6, 12, 16])]),
    bmm('float broadcast adj_x [1,16,7]ᵀ x [4,16,9]', true, false, [f([1, 16, 7]), f([4, 16, 9])]),
    bmm('int8 fused [2,13,33] x [33,17]', false, false, [i8([2, 13, 33], 5), i8([33, 17], -3, { constant: true })], out8),
    bmm('int8 per batch [5,6,20]ᵀ x [5,11,20]ᵀ', true, true, [i8([5, 20, 6], 0), i8([5, 11, 20], 7)], out8),
    sm('softmax float [7,33]', f([7, 33], { range: [-5, 5] })),
    sm('softmax uint8 [9,100]', { dtype: 'uint8', shape: [9, 100], quant: { scale: 0.05, zeroPoint: 100 } }, { dtype: 'uint8', quant: { scale: 1 / 256, zeroPoint: 0 } }),
    sm('softmax int8 → int16 [5,1001]', i8([5, 1001], -3), { dtype: 'int16', quant: { scale: 1 / 32768, zeroPoint: 0 } }),
  ];
  const { split, workerChunks } = await compareCases(cases);
  assert.equal(split, cases.length, 'every case split');
  assert.ok(workerChunks > 0, 'on 2 threads the worker ran some chunks');
  // Two batches: split by batch on 2 threads; on 3, each batch's GEMM is split.
  const built = buildCase(bmm('float two batches', false, false, [f([2, 12, 20]), f([2, 20, 16])]));
  const jobs = await compareThreads(built.bytes, built.inputs, [2, 3]);
  assert.deepEqual(jobs.map(([j]) => j), [1, 2]);
});

test('a chunk runs with its thread\'s per-thread argument (scratch tiles)', { skip: !canThread }, async () => {
  const wasm = await kernels(3); // the caller only waits: workers 1 and 2 run every chunk
  const { heap } = wasm;
  const k = 4;
  const a = heap.alloc(k * 4), out = heap.alloc(3 * 32);
  new Float32Array(heap.buffer, a, k).fill(0);
  const bias = { name: 'bias', data: Float32Array.from({ length: 8 }, (_, i) => i + 1) };
  const w = packGemmWeights(wasm, { name: 'w', data: new Float32Array(8 * k) }, bias, 8, k);
  const C = () => new Float32Array(heap.buffer, out, 24);
  C().fill(0);
  const chunk = [{ kernel: 'gemm_f32', args: [1, 8, k, a, k * 4, w, out, 32, -Infinity, Infinity, 0], perThread: { args: [6], stride: 32 } }];
  const before = wasm.pool.workerChunks;
  wasm.pool.runChunks(Array.from({ length: 12 }, () => chunk));
  assert.equal(wasm.pool.workerChunks - before, 12);
  const c = C();
  assert.deepEqual([...c.subarray(0, 8)], new Array(8).fill(0), 'thread 0 (the caller) ran nothing');
  const written = [1, 2].filter((t) => c[t * 8] === 1);
  assert.ok(written.length >= 1, 'each worker writes at its own offset');
  for (const t of written) assert.deepEqual([...c.subarray(t * 8, t * 8 + 8)], [...bias.data]);
});

test('a second threaded interpreter growing its memory leaves the first on the SIMD kernels', { skip: !canThread }, async () => {
  // V8 gives every shared memory a new SharedArrayBuffer object when any shared memory grows;
  // the SIMD tier tells heap tensors by `data.buffer === memory.buffer`.
  const built = buildCase(randomConv(mulberry32(9), 0));
  const counted = async () => {
    const wasm = await loadWasmKernels({ numThreads: 2 });
    const calls = { n: 0 };
    const exports = {};
    for (const [name, f] of Object.entries(wasm.exports)) {
      exports[name] = typeof f === 'function' ? (...args) => (calls.n++, f(...args)) : f;
    }
    const it = new Interpreter(built.bytes, { heap: wasm.heap, opResolver: createSimdResolver({ ...wasm, exports }) });
    it.allocateTensors();
    return { it, calls, wasm };
  };
  const a = await counted();
  const b = await counted();
  b.wasm.heap.alloc(8 << 20); // grows b's memory
  for (const x of [a, b]) {
    fillInputs(x.it, built.inputs);
    x.it.invoke();
    assert.ok(x.calls.n > 0, 'the wasm kernel ran');
    x.wasm.pool.dispose();
  }
});

const MODELS = [
  'mediapipe/hand_landmark_lite', 'mediapipe/selfie_segmentation', 'tf/mobilenet_v2_035_96_float32',
  'coral/mobilenet_v2_1.0_224_quant', 'coral/tf2_mobilenet_v2_1.0_224_ptq', 'tf/mobilenet_v2_035_96_int8', 'mtcnn/rnet',
];

for (const name of MODELS) {
  const file = path.join(MODELS_DIR, `${name}.tflite`);
  test(`${name}: 2 and 3 threads are bit-identical to 1`, { skip: !canThread || !fs.existsSync(file) }, async () => {
    const [[jobs2], [jobs3, workerChunks3]] = await compareThreads(fs.readFileSync(file), null, [2, 3]);
    assert.ok(jobs2 > 0, 'the model split some kernels');
    assert.ok(jobs3 === jobs2 && workerChunks3 >= 2 * jobs3, 'on 3 threads the workers ran every chunk');
  });
}

test('Interpreter.create({ numThreads }): a pool of numThreads − 1 workers; dispose() stops it', { skip: !canThread }, async () => {
  const file = path.join(MODELS_DIR, 'tf/mobilenet_v2_035_96_float32.tflite');
  const bytes = fs.existsSync(file) ? fs.readFileSync(file) : buildCase(randomConv(mulberry32(1), 0)).bytes;
  const one = await Interpreter.create(bytes, { numThreads: 1 });
  const two = await Interpreter.create(bytes, { numThreads: 2 });
  const results = [one, two].map((it) => {
    it.allocateTensors();
    fillInputs(it);
    it.invoke();
    return outputs(it);
  });
  assertBitIdentical(results[1], results[0], 'Interpreter.create numThreads 2');
  two.dispose();
  one.dispose();
});

after(() => {
  for (const wasm of kernelsByThreads.values()) wasm.pool?.dispose();
});

test('the pool backs off while its threads share a core, and tries again later', () => {
  const G = ParallelismGuard;
  // Jobs of 0.2 ms, 0.05 ms apart; the process gets `cores` cores' worth of CPU time.
  const drive = (guard, cores, jobs, t0, cpu) => {
    let now = t0;
    for (let j = 0; j < jobs; j++) {
      if (guard.holding(now)) return { now, held: true };
      now += 0.2;
      cpu.ms += 0.25 * cores;
      guard.record(0.15, 0.01, now);
      now += 0.05;
    }
    return { now, held: false };
  };
  const cpu = { ms: 0 };
  const parallel = new G(2, () => cpu.ms);
  assert.equal(drive(parallel, 2, 1000, 0, cpu).held, false, 'two real cores: never backs off');
  assert.equal(parallel.backoffs, 0);

  const shared = new G(2, () => cpu.ms);
  let r = drive(shared, 1, 1000, 0, cpu);
  assert.ok(r.held, 'one core for two threads: backs off');
  assert.ok(r.now <= 2 * G.RUN_JOBS * G.BAD_RUNS * 0.25 + 1, `within two runs of jobs (at ${r.now} ms)`);
  assert.ok(shared.holding(r.now + G.MIN_BACKOFF_MS - 1) && !shared.holding(r.now + G.MIN_BACKOFF_MS + 1));
  r = drive(shared, 1, 1000, r.now + G.MIN_BACKOFF_MS + 1, cpu);
  assert.ok(r.held && shared.holding(r.now + 2 * G.MIN_BACKOFF_MS - 1), 'the same again: a twice longer backoff');
  assert.equal(shared.backoffs, 2);

  // Idle time between invokes (gaps over GAP_MS) is not taken for lost parallelism.
  const idle = new G(2, () => cpu.ms);
  let now = 0;
  for (let k = 0; k < 200; k++) {
    for (let j = 0; j < 10; j++) {
      now += 0.2;
      cpu.ms += 0.4;
      idle.record(0.15, 0.01, now);
    }
    now += 30; // the application does something else
  }
  assert.equal(idle.backoffs, 0);

  // Nor single-threaded work between the split jobs of an inference (ops too small to split):
  // only the jobs' own time counts.
  const sparse = new G(2, () => cpu.ms);
  now = 0;
  for (let j = 0; j < 2000; j++) {
    now += 0.2;
    cpu.ms += 0.4;
    sparse.record(0.19, 0.01, now);
    now += 1.5;
    cpu.ms += 1.5;
  }
  assert.equal(sparse.backoffs, 0);

  // Without CPU times: a caller that keeps waiting for its workers' chunks backs off.
  const blind = new G(2, null);
  for (let j = 0; j < G.STALLS - 1; j++) blind.record(0.1, 0.5, j);
  assert.equal(blind.backoffs, 0);
  blind.record(0.1, 0.5, 10);
  assert.ok(blind.holding(10 + G.MIN_BACKOFF_MS - 1));
});

test('numThreads: unset = 1 for loadWasmKernels, −1/0 = min(4, cores), capped at 16', async () => {
  assert.equal(await resolveNumThreads(undefined), 1);
  assert.equal(await resolveNumThreads(1), 1);
  assert.equal(await resolveNumThreads(3), 3);
  assert.equal(await resolveNumThreads(2.7), 2);
  assert.equal(await resolveNumThreads(100), 16);
  const auto = Math.max(1, Math.min(4, os.availableParallelism()));
  assert.equal(await resolveNumThreads(-1), auto);
  assert.equal(await resolveNumThreads(0), auto);
});

/** Runs a Node script (ESM) in a child process; returns { status, stdout, stderr, ms }. */
function child(source, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0, signal: r.signal };
}

const MODEL_JS = `
  import { Interpreter, loadWasmKernels, createSimdResolver } from './dist/index.js';
  import { buildCase } from './test/harness/model_builder.mjs';
  const spec = {
    name: 'conv', op: 'CONV_2D', version: 1,
    options: { padding: 0, strideW: 1, strideH: 1, fusedActivationFunction: 0, dilationWFactor: 1, dilationHFactor: 1 },
    inputs: [{ dtype: 'float32', shape: [1, 24, 24, 16] }, { dtype: 'float32', shape: [32, 3, 3, 16], constant: true }, null],
    outputs: [{ dtype: 'float32' }],
  };
  const built = buildCase(spec);
  function runOn(it) {
    it.allocateTensors();
    it.setTensor(it.getInputDetails()[0].index, built.inputs[0].values);
    it.invoke();
    const out = it.getTensor(it.getOutputDetails()[0].index);
    let h = 0;
    for (const v of new Uint32Array(out.buffer, out.byteOffset, out.length)) h = (Math.imul(h, 31) + v) >>> 0;
    return { it, h };
  }
  /** Interpreter.create: the workers may still be starting. */
  async function runOnce(numThreads) {
    return runOn(await Interpreter.create(built.bytes, { numThreads }));
  }
  /** With the workers up (when there are any) and every GEMM split. */
  async function runSplit(numThreads) {
    const wasm = await loadWasmKernels({ numThreads });
    if (wasm.pool) {
      await wasm.pool.ready;
      wasm.pool.minSplitFlops = 0;
      wasm.pool.guard = null;
    }
    const r = runOn(new Interpreter(built.bytes, { heap: wasm.heap, opResolver: createSimdResolver(wasm) }));
    // On a loaded machine the calling thread may claim every chunk of one job before a worker wakes:
    // invoke again (bounded) until a worker has taken part.
    for (let k = 0; k < 100 && wasm.pool && wasm.pool.workerChunks === 0; k++) r.it.invoke();
    return { ...r, pool: wasm.pool, workerChunks: wasm.pool?.workerChunks ?? 0 };
  }
`;

test('a process whose interpreters still have live workers exits promptly', { skip: !canThread }, () => {
  const r = child(`${MODEL_JS}
    const a = await runSplit(2), b = await runSplit(3), c = await runOnce(2);
    console.log('done', a.h === b.h && b.h === c.h, a.pool.liveWorkers, b.pool.liveWorkers, a.workerChunks > 0);
    globalThis.keep = [a, b, c]; // never disposed; c's worker may still be starting
  `);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /done true 1 2 true/);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
});

test('without SharedArrayBuffer: one warning, single-threaded, same results', { skip: !probeSimd() }, () => {
  const r = child(`
    delete globalThis.SharedArrayBuffer;
    ${MODEL_JS}
    const { probeThreads } = await import('./dist/index.js');
    const quiet = await loadWasmKernels({ numThreads: -1 }); // the default thread count: no warning
    await Interpreter.create(built.bytes); // likewise
    const a = await runOnce(2), b = await runOnce(4), c = await runOnce(1);
    const w = await loadWasmKernels({ numThreads: 2 });
    console.log(JSON.stringify({ probe: probeThreads(), pools: [quiet.pool, w.pool].filter(Boolean).length, same: a.h === c.h && b.h === c.h, h: c.h }));
  `);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.deepEqual({ probe: out.probe, pools: out.pools, same: out.same }, { probe: false, pools: 0, same: true });
  const warnings = r.stderr.split('\n').filter((l) => l.includes('numThreads'));
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0], /SharedArrayBuffer/);
  if (canThread) {
    const threaded = child(`${MODEL_JS} const a = await runSplit(2); console.log(a.h);`);
    assert.equal(Number(threaded.stdout.trim()), out.h, 'threaded and fallback runs agree');
  }
});
