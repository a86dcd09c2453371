// The writable TFLite object model (plain objects mirroring schema.fbs) and its
// reader and writer. The converter, the quantizer and the tests build models with it.
import { FbReader, FbTable, FbWriter, fbTable, type FbField, type FbValue, type ScalarKind } from './flatbuffer.js';
import { BUILTIN_OPTIONS, BUILTIN_OPTIONS_2, type OptionsSpec, type FieldSpec } from './generated.js';
import { ModelError } from '../errors.js';

export type OptionValue = number | boolean | string | number[] | null;
export type OptionsObject = Record<string, OptionValue>;

export interface OperatorCodeT {
  /** max(deprecatedBuiltinCode, builtinCode) is the real code; see `opcodeBuiltin`. */
  builtinCode: number;
  deprecatedBuiltinCode: number;
  customCode: string | null;
  version: number;
}

export interface QuantizationT {
  min: number[] | null;
  max: number[] | null;
  scale: number[] | null;
  zeroPoint: number[] | null;
  quantizedDimension: number;
}

export interface SparseIndexVectorT {
  /** 1 = Int32Vector, 2 = Uint16Vector, 3 = Uint8Vector. */
  type: number;
  values: number[];
}

export interface DimensionMetadataT {
  /** 0 = DENSE, 1 = SPARSE_CSR. */
  format: number;
  denseSize: number;
  arraySegments: SparseIndexVectorT | null;
  arrayIndices: SparseIndexVectorT | null;
}

export interface SparsityT {
  traversalOrder: number[];
  blockMap: number[];
  dimMetadata: DimensionMetadataT[];
}

export interface TensorT {
  shape: number[];
  type: number;
  buffer: number;
  name: string | null;
  quantization: QuantizationT | null;
  isVariable: boolean;
  sparsity: SparsityT | null;
  shapeSignature: number[] | null;
  hasRank: boolean;
}

export interface OperatorT {
  opcodeIndex: number;
  inputs: number[];
  outputs: number[];
  builtinOptionsType: number;
  builtinOptions: OptionsObject | null;
  builtinOptions2Type: number;
  builtinOptions2: OptionsObject | null;
  customOptions: Uint8Array | null;
  customOptionsFormat: number;
  mutatingVariableInputs: boolean[];
  intermediates: number[];
}

export interface SubGraphT {
  tensors: TensorT[];
  inputs: number[];
  outputs: number[];
  operators: OperatorT[];
  name: string | null;
}

export interface BufferT {
  /** Inline data, or the bytes the offset/size layout (models over 2 GB) points to. */
  data: Uint8Array | null;
}

export interface MetadataT {
  name: string | null;
  buffer: number;
}

export interface TensorMapT {
  name: string | null;
  tensorIndex: number;
}

export interface SignatureDefT {
  inputs: TensorMapT[];
  outputs: TensorMapT[];
  signatureKey: string | null;
  subgraphIndex: number;
}

export interface ModelT {
  version: number;
  operatorCodes: OperatorCodeT[];
  subgraphs: SubGraphT[];
  description: string | null;
  buffers: BufferT[];
  metadataBuffer: number[];
  metadata: MetadataT[];
  signatureDefs: SignatureDefT[];
}

export const FILE_IDENTIFIER = 'TFL3';
export const SCHEMA_VERSION = 3;

/** The builtin code of an operator code (schema v3a split it over two fields). */
export function opcodeBuiltin(code: OperatorCodeT): number {
  return Math.max(code.builtinCode, code.deprecatedBuiltinCode);
}

// ---------------------------------------------------------------- reading

/** Parses a .tflite file into the object model. Buffers are views into `bytes`. */
export function readModel(bytes: Uint8Array): ModelT {
  const r = new FbReader(bytes);
  const m = r.root(FILE_IDENTIFIER, 'model');
  const model: ModelT = {
    version: m.scalar(0, 'uint32', 0),
    operatorCodes: m.tables(1, 'operator_codes').map(readOperatorCode),
    subgraphs: m.tables(2, 'subgraphs').map(readSubGraph),
    description: m.string(3, 'description'),
    buffers: m.tables(4, 'buffers').map((b) => readBuffer(b, bytes)),
    metadataBuffer: m.numbers(5, 'int32', 'metadata_buffer') ?? [],
    metadata: m.tables(6, 'metadata').map((t) => ({ name: t.string(0, 'name'), buffer: t.scalar(1, 'uint32', 0) })),
    signatureDefs: m.tables(7, 'signature_defs').map(readSignatureDef),
  };
  if (model.version !== SCHEMA_VERSION) throw new ModelError(`model.version: schema version ${model.version} is not supported (expected ${SCHEMA_VERSION})`);
  return model;
}

function readOperatorCode(t: FbTable): OperatorCodeT {
  return {
    deprecatedBuiltinCode: t.scalar(0, 'int8', 0),
    customCode: t.string(1, 'custom_code'),
    version: t.scalar(2, 'int32', 1),
    builtinCode: t.scalar(3, 'int32', 0),
  };
}

function readSubGraph(t: FbTable): SubGraphT {
  return {
    tensors: t.tables(0, 'tensors').map(readTensor),
    inputs: t.numbers(1, 'int32', 'inputs') ?? [],
    outputs: t.numbers(2, 'int32', 'outputs') ?? [],
    operators: t.tables(3, 'operators').map(readOperator),
    name: t.string(4, 'name'),
  };
}

function readTensor(t: FbTable): TensorT {
  const q = t.table(4, 'quantization');
  const s = t.table(6, 'sparsity');
  return {
    shape: t.numbers(0, 'int32', 'shape') ?? [],
    type: t.scalar(1, 'int8', 0),
    buffer: t.scalar(2, 'uint32', 0),
    name: t.string(3, 'name'),
    quantization: q === null ? null : {
      min: q.numbers(0, 'float32', 'min'),
      max: q.numbers(1, 'float32', 'max'),
      scale: q.numbers(2, 'float32', 'scale'),
      zeroPoint: q.numbers(3, 'int64', 'zero_point'),
      quantizedDimension: q.scalar(6, 'int32', 0),
    },
    isVariable: t.bool(5),
    sparsity: s === null ? null : readSparsity(s),
    shapeSignature: t.numbers(7, 'int32', 'shape_signature'),
    hasRank: t.bool(8),
  };
}

const INDEX_VECTOR_KIND: Record<number, ScalarKind> = { 1: 'int32', 2: 'uint16', 3: 'uint8' };

function readIndexVector(t: FbTable, typeId: number, id: number, name: string): SparseIndexVectorT | null {
  const type = t.scalar(typeId, 'uint8', 0);
  if (type === 0) return null;
  const kind = INDEX_VECTOR_KIND[type];
  if (kind === undefined) throw new ModelError(`${t.path}.${name}: unknown SparseIndexVector type ${type}`);
  const v = t.table(id, name);
  return { type, values: v?.numbers(0, kind, 'values') ?? [] };
}

function readSparsity(t: FbTable): SparsityT {
  return {
    traversalOrder: t.numbers(0, 'int32', 'traversal_order') ?? [],
    blockMap: t.numbers(1, 'int32', 'block_map') ?? [],
    dimMetadata: t.tables(2, 'dim_metadata').map((d) => ({
      format: d.scalar(0, 'int8', 0),
      denseSize: d.scalar(1, 'int32', 0),
      arraySegments: readIndexVector(d, 2, 3, 'array_segments'),
      arrayIndices: readIndexVector(d, 4, 5, 'array_indices'),
    })),
  };
}

function readOptions(t: FbTable, spec: OptionsSpec): OptionsObject {
  const o: OptionsObject = {};
  for (const f of spec.fields) o[f.name] = readOptionField(t, f);
  return o;
}

function readOptionField(t: FbTable, f: FieldSpec): OptionValue {
  switch (f.type) {
    case 'string': return t.string(f.id, f.name);
    case 'bool': return t.bool(f.id, f.default === true);
    default:
      if (f.type.startsWith('[')) {
        const kind = f.type.slice(1, -1) as ScalarKind;
        return t.numbers(f.id, kind, f.name);
      }
      return t.scalar(f.id, f.type as ScalarKind, typeof f.default === 'number' ? f.default : 0);
  }
}

function unionOptions(t: FbTable, typeId: number, id: number, table: readonly (OptionsSpec | null)[], name: string): [number, OptionsObject | null] {
  const type = t.scalar(typeId, 'uint8', 0);
  if (type === 0) return [0, null];
  const spec = table[type];
  if (spec === undefined || spec === null) throw new ModelError(`${t.path}.${name}: unknown options type ${type}`);
  const opts = t.table(id, name);
  return [type, opts === null ? null : readOptions(opts, spec)];
}

function readOperator(t: FbTable): OperatorT {
  const [builtinOptionsType, builtinOptions] = unionOptions(t, 3, 4, BUILTIN_OPTIONS, 'builtin_options');
  const [builtinOptions2Type, builtinOptions2] = unionOptions(t, 11, 12, BUILTIN_OPTIONS_2, 'builtin_options_2');
  let customOptions = t.bytes(5, 'custom_options');
  const largeOffset = t.scalar(9, 'uint64', 0);
  const largeSize = t.scalar(10, 'uint64', 0);
  if (customOptions === null && largeOffset > 0) {
    t.r.check(largeOffset, largeSize, `${t.path}.large_custom_options`);
    customOptions = t.r.bytes.subarray(largeOffset, largeOffset + largeSize);
  }
  return {
    opcodeIndex: t.scalar(0, 'uint32', 0),
    inputs: t.numbers(1, 'int32', 'inputs') ?? [],
    outputs: t.numbers(2, 'int32', 'outputs') ?? [],
    builtinOptionsType, builtinOptions, builtinOptions2Type, builtinOptions2,
    customOptions,
    customOptionsFormat: t.scalar(6, 'int8', 0),
    mutatingVariableInputs: (t.numbers(7, 'bool', 'mutating_variable_inputs') ?? []).map((x) => x !== 0),
    intermediates: t.numbers(8, 'int32', 'intermediates') ?? [],
  };
}

function readBuffer(t: FbTable, bytes: Uint8Array): BufferT {
  const data = t.bytes(0, 'data');
  if (data !== null && data.length > 0) return { data };
  const offset = t.scalar(1, 'uint64', 0);
  const size = t.scalar(2, 'uint64', 0);
  if (offset > 1) {
    // The >2 GB layout stores buffer data after the flatbuffer, at `offset` from the file start.
    t.r.check(offset, size, `${t.path} (offset/size data)`);
    return { data: bytes.subarray(offset, offset + size) };
  }
  return { data: data !== null && data.length > 0 ? data : null };
}

function readSignatureDef(t: FbTable): SignatureDefT {
  const maps = (id: number, name: string): TensorMapT[] =>
    t.tables(id, name).map((m) => ({ name: m.string(0, 'name'), tensorIndex: m.scalar(1, 'uint32', 0) }));
  return {
    inputs: maps(0, 'inputs'),
    outputs: maps(1, 'outputs'),
    signatureKey: t.string(2, 'signature_key'),
    subgraphIndex: t.scalar(4, 'uint32', 0),
  };
}

// ---------------------------------------------------------------- writing

const scalarField = (id: number, type: ScalarKind, value: number, def = 0): FbField | null =>
  value === def ? null : { id, type, value };
const offsetField = (id: number, value: FbValue | null): FbField | null => (value === null ? null : { id, type: 'offset', value });
const str = (s: string | null): FbValue | null => (s === null ? null : { kind: 'string', value: s });
const nums = (type: ScalarKind, v: ArrayLike<number> | null): FbValue | null => (v === null ? null : { kind: 'scalars', type, value: v });

export interface WriteOptions {
  /**
   * Store buffer data after the flatbuffer, addressed by Buffer.offset/size (the layout TFLite uses
   * for models over 2 GB) instead of inline. Default false.
   */
  externalBuffers?: boolean;
}

/** Serializes the object model to .tflite bytes (buffer data inline and 16-byte aligned, or external). */
export function writeModel(model: ModelT, options: WriteOptions = {}): Uint8Array {
  if (!options.externalBuffers) return writeFlatbuffer(model, null);
  // Offsets and sizes are fixed-width fields: a first pass with placeholders gives the flatbuffer's
  // length, the second writes the real offsets into a flatbuffer of the same length.
  const placeholders = model.buffers.map((b) => (b.data !== null && b.data.length > 0 ? { offset: 2, size: b.data.length } : null));
  const length = writeFlatbuffer(model, placeholders).length;
  let at = alignTo(length, 16);
  const layout = model.buffers.map((b) => {
    if (b.data === null || b.data.length === 0) return null;
    const place = { offset: at, size: b.data.length };
    at = alignTo(at + b.data.length, 16);
    return place;
  });
  const fb = writeFlatbuffer(model, layout);
  const out = new Uint8Array(at);
  out.set(fb);
  model.buffers.forEach((b, i) => { if (layout[i]) out.set(b.data!, layout[i]!.offset); });
  return out;
}

const alignTo = (n: number, a: number): number => Math.ceil(n / a) * a;

function writeFlatbuffer(model: ModelT, external: ({ offset: number; size: number } | null)[] | null): Uint8Array {
  const root = fbTable([
    { id: 0, type: 'uint32', value: model.version },
    offsetField(1, { kind: 'tables', value: model.operatorCodes.map(writeOperatorCode) }),
    offsetField(2, { kind: 'tables', value: model.subgraphs.map(writeSubGraph) }),
    offsetField(3, str(model.description)),
    offsetField(4, { kind: 'tables', value: model.buffers.map((b, i) => (external === null ? writeBuffer(b) : writeExternalBuffer(external[i] ?? null))) }),
    model.metadataBuffer.length ? offsetField(5, nums('int32', model.metadataBuffer)) : null,
    model.metadata.length ? offsetField(6, { kind: 'tables', value: model.metadata.map((m) => fbTable([offsetField(0, str(m.name)), scalarField(1, 'uint32', m.buffer)])) }) : null,
    model.signatureDefs.length ? offsetField(7, { kind: 'tables', value: model.signatureDefs.map(writeSignatureDef) }) : null,
  ]);
  return new FbWriter().finish(root, FILE_IDENTIFIER);
}

function writeOperatorCode(c: OperatorCodeT): FbValue {
  return fbTable([
    { id: 0, type: 'int8', value: Math.min(c.deprecatedBuiltinCode, 127) },
    offsetField(1, str(c.customCode)),
    { id: 2, type: 'int32', value: c.version },
    { id: 3, type: 'int32', value: c.builtinCode },
  ]);
}

function writeSubGraph(g: SubGraphT): FbValue {
  return fbTable([
    offsetField(0, { kind: 'tables', value: g.tensors.map(writeTensor) }),
    offsetField(1, nums('int32', g.inputs)),
    offsetField(2, nums('int32', g.outputs)),
    offsetField(3, { kind: 'tables', value: g.operators.map(writeOperator) }),
    offsetField(4, str(g.name)),
  ]);
}

function writeTensor(t: TensorT): FbValue {
  const q = t.quantization;
  return fbTable([
    offsetField(0, nums('int32', t.shape)),
    scalarField(1, 'int8', t.type),
    scalarField(2, 'uint32', t.buffer),
    offsetField(3, str(t.name)),
    q === null ? null : offsetField(4, fbTable([
      offsetField(0, nums('float32', q.min)),
      offsetField(1, nums('float32', q.max)),
      offsetField(2, nums('float32', q.scale)),
      offsetField(3, nums('int64', q.zeroPoint)),
      scalarField(6, 'int32', q.quantizedDimension),
    ])),
    t.isVariable ? { id: 5, type: 'bool', value: 1 } : null,
    t.sparsity === null ? null : offsetField(6, writeSparsity(t.sparsity)),
    offsetField(7, nums('int32', t.shapeSignature)),
    t.hasRank ? { id: 8, type: 'bool', value: 1 } : null,
  ]);
}

function writeIndexVector(v: SparseIndexVectorT | null, typeId: number, id: number): (FbField | null)[] {
  if (v === null) return [];
  const kind = INDEX_VECTOR_KIND[v.type];
  if (kind === undefined) throw new ModelError(`SparseIndexVector type ${v.type} cannot be written`);
  return [{ id: typeId, type: 'uint8', value: v.type }, offsetField(id, fbTable([offsetField(0, nums(kind, v.values))]))];
}

function writeSparsity(s: SparsityT): FbValue {
  return fbTable([
    offsetField(0, nums('int32', s.traversalOrder)),
    offsetField(1, nums('int32', s.blockMap)),
    offsetField(2, {
      kind: 'tables',
      value: s.dimMetadata.map((d) => fbTable([
        scalarField(0, 'int8', d.format),
        scalarField(1, 'int32', d.denseSize),
        ...writeIndexVector(d.arraySegments, 2, 3),
        ...writeIndexVector(d.arrayIndices, 4, 5),
      ])),
    }),
  ]);
}

function writeOptions(o: OptionsObject, spec: OptionsSpec): FbValue {
  const fields: (FbField | null)[] = [];
  for (const f of spec.fields) {
    const v = o[f.name];
    if (v === undefined || v === null) continue;
    if (f.type === 'string') fields.push(offsetField(f.id, str(String(v))));
    else if (f.type.startsWith('[')) fields.push(offsetField(f.id, nums(f.type.slice(1, -1) as ScalarKind, v as number[])));
    else {
      const n = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
      const def = f.default === true ? 1 : typeof f.default === 'number' ? f.default : 0;
      fields.push(scalarField(f.id, f.type as ScalarKind, n, def));
    }
  }
  return fbTable(fields);
}

function unionFields(type: number, opts: OptionsObject | null, typeId: number, id: number, table: readonly (OptionsSpec | null)[]): (FbField | null)[] {
  if (type === 0) return [];
  const spec = table[type];
  if (spec === undefined || spec === null) throw new ModelError(`options type ${type} cannot be written`);
  return [{ id: typeId, type: 'uint8', value: type }, offsetField(id, writeOptions(opts ?? {}, spec))];
}

function writeOperator(op: OperatorT): FbValue {
  return fbTable([
    scalarField(0, 'uint32', op.opcodeIndex),
    offsetField(1, nums('int32', op.inputs)),
    offsetField(2, nums('int32', op.outputs)),
    ...unionFields(op.builtinOptionsType, op.builtinOptions, 3, 4, BUILTIN_OPTIONS),
    offsetField(5, op.customOptions === null ? null : { kind: 'bytes', value: op.customOptions }),
    scalarField(6, 'int8', op.customOptionsFormat),
    op.mutatingVariableInputs.length ? offsetField(7, nums('bool', op.mutatingVariableInputs.map(Number))) : null,
    op.intermediates.length ? offsetField(8, nums('int32', op.intermediates)) : null,
    ...unionFields(op.builtinOptions2Type, op.builtinOptions2, 11, 12, BUILTIN_OPTIONS_2),
  ]);
}

function writeExternalBuffer(place: { offset: number; size: number } | null): FbValue {
  return fbTable(place === null ? [] : [{ id: 1, type: 'uint64', value: place.offset }, { id: 2, type: 'uint64', value: place.size }]);
}

function writeBuffer(b: BufferT): FbValue {
  return fbTable([b.data === null ? null : offsetField(0, { kind: 'bytes', value: b.data, align: 16 })]);
}

function writeSignatureDef(s: SignatureDefT): FbValue {
  const maps = (m: TensorMapT[]): FbValue => ({
    kind: 'tables',
    value: m.map((x) => fbTable([offsetField(0, str(x.name)), scalarField(1, 'uint32', x.tensorIndex)])),
  });
  return fbTable([
    offsetField(0, maps(s.inputs)),
    offsetField(1, maps(s.outputs)),
    offsetField(2, str(s.signatureKey)),
    scalarField(4, 'uint32', s.subgraphIndex),
  ]);
}
