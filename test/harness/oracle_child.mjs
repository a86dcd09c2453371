// Runs many models in the official runtimes in one process (loaded once):
//   node oracle_child.mjs JOBS.json RESULTS.json
// JOBS: [{runtime: 'litert'|'tfjs-tflite', model: path, inputs: [{dtype, shape, values}]}]
// RESULTS: [{ok: true, outputs: [{dtype, shape, values}]} | {ok: false, error}]
// Uses LiteRT.js's compat build (no relaxed SIMD flag needed) from this project's devDependencies.
import fs from 'node:fs';
import os from 'node:os';
import vm from 'node:vm';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const TYPED = {
  float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array, int16: Int16Array,
  int64: BigInt64Array, bool: Uint8Array, float64: Float64Array,
};
const plain = (a) => Array.from(a, (v) => (typeof v === 'bigint' ? Number(v) : Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'));
const typed = (dtype, values) => (TYPED[dtype] === BigInt64Array
  ? BigInt64Array.from(values, (v) => BigInt(v)) : TYPED[dtype].from(values, (v) => (typeof v === 'string' ? Number(v) : v)));

let litert = null;
async function openLitert() {
  if (litert) return litert;
  const wasmDir = path.join(ROOT, 'node_modules/@litertjs/core/wasm') + '/';
  const glue = wasmDir + 'litert_wasm_compat_internal.js';
  globalThis.self = globalThis;
  globalThis.require = require;
  if (!globalThis.navigator) globalThis.navigator = { hardwareConcurrency: os.availableParallelism() };
  globalThis.importScripts = (url) => {
    const p = url.startsWith('file://') ? fileURLToPath(url) : url;
    globalThis.__filename = p;
    globalThis.__dirname = path.dirname(p);
    vm.runInThisContext(fs.readFileSync(p, 'utf8'), { filename: p });
  };
  globalThis.Module = { locateFile: (f) => wasmDir + f, print: logError, printErr: logError };
  const lrt = await import(path.join(ROOT, 'node_modules/@litertjs/core/dist/index.js'));
  await lrt.loadLiteRt(glue);
  litert = lrt;
  return lrt;
}

// LiteRT.js logs prepare/invoke failures (to stderr, console or Module.printErr) and then returns
// garbage: collect those lines so the job fails.
const litertErrors = [];
const FAILURE = /failed to (prepare|invoke)|Failed to allocate|Node number \d+ .* failed/i;
function logError(...a) {
  const t = a.map(String).join(' ');
  if (FAILURE.test(t)) litertErrors.push(t.trim());
}
const quiet = () => {};
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => { logError(chunk); return FAILURE.test(String(chunk)) ? true : writeStderr(chunk, ...rest); };
console.error = logError;
console.warn = logError;

async function runLitert(job) {
  const lrt = await openLitert();
  litertErrors.length = 0;
  const model = await lrt.loadAndCompile(new Uint8Array(fs.readFileSync(job.model)), { accelerator: 'wasm', cpuOptions: { numThreads: 1 } });
  const ins = model.getInputDetails();
  const tensors = job.inputs.map((x, i) => new lrt.Tensor(typed(x.dtype, x.values), ins[i] ? [...ins[i].shape] : x.shape));
  try {
    const res = await model.run(tensors);
    if (litertErrors.length > 0) {
      res.forEach((t) => t.delete());
      throw new Error(`LiteRT.js: ${litertErrors.join(' | ')}`);
    }
    const outs = model.getOutputDetails();
    const out = res.map((t, i) => ({ dtype: outs[i]?.dtype, shape: [...t.type.layout.dimensions], values: plain(t.toTypedArray()) }));
    res.forEach((t) => t.delete());
    return out;
  } finally {
    tensors.forEach((t) => t.delete());
    model.delete?.();
  }
}

let tfl = null;
async function runTfjsTflite(job) {
  if (!tfl) {
    const wasmDir = path.join(ROOT, 'node_modules/@tensorflow/tfjs-tflite/wasm');
    globalThis.self = globalThis;
    globalThis.location = { origin: 'file://', href: 'file://' + wasmDir + '/' };
    globalThis.require = require;
    globalThis.__dirname = wasmDir;
    globalThis.importScripts = (url) => {
      const p = url.startsWith('file://') ? fileURLToPath(url) : url;
      globalThis.__filename = p;
      vm.runInThisContext(fs.readFileSync(p, 'utf8'), { filename: p });
      const factory = globalThis.tflite_web_api_ModuleFactory;
      const wasmBinary = fs.readFileSync(p.replace(/\.js$/, '.wasm'));
      globalThis.tflite_web_api_ModuleFactory = (m) => factory({ ...m, wasmBinary });
    };
    globalThis.SharedArrayBuffer = undefined; // single-threaded build
    require('@tensorflow/tfjs-core');
    const origWarn = console.warn; console.warn = () => {};
    tfl = require('@tensorflow/tfjs-tflite');
    console.warn = origWarn;
    tfl.setWasmPath(wasmDir + '/');
  }
  const bytes = fs.readFileSync(job.model);
  const m = await tfl.loadTFLiteModel(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { numThreads: 1 });
  const runner = m.modelRunner;
  const shapeOf = (t) => (t.shape === '' ? [] : t.shape.split(',').map(Number));
  runner.getInputs().forEach((t, i) => t.data().set(typed(job.inputs[i].dtype, job.inputs[i].values)));
  if (!runner.infer()) throw new Error('infer() returned false');
  const out = runner.getOutputs().map((t) => ({ dtype: t.dataType, shape: shapeOf(t), values: plain(t.data()) }));
  runner.cleanUp?.();
  return out;
}

const [jobsPath, outPath] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsPath, 'utf8'));
const results = [];
console.log = () => {};
for (const job of jobs) {
  try {
    const outputs = job.runtime === 'tfjs-tflite' ? await runTfjsTflite(job) : await runLitert(job);
    results.push({ ok: true, outputs });
  } catch (e) {
    results.push({ ok: false, error: String(e?.message ?? e).split('\n')[0] });
  }
}
fs.writeFileSync(outPath, JSON.stringify(results));
process.exit(0);
