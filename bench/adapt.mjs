// Makes a model comparable with an official runtime when LiteRT.js 2.5.3 cannot run it as it is, by
// rewriting it with tflite-ts's own writer; bench/compare.mjs then runs the SAME rewritten bytes
// on both sides and notes the rewrite in the row:
// - dynamic (-1) input dims: the input's shape signature is dropped, so its static shape (batch 1,
//   or STATIC_SHAPES) is the only one; LiteRT.js refuses a concrete tensor for a -1 dim;
// - graph I/O of dtypes LiteRT.js cannot map (int8, int16, int64, bool, …) gets adapter ops at the
//   graph's edge: a quantized int8 input is fed as uint8 through QUANTIZE (same scale, zero point
//   + 128: exact), a quantized int8/int16 output leaves through DEQUANTIZE to float32, anything
//   else through CAST to/from int32 (int64 ARG_MAX indices, bools) or float32 (float16, float64);
// - variable tensors (LiteRT.js refuses them): the model is run as it is against tfjs-tflite, the
//   oracle's second runtime (TFLite's own wasm build);
// - custom ops that neither side has: not comparable, with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { ROOT, LITERT_CUSTOM_OPS, LITERT_IO_DTYPES, displayName } from './lib.mjs';

const { readModel, writeModel, opcodeBuiltin } = await import(path.join(ROOT, 'dist/schema/model.js'));
const { DTYPES } = await import(path.join(ROOT, 'dist/types.js'));
const { BuiltinOperator, Interpreter } = await import(path.join(ROOT, 'dist/index.js'));

/** Models that cannot be compared, and why (beyond what the checks below find). */
const NOT_COMPARABLE = {
  'coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder.tflite': 'custom op PosenetDecoderOp (Coral\'s): neither LiteRT.js nor tflite-ts implements it',
  'coral/model_invoking_error.tflite': 'custom op fake-op-double, which always fails (a test of error reporting)',
};
/**
 * Static input shapes for dynamic inputs whose default shape is not a useful one:
 * melspectrogram's [1,1] is narrower than its first 512-wide VALID CONV_2D; openWakeWord feeds it
 * 80 ms of 16 kHz audio, [1,1280] (as test/api.test.mjs does).
 */
const STATIC_SHAPES = { 'openwakeword/melspectrogram.tflite': [[1, 1280]] };

/**
 * How to compare `modelPath`: `{ model, runtime: 'litert'|'tfjs-tflite', notes: string[] }` where
 * `model` is the path both sides run (the original, or a rewritten copy in a temp directory), or
 * `{ skip: reason }`.
 */
export function comparable(modelPath) {
  const name = displayName(modelPath);
  if (NOT_COMPARABLE[name]) return { skip: NOT_COMPARABLE[name] };
  const bytes = new Uint8Array(fs.readFileSync(modelPath));
  let m;
  try {
    m = readModel(bytes);
  } catch (e) {
    return { skip: `unreadable: ${e.message}` };
  }
  const g = m.subgraphs[0];
  if (!g) return { skip: 'no subgraph' };
  for (const code of m.operatorCodes) {
    if (opcodeBuiltin(code) === BuiltinOperator.CUSTOM && !LITERT_CUSTOM_OPS.has(code.customCode)) return { skip: `custom op ${code.customCode}` };
  }
  const notes = [];
  const staticShapes = fixInputShapes(g, STATIC_SHAPES[name], notes);
  if (staticShapes) fixOutputShapes(m, staticShapes);
  const runtime = m.subgraphs.some((s) => s.tensors.some((t) => t.isVariable)) ? 'tfjs-tflite' : 'litert';
  if (runtime === 'tfjs-tflite') notes.push('vs tfjs-tflite: LiteRT.js refuses variable tensors');
  const adapted = runtime === 'litert' && adaptIo(m, notes);
  if (staticShapes === null && !adapted) return { model: modelPath, runtime, notes };
  const out = writeModel(m);
  const hash = crypto.createHash('sha256').update(out).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), 'tflite-ts-compare');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(modelPath, '.tflite')}.${hash}.tflite`);
  fs.writeFileSync(file, out);
  return { model: file, runtime, notes };
}

/** Drops dynamic input dims (or sets `shapes`); returns the input shapes when any changed. */
function fixInputShapes(g, shapes, notes) {
  let changed = false;
  const all = g.inputs.map((t, k) => {
    const tensor = g.tensors[t];
    const sig = tensor.shapeSignature;
    const want = shapes?.[k] ?? tensor.shape;
    if (!sig?.includes(-1) && !shapes?.[k]) return tensor.shape;
    notes.push(`input ${k} static [${want}]${sig ? ` (signature [${sig}])` : ''}`);
    tensor.shape = [...want];
    tensor.shapeSignature = null;
    changed = true;
    return want;
  });
  return changed ? all : null;
}

/** Declares the output shapes tflite-ts computes for the new input shapes (as the file would). */
function fixOutputShapes(m, inputShapes) {
  const it = new Interpreter(writeModel(m));
  it.getInputDetails().forEach((d, k) => it.resizeTensorInput(d.index, inputShapes[k]));
  it.allocateTensors();
  const g = m.subgraphs[0];
  it.getOutputDetails().forEach((d, k) => { g.tensors[g.outputs[k]].shape = [...d.shape]; });
}

const castTo = (dtype) => (dtype.startsWith('float') ? 'float32' : 'int32');

/** Adapter ops around graph inputs/outputs whose dtype LiteRT.js cannot map; whether it added any. */
function adaptIo(m, notes) {
  const g = m.subgraphs[0];
  const dtypeOf = (t) => DTYPES[g.tensors[t].type];
  const codeIndex = (op) => {
    let i = m.operatorCodes.findIndex((c) => opcodeBuiltin(c) === op && c.customCode == null);
    if (i < 0) {
      m.operatorCodes.push({ builtinCode: op, deprecatedBuiltinCode: Math.min(op, 127), customCode: null, version: 1 });
      i = m.operatorCodes.length - 1;
    }
    return i;
  };
  const node = (op, from, to) => ({
    opcodeIndex: codeIndex(op), inputs: [from], outputs: [to], builtinOptionsType: 0, builtinOptions: null, builtinOptions2Type: 0,
    builtinOptions2: null, customOptions: null, customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: [],
  });
  const newTensor = (t, dtype, quantization, suffix) => {
    g.tensors.push({ ...g.tensors[t], type: DTYPES.indexOf(dtype), name: `${g.tensors[t].name ?? 't'}_${suffix}`, quantization, buffer: 0 });
    return g.tensors.length - 1;
  };
  const quant = (t) => {
    const q = g.tensors[t].quantization;
    return q?.scale?.length === 1 ? { scale: q.scale[0], zeroPoint: q.zeroPoint?.[0] ?? 0 } : null;
  };
  const before = [], after = [];
  g.inputs = g.inputs.map((t, k) => {
    const dt = dtypeOf(t);
    if (LITERT_IO_DTYPES.has(dt)) return t;
    const q = quant(t);
    if (dt === 'int8' && q) {
      const n = newTensor(t, 'uint8', { min: null, max: null, scale: [q.scale], zeroPoint: [q.zeroPoint + 128], quantizedDimension: 0 }, 'uint8');
      before.push(node(BuiltinOperator.QUANTIZE, n, t));
      notes.push(`input ${k} ${dt} fed as uint8 via QUANTIZE`);
      return n;
    }
    const to = castTo(dt);
    const n = newTensor(t, to, null, to);
    before.push(node(BuiltinOperator.CAST, n, t));
    notes.push(`input ${k} ${dt} fed as ${to} via CAST`);
    return n;
  });
  g.outputs = g.outputs.map((t, k) => {
    const dt = dtypeOf(t);
    if (LITERT_IO_DTYPES.has(dt)) return t;
    if ((dt === 'int8' || dt === 'int16') && quant(t)) {
      const n = newTensor(t, 'float32', null, 'float32');
      after.push(node(BuiltinOperator.DEQUANTIZE, t, n));
      notes.push(`output ${k} ${dt} read as float32 via DEQUANTIZE`);
      return n;
    }
    const to = castTo(dt);
    const n = newTensor(t, to, null, to);
    after.push(node(BuiltinOperator.CAST, t, n));
    notes.push(`output ${k} ${dt} read as ${to} via CAST`);
    return n;
  });
  if (before.length + after.length === 0) return false;
  g.operators = [...before, ...g.operators, ...after];
  // Signatures name the original I/O tensors: drop them rather than point them at the adapters.
  m.signatureDefs = [];
  return true;
}
