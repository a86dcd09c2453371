#!/usr/bin/env node
// Bundle sizes: what an application ships when it bundles tflite-ts with esbuild (minified,
// tree-shaken, ESM), for the whole runtime and for builds that register only the ops a MobileNet
// needs (selective registration, as TFLite Micro's MicroMutableOpResolver). Every bundle is then
// imported and run on a MobileNet from ../shared/models, and its output checked against the
// model's golden: a size is only reported for a bundle that works.
//   node scripts/size-report.mjs [--json OUT] [--keep DIR]
// Needs `npm run build` first (bundles dist/). Sizes: bytes of the minified JS loaded up front
// (the wasm kernels are inside it as base64 strings; their share is reported apart) and gzip -9
// of it; apart, the lazy chunks (code splitting) that only numThreads > 1 loads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const MODELS = path.resolve(ROOT, '../shared/models');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const keep = args.includes('--keep') ? path.resolve(args[args.indexOf('--keep') + 1]) : null;

/** The ops of the MobileNet v1/v2 classifiers (float, uint8 and int8 alike). */
const MOBILENET_OPS = ['CONV_2D', 'DEPTHWISE_CONV_2D', 'ADD', 'AVERAGE_POOL_2D', 'MEAN', 'RESHAPE', 'SOFTMAX', 'QUANTIZE', 'DEQUANTIZE'];
/** Of those, the ops with a wasm SIMD kernel, and its factory in tflite-ts/simd. */
const SIMD_FACTORIES = {
  CONV_2D: 'conv2dSimd', DEPTHWISE_CONV_2D: 'depthwiseConv2dSimd', ADD: 'addSimd', AVERAGE_POOL_2D: 'averagePool2dSimd', MEAN: 'meanSimd',
  QUANTIZE: 'quantizeSimd', DEQUANTIZE: 'dequantizeSimd',
};

const d = (p) => JSON.stringify(path.join(DIST, p));

/**
 * Each entry exports `run(modelBytes, inputs)` → output arrays, so that the report can check the
 * bundle works. `src` is the entry module's text (imports from dist/).
 */
const ENTRIES = [
  {
    name: 'all ops, SIMD tier + threads (tflite-ts)',
    src: `import { Interpreter } from ${d('index.js')};
export async function run(bytes, inputs) {
  const it = await Interpreter.create(bytes, { numThreads: 1 });
  return invoke(it, inputs);
}`,
  },
  {
    name: 'all ops, reference tier (tflite-ts/core + BuiltinOpResolver)',
    src: `import { Interpreter } from ${d('core.js')};
import { BuiltinOpResolver } from ${d('interpreter/builtin_resolver.js')};
export async function run(bytes, inputs) {
  return invoke(new Interpreter(bytes, { opResolver: new BuiltinOpResolver() }), inputs);
}`,
  },
  {
    name: 'MobileNet ops, reference tier (tflite-ts/core + tflite-ts/kernels)',
    src: `import { Interpreter, MutableOpResolver } from ${d('core.js')};
import { ${MOBILENET_OPS.join(', ')} } from ${d('kernels/builtin_ops.js')};
export async function run(bytes, inputs) {
  const resolver = new MutableOpResolver();
${MOBILENET_OPS.map((op) => `  resolver.addBuiltin('${op}', ${op});`).join('\n')}
  return invoke(new Interpreter(bytes, { opResolver: resolver }), inputs);
}`,
  },
  {
    name: 'MobileNet ops, SIMD tier (+ tflite-ts/simd)',
    src: `import { Interpreter, MutableOpResolver } from ${d('core.js')};
import { ${MOBILENET_OPS.join(', ')} } from ${d('kernels/builtin_ops.js')};
import { loadWasmKernels, ${Object.values(SIMD_FACTORIES).join(', ')} } from ${d('simd.js')};
export async function run(bytes, inputs) {
  const wasm = await loadWasmKernels();
  const resolver = new MutableOpResolver();
${MOBILENET_OPS.map((op) => `  resolver.addBuiltin('${op}', ${SIMD_FACTORIES[op] ? `${SIMD_FACTORIES[op]}(wasm)` : op});`).join('\n')}
  return invoke(new Interpreter(bytes, { opResolver: resolver, heap: wasm.heap }), inputs);
}`,
  },
];

const INVOKE = `
function invoke(it, inputs) {
  it.allocateTensors();
  it.getInputDetails().forEach((d, i) => it.setTensor(d.index, inputs[i]));
  it.invoke();
  return it.getOutputDetails().map((d) => it.getTensor(d.index));
}`;

/** The golden models each bundle must run bit-exactly (uint8 and int8 MobileNet v2). */
const CHECKS = ['coral/mobilenet_v2_1.0_224_quant', 'coral/tf2_mobilenet_v2_1.0_224_ptq'];

const ARRAYS = { float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array };

function golden(name) {
  const g = JSON.parse(fs.readFileSync(path.join(MODELS, `${name}.seed1.json`), 'utf8'));
  return { bytes: fs.readFileSync(path.join(MODELS, `${name}.tflite`)), inputs: g.inputs.map((t) => ARRAYS[t.dtype].from(t.values)), outputs: g.outputs };
}

/** Base64 string literals of at least 4 KiB: the wasm modules embedded in the bundle. */
function wasmShare(code) {
  let bytes = 0;
  for (const m of code.matchAll(/["'`]([A-Za-z0-9+/=]{4096,})["'`]/g)) bytes += m[1].length;
  return bytes;
}

const tmp = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-size-'));
fs.mkdirSync(tmp, { recursive: true });
const checks = CHECKS.filter((n) => fs.existsSync(path.join(MODELS, `${n}.tflite`))).map((n) => ({ name: n, ...golden(n) }));
const rows = [];
for (const [i, entry] of ENTRIES.entries()) {
  const entryFile = path.join(tmp, `entry${i}.mjs`);
  fs.writeFileSync(entryFile, entry.src + INVOKE);
  const outdir = path.join(tmp, `bundle${i}`);
  const result = await esbuild.build({
    entryPoints: [entryFile], bundle: true, minify: true, format: 'esm', platform: 'neutral', target: 'es2022',
    splitting: true, outdir, write: true, metafile: true, logLevel: 'silent', entryNames: 'main',
    // Node built-ins are reached only through dynamic imports taken in Node (files, worker_threads).
    external: ['node:*'],
  });
  // The entry chunk (and the chunks it imports statically) load up front; dynamic imports
  // (the shared-memory kernels for threads, the worker) are lazy chunks.
  const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
  const main = outputs.find(([, o]) => o.entryPoint !== undefined);
  const eager = new Set([main[0]]);
  for (const [f, o] of outputs) if (eager.has(f)) for (const imp of o.imports) if (imp.kind === 'import-statement') eager.add(imp.path);
  const read = (f) => fs.readFileSync(path.resolve(f), 'utf8');
  const code = [...eager].map(read).join('');
  const lazy = outputs.filter(([f]) => !eager.has(f)).map(([f]) => read(f)).join('');
  const gz = zlib.gzipSync(code, { level: 9 }).length;
  const mod = await import(pathToFileURL(path.join(outdir, 'main.js')).href);
  const verified = [];
  for (const c of checks) {
    const out = await mod.run(c.bytes, c.inputs);
    c.outputs.forEach((g, k) => {
      if (out[k].length !== g.values.length || g.values.some((v, j) => out[k][j] !== v)) throw new Error(`${entry.name}: ${c.name} output ${k} differs from its golden`);
    });
    verified.push(c.name);
  }
  rows.push({
    name: entry.name, bytes: code.length, gzipBytes: gz, wasmBase64Bytes: wasmShare(code),
    lazyBytes: lazy.length, lazyWasmBase64Bytes: wasmShare(lazy), inputs: Object.keys(result.metafile.inputs).length, verified,
  });
}
if (!keep) fs.rmSync(tmp, { recursive: true, force: true });

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`esbuild ${esbuild.version}: minify, tree-shaking, ESM; node:* external`);
console.log(`${'bundle'.padEnd(68)} ${'min'.padStart(10)} ${'min+gzip'.padStart(10)} ${'wasm (b64)'.padStart(11)} ${'lazy'.padStart(10)}  modules`);
for (const r of rows) {
  const cells = [kb(r.bytes), kb(r.gzipBytes), kb(r.wasmBase64Bytes), kb(r.lazyBytes)];
  console.log(`${r.name.padEnd(68)} ${cells[0].padStart(10)} ${cells[1].padStart(10)} ${cells[2].padStart(11)} ${cells[3].padStart(10)}  ${String(r.inputs).padStart(7)}`);
}
console.log('min / min+gzip: the JS loaded up front (wasm kernels inside, base64); lazy: chunks loaded only for threads');
console.log(`each bundle ran ${checks.map((c) => c.name).join(' and ')} bit-exactly against the golden`);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ esbuild: esbuild.version, rows }, null, 1));
