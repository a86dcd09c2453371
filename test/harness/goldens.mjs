// Runs a model from ../shared/models on its golden inputs and compares with the golden outputs.
import fs from 'node:fs';
import path from 'node:path';
import { Interpreter, BuiltinOpResolver } from '../../dist/index.js';
import { registerMediaPipeOps } from '../../dist/mediapipe/index.js';
import { fromJsonValue } from '../../dist/tools/io_json.js';

export const MODELS_DIR = path.resolve(import.meta.dirname, '../../../shared/models');

export function listGoldens() {
  if (!fs.existsSync(MODELS_DIR)) return [];
  const out = [];
  for (const dir of fs.readdirSync(MODELS_DIR).sort()) {
    const d = path.join(MODELS_DIR, dir);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).sort()) {
      if (!f.endsWith('.seed1.json')) continue;
      const model = path.join(d, f.replace('.seed1.json', '.tflite'));
      if (fs.existsSync(model)) out.push({ name: `${dir}/${f.replace('.seed1.json', '')}`, model, golden: path.join(d, f) });
    }
  }
  return out;
}

export function fullResolver() {
  const r = new BuiltinOpResolver();
  registerMediaPipeOps(r);
  return r;
}

/**
 * Returns per-output stats: {name, dtype, n, maxDiff, tol, exact (share of bit-equal elements), withinOneQuantum, ok}.
 * Float outputs: |a-b| ≤ 1e-3·max(1, max|golden|). Integer outputs: every element within 1 (one quantum).
 * `interpreterOptions` are added to the interpreter's options (e.g. the SIMD tier's `heap`).
 */
export function checkGolden(entry, { resolver = fullResolver(), interpreterOptions = {} } = {}) {
  const golden = JSON.parse(fs.readFileSync(entry.golden, 'utf8'));
  const it = new Interpreter(fs.readFileSync(entry.model), { ...interpreterOptions, opResolver: resolver });
  it.allocateTensors();
  const details = it.getInputDetails();
  let resized = false;
  golden.inputs.forEach((g, k) => {
    const d = details.find((x) => x.name === g.name) ?? details[k];
    if (d.shape.join() !== g.shape.join()) { it.resizeTensorInput(d.index, g.shape); resized = true; }
  });
  if (resized) it.allocateTensors();
  golden.inputs.forEach((g, k) => {
    const d = details.find((x) => x.name === g.name) ?? details[k];
    it.setTensor(d.index, g.values.map(fromJsonValue));
  });
  const t0 = performance.now();
  it.invoke();
  const ms = performance.now() - t0;
  const outs = it.getOutputDetails();
  const stats = golden.outputs.map((g, k) => {
    const d = outs.find((x) => x.name === g.name) ?? outs[k];
    const ours = Array.from(it.getTensor(d.index), Number);
    const ref = g.values.map(fromJsonValue);
    const isFloat = d.dtype.startsWith('float');
    let maxRef = 0;
    for (const v of ref) if (Number.isFinite(v)) maxRef = Math.max(maxRef, Math.abs(v));
    const tol = isFloat ? 1e-3 * Math.max(1, maxRef) : 1;
    let maxDiff = 0, exact = 0;
    if (ours.length !== ref.length) return { name: g.name, dtype: d.dtype, n: ref.length, maxDiff: Infinity, tol, exact: 0, ok: false, note: `${ours.length} values vs ${ref.length}` };
    for (let i = 0; i < ref.length; i++) {
      const a = ours[i], b = ref[i];
      if (a === b || (Number.isNaN(a) && Number.isNaN(b))) { exact++; continue; }
      maxDiff = Math.max(maxDiff, Number.isNaN(a - b) ? Infinity : Math.abs(a - b));
    }
    return { name: g.name, dtype: d.dtype, n: ref.length, maxDiff, tol, exact: exact / ref.length, ok: maxDiff <= tol };
  });
  return { stats, ms, arenaBytes: it.arenaBytes };
}
