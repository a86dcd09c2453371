// Builds single-op .tflite models from case-table entries with the project's own writer,
// plus the oracle's variant wrapped in CAST adapters for I/O dtypes LiteRT.js cannot map.
import { writeModel, BuiltinOperator, DTYPES, buildFlexbufferMap } from '../../dist/index.js';
import { optionsTypeForOp } from '../../dist/schema/op_options.js';

const TYPED = {
  float32: Float32Array, float64: Float64Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array,
  uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, bool: Uint8Array, float16: Uint16Array,
};
/** Model I/O dtypes LiteRT.js 2.5.3 maps; others go through a CAST adapter. */
const ORACLE_IO = new Set(['float32', 'int32', 'uint8']);
const ADAPT_TO = { float16: 'float32', float64: 'float32', int8: 'int32', int16: 'int32', int64: 'int32', bool: 'int32', uint16: 'int32', uint32: 'int32' };

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export function hashString(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const numel = (shape) => shape.reduce((a, b) => a * b, 1);

/** Seeded values for one tensor (float in `range`, default [-1,1]; ints in `range`, default [0,10)). */
export function randomData(spec, next) {
  const n = numel(spec.shape);
  const dt = spec.dtype;
  const T = TYPED[dt];
  if (!T) throw new Error(`cannot generate ${dt}`);
  const a = new T(n);
  const isFloat = dt === 'float32' || dt === 'float64';
  const [lo, hi] = spec.range ?? (isFloat ? [-1, 1] : dt === 'int8' ? [-128, 128] : dt === 'uint8' ? [0, 256] : dt === 'int16' ? [-32768, 32768] : dt === 'bool' ? [0, 2] : [0, 10]);
  for (let i = 0; i < n; i++) {
    const u = next() / 4294967296;
    if (dt === 'float16') a[i] = floatToHalfBits(lo + (hi - lo) * u);
    else if (isFloat) a[i] = lo + (hi - lo) * u;
    else if (dt === 'int64') a[i] = BigInt(Math.floor(lo + (hi - lo) * u));
    else a[i] = Math.floor(lo + (hi - lo) * u);
  }
  return a;
}

function floatToHalfBits(x) {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0];
  const s = (u >>> 16) & 0x8000, e = ((u >>> 23) & 0xff) - 112, m = u & 0x7fffff;
  if (e <= 0) return s;
  if (e >= 31) return s | 0x7c00;
  return s | (e << 10) | (m >>> 13);
}

export function toTyped(dtype, values) {
  const T = TYPED[dtype];
  if (!T) throw new Error(`unsupported dtype ${dtype}`);
  if (T === BigInt64Array) return BigInt64Array.from(values, (v) => BigInt(v));
  return T.from(values, (v) => (typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? Number(v) : v));
}

function bytesOf(typed) {
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength).slice();
}

function quantOf(q) {
  if (!q) return null;
  const scale = Array.isArray(q.scale) ? q.scale : [q.scale];
  const zp = Array.isArray(q.zeroPoint) ? q.zeroPoint : [q.zeroPoint ?? 0];
  return { min: null, max: null, scale, zeroPoint: zp, quantizedDimension: q.quantizedDimension ?? 0 };
}

/**
 * Builds the model for a case. Returns { bytes, oracleBytes, inputs: [{dtype, shape, values}] (graph inputs in
 * order, as tflite-ts takes them), oracleInputs (the same, as the oracle model takes them) }.
 */
export function buildCase(c, seed = hashString(c.name ?? 'case')) {
  const next = mulberry32(seed);
  const tensors = [];
  const buffers = [{ data: null }];
  const graphInputs = [];
  const inputValues = [];
  const opInputs = [];
  const addTensor = (spec, name, data) => {
    let buffer = 0;
    if (data) {
      buffers.push({ data: bytesOf(data) });
      buffer = buffers.length - 1;
    }
    tensors.push({
      shape: spec.shape ?? [], type: DTYPES.indexOf(spec.dtype), buffer, name, quantization: quantOf(spec.quant),
      isVariable: !!spec.variable, sparsity: spec.sparsity ?? null, shapeSignature: spec.shapeSignature ?? null, hasRank: false,
    });
    return tensors.length - 1;
  };
  (c.inputs ?? []).forEach((spec, i) => {
    if (spec === null) { opInputs.push(-1); return; }
    const values = spec.data !== undefined ? toTyped(spec.dtype, spec.data) : spec.variable ? null : randomData(spec, next);
    if (spec.constant) {
      opInputs.push(addTensor(spec, `const_${i}`, values));
    } else if (spec.variable) {
      opInputs.push(addTensor(spec, `var_${i}`, null));
    } else {
      const t = addTensor(spec, `input_${i}`, null);
      opInputs.push(t);
      graphInputs.push(t);
      inputValues.push({ dtype: spec.dtype, shape: spec.shape ?? [], values });
    }
  });
  const opOutputs = (c.outputs ?? []).map((spec, i) => addTensor({ shape: [], ...spec }, `output_${i}`, null));
  const opIntermediates = (c.intermediates ?? []).map((spec, i) => addTensor({ shape: [0], ...spec }, `intermediate_${i}`, null));
  let opcode;
  if (typeof c.op === 'object' && c.op.custom) {
    opcode = { builtinCode: BuiltinOperator.CUSTOM, deprecatedBuiltinCode: BuiltinOperator.CUSTOM, customCode: c.op.custom, version: c.version ?? 1 };
  } else {
    const code = BuiltinOperator[c.op];
    if (code === undefined) throw new Error(`unknown op ${c.op}`);
    opcode = { builtinCode: code, deprecatedBuiltinCode: Math.min(code, 127), customCode: null, version: c.version ?? 1 };
  }
  const optionsType = typeof c.op === 'string' ? optionsTypeForOp(c.op) : 0;
  const operator = {
    opcodeIndex: 0, inputs: opInputs, outputs: opOutputs,
    builtinOptionsType: c.options && optionsType ? optionsType : optionsType,
    builtinOptions: optionsType ? { ...(c.options ?? {}) } : null,
    builtinOptions2Type: 0, builtinOptions2: null,
    customOptions: c.customOptions instanceof Uint8Array ? c.customOptions
      : c.customOptions ? buildFlexbufferMap(c.customOptions) : null,
    customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: opIntermediates,
  };
  const model = {
    version: 3, operatorCodes: [opcode],
    subgraphs: [{ tensors, inputs: graphInputs, outputs: opOutputs, operators: [operator], name: 'main' }],
    description: 'tflite-ts test case', buffers, metadataBuffer: [], metadata: [], signatureDefs: [],
  };
  const bytes = writeModel(model);
  const { oracleModel, oracleInputs } = adaptForOracle(structuredClone(model), inputValues, c);
  return { bytes, oracleBytes: oracleModel ? writeModel(oracleModel) : bytes, inputs: inputValues, oracleInputs, model };
}

/** Wraps graph inputs/outputs of dtypes LiteRT.js cannot map in CAST ops. */
function adaptForOracle(model, inputValues, c) {
  const g = model.subgraphs[0];
  const needs = (idx) => !ORACLE_IO.has(DTYPES[g.tensors[idx].type]);
  if (c.oracle === 'tfjs-tflite' || (!g.inputs.some(needs) && !g.outputs.some(needs))) return { oracleModel: null, oracleInputs: inputValues };
  model.operatorCodes.push({ builtinCode: BuiltinOperator.CAST, deprecatedBuiltinCode: BuiltinOperator.CAST, customCode: null, version: 1 });
  const castCode = model.operatorCodes.length - 1;
  const cast = (from, to) => ({
    opcodeIndex: castCode, inputs: [from], outputs: [to], builtinOptionsType: 0, builtinOptions: null, builtinOptions2Type: 0,
    builtinOptions2: null, customOptions: null, customOptionsFormat: 0, mutatingVariableInputs: [], intermediates: [],
  });
  const before = [], after = [];
  const oracleInputs = [];
  g.inputs = g.inputs.map((idx, k) => {
    if (!needs(idx)) { oracleInputs.push(inputValues[k]); return idx; }
    const t = g.tensors[idx];
    const to = ADAPT_TO[DTYPES[t.type]];
    g.tensors.push({ ...t, type: DTYPES.indexOf(to), name: `${t.name}_oracle`, quantization: null });
    const n = g.tensors.length - 1;
    before.push(cast(n, idx));
    const v = inputValues[k];
    oracleInputs.push({ dtype: to, shape: v.shape, values: toTyped(to, Array.from(v.values, (x) => (v.dtype === 'float16' ? halfBitsToFloat(x) : Number(x)))) });
    return n;
  });
  g.outputs = g.outputs.map((idx) => {
    if (!needs(idx)) return idx;
    const t = g.tensors[idx];
    g.tensors.push({ ...t, type: DTYPES.indexOf(ADAPT_TO[DTYPES[t.type]]), name: `${t.name}_oracle`, quantization: null });
    const n = g.tensors.length - 1;
    after.push(cast(idx, n));
    return n;
  });
  g.operators = [...before, ...g.operators, ...after];
  return { oracleModel: model, oracleInputs };
}

export function halfBitsToFloat(h) {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}
