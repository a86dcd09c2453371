// One side of bench/compare.mjs, in its own process: `node child.mjs litert|tfjs-tflite|tflite-ts`, driven over
// Node's IPC channel (started with child_process.fork):
//   {cmd:'open', model, threads, build, seed, warmupMs, warmupRuns, maxOutputValues}
//     → {ok, runtime, version, build, initMs, createMs, firstRunMs, coldMs, warmupRuns, warmupMs,
//        warmupAvgMs, inputs:[{dtype,shape}], outputs:[{dtype,shape,values|null}]}
//     (first-run output values, null past maxOutputValues in all)
//   {cmd:'run', n} → {ok, times:[ms…], cpuMs, wallMs}
//   {cmd:'exit'}
// Every timed run copies the inputs in, invokes, and copies the outputs out, on both sides
// (LiteRT.js: model.run(tensors) + toTypedArray(); tfjs-tflite: the runner's input data().set(),
// infer(), output data().slice(); tflite-ts: interpreter.run(arrays)).
// LiteRT.js is loaded like ../../shared/tools/oracle/run-ref.mjs's openLitert (Emscripten glue with
// small shims; the relaxed/compat/threaded builds of @litertjs/core from this project's devDependencies),
// tfjs-tflite like its openTfjsTflite (single-threaded: the package's one wasm build).
import fs from 'node:fs';
import os from 'node:os';
import vm from 'node:vm';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const side = process.argv[2];
const { fillSeeded, mulberry32 } = await import(path.join(ROOT, 'dist/tools/io_json.js'));

// Emscripten's print goes to stdout; the parent ignores stdout, errors go to stderr.
console.log = (...a) => process.stderr.write(a.join(' ') + '\n');

const BUILDS = { relaxed: 'litert_wasm_internal.js', compat: 'litert_wasm_compat_internal.js', threaded: 'litert_wasm_threaded_internal.js' };
const TYPED = { float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array, int16: Int16Array, int64: BigInt64Array, bool: Uint8Array, float64: Float64Array, float16: Uint16Array, uint16: Uint16Array, uint32: Uint32Array };

function seededInputs(details, seed) {
  const next = mulberry32(seed);
  return details.map((d) => {
    const T = TYPED[d.dtype];
    if (!T) throw new Error(`cannot fill an input of type ${d.dtype}`);
    const a = new T(d.shape.reduce((x, y) => x * y, 1));
    fillSeeded(d.dtype, a, next);
    return a;
  });
}

// ---------------------------------------------------------------- LiteRT.js
let lrt = null;
async function loadLitert(build) {
  const wasmDir = path.join(ROOT, 'node_modules/@litertjs/core/wasm') + '/';
  const glue = wasmDir + BUILDS[build];
  globalThis.self = globalThis;
  globalThis.require = require;
  if (!globalThis.navigator) globalThis.navigator = { hardwareConcurrency: os.availableParallelism() };
  globalThis.importScripts = (url) => {
    const p = url.startsWith('file://') ? fileURLToPath(url) : url;
    globalThis.__filename = p;
    globalThis.__dirname = path.dirname(p);
    vm.runInThisContext(fs.readFileSync(p, 'utf8'), { filename: p });
  };
  process.env.LITERT_GLUE_JS = glue; // read by litert-pthread-worker.cjs
  const keep = (t) => !/^(INFO: |WARNING: \[npu_registry)/.test(String(t));
  const err = (t) => { if (keep(t)) process.stderr.write(t + '\n'); };
  globalThis.Module = { locateFile: (f) => wasmDir + f, mainScriptUrlOrBlob: path.join(HERE, 'litert-pthread-worker.cjs'), print: err, printErr: err };
  const mod = await import(path.join(ROOT, 'node_modules/@litertjs/core/dist/index.js'));
  const origErr = console.error, origWarn = console.warn;
  console.error = (...a) => { if (!String(a[0]).includes('WebGPU')) origErr(...a); };
  console.warn = (...a) => { if (!String(a[0]).includes('WebGPU')) origWarn(...a); };
  try { await mod.loadLiteRt(glue); } finally { console.error = origErr; console.warn = origWarn; }
  return mod;
}

async function openLitert(o) {
  const t0 = performance.now();
  if (!lrt) lrt = await loadLitert(o.build);
  const initMs = performance.now() - t0;
  const bytes = new Uint8Array(fs.readFileSync(o.model));
  const t1 = performance.now();
  const model = await lrt.loadAndCompile(bytes, { accelerator: 'wasm', cpuOptions: { numThreads: o.threads } });
  const createMs = performance.now() - t1;
  // A dynamic (-1) dimension reads as -1 here; use 1, as the model's `shape` field (and tflite-ts) does.
  const details = model.getInputDetails().map((d) => ({ dtype: d.dtype, shape: [...d.shape].map((x) => (x < 0 ? 1 : x)) }));
  const tensors = seededInputs(details, o.seed).map((a, i) => new lrt.Tensor(a, details[i].shape));
  let outInfo = null;
  return {
    version: require('@litertjs/core/package.json').version, build: BUILDS[o.build].replace('.js', '.wasm'), initMs, createMs, inputs: details,
    async run() {
      const res = await model.run(tensors);
      const out = res.map((t) => t.toTypedArray().slice());
      if (!outInfo) {
        const od = model.getOutputDetails();
        outInfo = res.map((t, i) => ({ dtype: od[i]?.dtype, shape: [...t.type.layout.dimensions] }));
      }
      res.forEach((t) => t.delete());
      return out;
    },
    outputs: () => outInfo,
  };
}

// ---------------------------------------------------------------- tfjs-tflite
async function openTfjsTflite(o) {
  const wasmDir = path.join(ROOT, 'node_modules/@tensorflow/tfjs-tflite/wasm');
  let glue = null;
  const t0 = performance.now();
  globalThis.self = globalThis;
  globalThis.location = { origin: 'file://', href: 'file://' + wasmDir + '/' };
  globalThis.require = require;
  globalThis.__dirname = wasmDir;
  globalThis.importScripts = (url) => {
    const p = url.startsWith('file://') ? fileURLToPath(url) : url;
    glue = p;
    globalThis.__filename = p;
    vm.runInThisContext(fs.readFileSync(p, 'utf8'), { filename: p });
    // The old Emscripten glue would fetch() the .wasm (fails on file paths): hand it the bytes.
    const factory = globalThis.tflite_web_api_ModuleFactory;
    const wasmBinary = fs.readFileSync(p.replace(/\.js$/, '.wasm'));
    globalThis.tflite_web_api_ModuleFactory = (m) => factory({ ...m, wasmBinary });
  };
  globalThis.SharedArrayBuffer = undefined; // the loader would look for a threaded build the package lacks
  require('@tensorflow/tfjs-core');
  const origWarn = console.warn;
  console.warn = () => {};
  const tfl = require('@tensorflow/tfjs-tflite');
  console.warn = origWarn;
  tfl.setWasmPath(wasmDir + '/');
  const bytes = fs.readFileSync(o.model);
  const load = () => tfl.loadTFLiteModel(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { numThreads: o.threads });
  // The wasm is loaded by the first loadTFLiteModel: that load counts as init (as loading the
  // runtime does for LiteRT.js), a second one as create.
  (await load()).modelRunner.cleanUp();
  const initMs = performance.now() - t0;
  const t1 = performance.now();
  const m = await load();
  const createMs = performance.now() - t1;
  const runner = m.modelRunner; // the raw TFLite interpreter's I/O
  const shapeOf = (t) => (t.shape === '' ? [] : t.shape.split(',').map(Number));
  const details = runner.getInputs().map((t) => ({ dtype: t.dataType, shape: shapeOf(t) }));
  const arrays = seededInputs(details, o.seed);
  return {
    version: require('@tensorflow/tfjs-tflite/package.json').version, build: path.basename(glue ?? 'tflite_web_api_cc.js').replace('.js', '.wasm'), initMs, createMs, inputs: details,
    async run() {
      runner.getInputs().forEach((t, i) => t.data().set(arrays[i]));
      if (!runner.infer()) throw new Error('tfjs-tflite: infer() returned false');
      return runner.getOutputs().map((t) => t.data().slice());
    },
    outputs: () => runner.getOutputs().map((t) => ({ dtype: t.dataType, shape: shapeOf(t) })),
  };
}

// ---------------------------------------------------------------- tflite-ts
let tfl = null;
async function openTflite(o) {
  const t0 = performance.now();
  if (!tfl) {
    tfl = await import(path.join(ROOT, 'dist/cli/common.js'));
    // Compiling the wasm kernels is loading the runtime, as LiteRT.js's module load is on its side.
    const { compileWasmKernels } = await import(path.join(ROOT, 'dist/wasm/loader.js'));
    await compileWasmKernels();
  }
  const initMs = performance.now() - t0;
  const bytes = new Uint8Array(fs.readFileSync(o.model));
  const t1 = performance.now();
  // The CLI's interpreter: every builtin and MediaPipe op, wasm SIMD tier unless TFLITE_TIER says otherwise.
  const tier = process.env.TFLITE_TIER ?? 'auto';
  const interpreter = await tfl.createCliInterpreter(bytes, tier, o.threads);
  interpreter.allocateTensors();
  const createMs = performance.now() - t1;
  const details = interpreter.getInputDetails().map((d) => ({ dtype: d.dtype, shape: [...d.shape] }));
  const arrays = seededInputs(details, o.seed);
  return {
    version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, build: `dist (tier ${tier})`, initMs, createMs, inputs: details,
    async run() {
      return interpreter.run(arrays);
    },
    outputs: () => interpreter.getOutputDetails().map((d) => ({ dtype: d.dtype, shape: d.shape })),
  };
}

// ---------------------------------------------------------------- protocol
let rt = null;

async function open(o) {
  rt = side === 'litert' ? await openLitert(o) : side === 'tfjs-tflite' ? await openTfjsTflite(o) : await openTflite(o);
  const t = performance.now();
  const first = await rt.run();
  const firstRunMs = performance.now() - t;
  let warmupRuns = 0;
  const tw = performance.now();
  // >= warmupRuns runs and >= warmupMs (V8 tiers wasm and JS up in the background), but a model
  // whose runs take seconds stops after 20 s with at least 2 runs.
  while (warmupRuns < o.warmupRuns || performance.now() - tw < o.warmupMs) {
    if (warmupRuns >= 2 && performance.now() - tw > 20_000) break;
    await rt.run();
    warmupRuns++;
  }
  const warmupMs = performance.now() - tw;
  const total = first.reduce((a, x) => a + x.length, 0);
  const info = rt.outputs();
  const outputs = info.map((x, i) => ({
    ...x,
    values: total <= o.maxOutputValues ? Array.from(first[i], (v) => (typeof v === 'bigint' ? Number(v) : Number.isNaN(v) ? 'NaN' : v)) : null,
  }));
  return {
    runtime: side, version: rt.version, build: rt.build, initMs: rt.initMs, createMs: rt.createMs, firstRunMs, coldMs: rt.createMs + firstRunMs,
    warmupRuns, warmupMs, warmupAvgMs: warmupMs / Math.max(1, warmupRuns), inputs: rt.inputs, outputs,
  };
}

async function run(n) {
  const times = [];
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await rt.run();
    times.push(performance.now() - t);
  }
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(cpu0);
  return { times, cpuMs: (c.user + c.system) / 1000, wallMs };
}

process.on('message', async (m) => {
  try {
    if (m.cmd === 'exit') process.exit(0);
    const r = m.cmd === 'open' ? await open(m) : m.cmd === 'run' ? await run(m.n) : (() => { throw new Error(`unknown command ${m.cmd}`); })();
    process.send({ ok: true, ...r });
  } catch (e) {
    process.send({ ok: false, error: String(e?.message ?? e).split('\n')[0] });
  }
});
process.on('disconnect', () => process.exit(0));
