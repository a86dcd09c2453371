// Runs case tables (test/ops/*.cases.mjs): each case in tflite-ts and in the official runtime.
import { Interpreter, TfliteError, BuiltinOpResolver } from '../../dist/index.js';
import { registerMediaPipeOps } from '../../dist/mediapipe/index.js';
import { buildCase, halfBitsToFloat } from './model_builder.mjs';
import { runOracle } from './oracle.mjs';

export function runOurs(built) {
  const it = new Interpreter(built.bytes, { opResolver: registerMediaPipeOps(new BuiltinOpResolver()) });
  it.allocateTensors();
  const inputs = it.getInputDetails();
  built.inputs.forEach((x, i) => {
    if (x.shape.join() !== inputs[i].shape.join()) { it.resizeTensorInput(inputs[i].index, x.shape); it.allocateTensors(); }
  });
  built.inputs.forEach((x, i) => it.setTensor(inputs[i].index, x.values));
  it.invoke();
  return it.getOutputDetails().map((d) => ({ dtype: d.dtype, shape: shapeOf(it, d.index), values: it.getTensor(d.index) }));
}

function shapeOf(it, index) {
  return it.getTensorDetails()[index].shape;
}

const num = (v) => (typeof v === 'string' ? Number(v) : typeof v === 'bigint' ? Number(v) : v);

/** Compares one output; returns {ok, maxDiff, message}. */
export function compareTensor(ours, ref, { tolerance, dtype, exactInts = true } = {}) {
  const a = Array.from(ours.values, (v) => (dtype === 'float16' ? halfBitsToFloat(v) : num(v)));
  const b = Array.from(ref.values, num);
  if (ref.shape && ours.shape.join() !== ref.shape.join()) return { ok: false, maxDiff: Infinity, message: `shape [${ours.shape}] vs reference [${ref.shape}]` };
  if (a.length !== b.length) return { ok: false, maxDiff: Infinity, message: `${a.length} values vs reference ${b.length}` };
  let maxRef = 0;
  for (const v of b) if (Number.isFinite(v)) maxRef = Math.max(maxRef, Math.abs(v));
  const isFloat = ['float32', 'float64', 'float16'].includes(dtype);
  const tol = tolerance ?? (isFloat ? 1e-4 * Math.max(1, maxRef) : exactInts ? 0 : 1);
  let maxDiff = 0, worst = -1;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    const d = Math.abs(x - y);
    if (!(d <= maxDiff)) { maxDiff = Number.isNaN(d) ? Infinity : d; worst = i; }
  }
  const ok = maxDiff <= tol;
  return { ok, maxDiff, message: ok ? '' : `max diff ${maxDiff} > ${tol} at [${worst}]: ${a[worst]} vs ${b[worst]}` };
}

/**
 * Runs every case; returns [{name, ok, message, maxDiff}]. Cases without `expected` and with
 * oracle !== 'none' are batched into one oracle process.
 */
export function runCases(cases) {
  const results = [];
  const oracleJobs = [];
  for (const c of cases) {
    const res = { name: c.name, op: typeof c.op === 'string' ? c.op : c.op.custom, ok: false, message: '', maxDiff: 0 };
    results.push(res);
    let built;
    try {
      built = buildCase(c);
    } catch (e) {
      res.message = `building the model failed: ${e.stack ?? e}`;
      continue;
    }
    let ours;
    try {
      ours = runOurs(built);
    } catch (e) {
      if (c.error !== undefined) {
        res.ok = e instanceof TfliteError && String(e.message).includes(c.error);
        res.message = res.ok ? '' : `expected a TfliteError with '${c.error}', got ${e.name}: ${e.message}`;
      } else {
        res.message = `tflite-ts failed: ${e instanceof TfliteError ? e.message : e.stack}`;
      }
      continue;
    }
    if (c.error !== undefined) { res.message = `expected an error with '${c.error}', but it ran`; continue; }
    if (c.expected) {
      compareAll(res, c, ours, c.expected.map((values, i) => ({ values, shape: c.expectedShapes?.[i] ?? null })));
    } else if (c.oracle === 'none') {
      res.message = 'case has neither expected values nor an oracle';
    } else {
      // LiteRT.js sizes outputs from the model's declared shapes: declare the ones tflite-ts inferred.
      const declared = c.outputs.every((o) => o.shape) ? built
        : buildCase({ ...c, outputs: c.outputs.map((o, i) => ({ shape: ours[i]?.shape ?? [], ...o })) });
      if (c.outputs.some((o, i) => o.shape && o.shape.join() !== ours[i]?.shape.join())) {
        res.message = `output shapes [${ours.map((o) => `[${o.shape}]`)}] differ from the case's`;
        continue;
      }
      oracleJobs.push({ res, c, ours, job: { runtime: c.oracle ?? 'litert', bytes: declared.oracleBytes, inputs: declared.oracleInputs } });
    }
  }
  const oracleResults = runOracle(oracleJobs.map((j) => j.job));
  oracleJobs.forEach((j, k) => {
    const r = oracleResults[k];
    if (!r.ok) { j.res.message = `oracle failed: ${r.error}`; return; }
    compareAll(j.res, j.c, j.ours, r.outputs);
  });
  return results;
}

function compareAll(res, c, ours, refs) {
  if (refs.length !== ours.length) { res.message = `${ours.length} outputs vs reference ${refs.length}`; return; }
  const msgs = [];
  ours.forEach((o, i) => {
    const r = compareTensor(o, refs[i], { tolerance: c.tolerance, dtype: o.dtype });
    res.maxDiff = Math.max(res.maxDiff, r.maxDiff);
    if (!r.ok) msgs.push(`output ${i}: ${r.message}`);
  });
  res.ok = msgs.length === 0;
  res.message = msgs.join('; ');
}

export async function loadCaseFiles(files) {
  const all = [];
  for (const f of files) {
    const mod = await import(new URL(f, `file://${process.cwd()}/`).href);
    for (const c of mod.default) all.push({ ...c, file: f });
  }
  return all;
}
