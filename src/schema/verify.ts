// Semantic checks of a parsed model, run before the interpreter trusts any index or size.
// (The reader already bounds-checked every offset and vector length.)
import { ModelError } from '../errors.js';
import type { ModelT, OperatorT, SubGraphT, TensorT } from './model.js';
import { opcodeBuiltin } from './model.js';
import { BuiltinOperator } from './generated.js';
import { DTYPES, elementBytes, type DType } from '../types.js';

/** Largest tensor we agree to allocate, in elements (guards shape-product overflow). */
export const MAX_TENSOR_ELEMENTS = 2 ** 31 - 1;
const MAX_RANK = 16;

export function verifyModel(model: ModelT): void {
  if (model.subgraphs.length === 0) throw new ModelError('model.subgraphs: the model has no subgraph');
  model.operatorCodes.forEach((c, i) => {
    const path = `operator_codes[${i}]`;
    if (!Number.isInteger(c.version) || c.version < 1) throw new ModelError(`${path}.version: ${c.version} is not a valid op version`);
    if (opcodeBuiltin(c) < 0) throw new ModelError(`${path}.builtin_code: ${opcodeBuiltin(c)} is negative`);
  });
  model.subgraphs.forEach((g, i) => verifySubgraph(model, g, `subgraphs[${i}]`));
  model.metadata.forEach((m, i) => checkIndex(m.buffer, model.buffers.length, `metadata[${i}].buffer`, 'buffer'));
  model.signatureDefs.forEach((s, i) => {
    const path = `signature_defs[${i}]`;
    checkIndex(s.subgraphIndex, model.subgraphs.length, `${path}.subgraph_index`, 'subgraph');
    const g = model.subgraphs[s.subgraphIndex]!;
    s.inputs.forEach((m, j) => checkIndex(m.tensorIndex, g.tensors.length, `${path}.inputs[${j}].tensor_index`, 'tensor'));
    s.outputs.forEach((m, j) => checkIndex(m.tensorIndex, g.tensors.length, `${path}.outputs[${j}].tensor_index`, 'tensor'));
  });
  checkSubgraphCalls(model);
}

function checkIndex(i: number, n: number, path: string, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new ModelError(`${path}: ${what} ${i} out of range (${n === 0 ? 'there are none' : `0..${n - 1}`})`);
  }
}

function verifySubgraph(model: ModelT, g: SubGraphT, path: string): void {
  const nt = g.tensors.length;
  g.tensors.forEach((t, i) => verifyTensor(model, t, `${path}.tensors[${i}]`));
  g.inputs.forEach((t, i) => checkIndex(t, nt, `${path}.inputs[${i}]`, 'tensor'));
  g.outputs.forEach((t, i) => checkIndex(t, nt, `${path}.outputs[${i}]`, 'tensor'));
  g.operators.forEach((op, i) => verifyOperator(model, op, nt, `${path}.operators[${i}]`));
}

function verifyTensor(model: ModelT, t: TensorT, path: string): void {
  const dtype = DTYPES[t.type];
  if (dtype === undefined) throw new ModelError(`${path}.type: unknown tensor type ${t.type}`);
  checkIndex(t.buffer, Math.max(model.buffers.length, 1), `${path}.buffer`, 'buffer');
  if (t.shape.length > MAX_RANK) throw new ModelError(`${path}.shape: rank ${t.shape.length} exceeds ${MAX_RANK}`);
  let n = 1;
  for (const d of t.shape) {
    if (!Number.isInteger(d) || d < 0) throw new ModelError(`${path}.shape: dimension ${d} is negative`);
    n *= d;
  }
  if (n > MAX_TENSOR_ELEMENTS) throw new ModelError(`${path}.shape: [${t.shape}] has ${n} elements, more than ${MAX_TENSOR_ELEMENTS}`);
  if (t.shapeSignature !== null) {
    if (t.shapeSignature.length !== t.shape.length) throw new ModelError(`${path}.shape_signature: rank ${t.shapeSignature.length} differs from shape rank ${t.shape.length}`);
    t.shapeSignature.forEach((d, i) => {
      if (d !== -1 && d !== t.shape[i]) throw new ModelError(`${path}.shape_signature[${i}]: ${d} differs from shape ${t.shape[i]}`);
    });
  }
  const q = t.quantization;
  if (q !== null && q.scale !== null && q.scale.length > 1) {
    if (q.quantizedDimension < 0 || q.quantizedDimension >= t.shape.length) {
      throw new ModelError(`${path}.quantization.quantized_dimension: ${q.quantizedDimension} out of range for rank ${t.shape.length}`);
    }
    if (q.scale.length !== t.shape[q.quantizedDimension]) {
      throw new ModelError(`${path}.quantization: ${q.scale.length} scales for dimension of size ${t.shape[q.quantizedDimension]}`);
    }
    if (q.zeroPoint !== null && q.zeroPoint.length !== q.scale.length && q.zeroPoint.length !== 1) {
      throw new ModelError(`${path}.quantization: ${q.zeroPoint.length} zero points for ${q.scale.length} scales`);
    }
  }
  const data = model.buffers[t.buffer]?.data ?? null;
  if (data !== null && t.sparsity === null && t.buffer !== 0) {
    const eb = elementBytes(dtype as DType);
    if (eb > 0 && data.length !== n * eb) {
      throw new ModelError(`${path}: buffer ${t.buffer} holds ${data.length} bytes, ${dtype}[${t.shape}] needs ${n * eb}`);
    }
  }
  if (t.sparsity !== null) {
    const s = t.sparsity;
    if (s.dimMetadata.length !== s.traversalOrder.length) throw new ModelError(`${path}.sparsity: ${s.dimMetadata.length} dim_metadata for ${s.traversalOrder.length} traversal dims`);
    if (s.traversalOrder.length > MAX_RANK) throw new ModelError(`${path}.sparsity: too many dimensions`);
  }
}

function verifyOperator(model: ModelT, op: OperatorT, nt: number, path: string): void {
  checkIndex(op.opcodeIndex, model.operatorCodes.length, `${path}.opcode_index`, 'opcode');
  op.inputs.forEach((t, i) => { if (t !== -1) checkIndex(t, nt, `${path}.inputs[${i}]`, 'tensor'); });
  op.outputs.forEach((t, i) => { if (t !== -1) checkIndex(t, nt, `${path}.outputs[${i}]`, 'tensor'); });
  op.intermediates.forEach((t, i) => { if (t !== -1) checkIndex(t, nt, `${path}.intermediates[${i}]`, 'tensor'); });
  for (const [field, value] of subgraphRefs(model, op)) checkIndex(value, model.subgraphs.length, `${path}.builtin_options.${field}`, 'subgraph');
}

/** The subgraph indices an operator's options refer to (IF, WHILE, CALL_ONCE…). */
export function subgraphRefs(model: ModelT, op: OperatorT): [string, number][] {
  const code = model.operatorCodes[op.opcodeIndex];
  const o = op.builtinOptions;
  if (code === undefined || o === null) return [];
  const idx = (v: unknown): number => (typeof v === 'number' ? v : 0);
  switch (opcodeBuiltin(code)) {
    case BuiltinOperator.IF: return [['thenSubgraphIndex', idx(o.thenSubgraphIndex)], ['elseSubgraphIndex', idx(o.elseSubgraphIndex)]];
    case BuiltinOperator.WHILE: return [['condSubgraphIndex', idx(o.condSubgraphIndex)], ['bodySubgraphIndex', idx(o.bodySubgraphIndex)]];
    case BuiltinOperator.CALL_ONCE: return [['initSubgraphIndex', idx(o.initSubgraphIndex)]];
    default: return [];
  }
}

/** Subgraphs that call themselves, directly or not, would recurse forever. */
function checkSubgraphCalls(model: ModelT): void {
  const calls = model.subgraphs.map((g) => new Set(g.operators.flatMap((op) => subgraphRefs(model, op).map(([, v]) => v))));
  const state = new Uint8Array(model.subgraphs.length); // 0 new, 1 on stack, 2 done
  const visit = (i: number, chain: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new ModelError(`subgraphs[${i}]: control flow recursion (${[...chain, i].join(' -> ')})`);
    state[i] = 1;
    for (const j of calls[i]!) visit(j, [...chain, i]);
    state[i] = 2;
  };
  for (let i = 0; i < model.subgraphs.length; i++) visit(i, []);
}
