// The Interpreter: tf.lite.Interpreter's capabilities in TypeScript idiom.
import { ApiError, ModelError, TfliteError } from '../errors.js';
import { readModel, type ModelT } from '../schema/model.js';
import { verifyModel } from '../schema/verify.js';
import type { DType, TypedArray } from '../types.js';
import { storageOf } from '../types.js';
import { Subgraph } from './subgraph.js';
import { Heap } from '../memory/heap.js';
import { Tensor } from './tensor.js';
import type { OpResolver } from './op_resolver.js';
import type { OpProfiler, ResourceTable, SubgraphHost } from '../kernels/registration.js';

export interface InterpreterOptions {
  /** Kernels to run the model with. The `tflite-ts` entry defaults to every builtin. */
  opResolver?: OpResolver;
  /** Threads for kernels that split work (optimized tier); the reference tier runs on one. */
  numThreads?: number;
  /** WHILE loops stop with an error past this many iterations (hostile models never hang). Default 10,000,000. */
  maxLoopIterations?: number;
  /** Where tensors live; an optimized tier passes a heap over its WebAssembly.Memory. */
  heap?: Heap;
  /**
   * Which kernels `Interpreter.create` (from 'tflite-ts') picks when no `opResolver` is given:
   * 'auto' (default) the wasm SIMD tier where WebAssembly SIMD is available, else the reference
   * tier; 'simd' the SIMD tier or an error; 'reference' the plain TypeScript kernels. The
   * synchronous constructor always runs the reference tier unless given `heap` and `opResolver`.
   */
  tier?: 'auto' | 'reference' | 'simd';
}

export interface QuantizationDetails {
  scales: number[];
  zeroPoints: number[];
  quantizedDimension: number;
}

export interface TensorDetails {
  name: string;
  index: number;
  shape: number[];
  shapeSignature: number[];
  dtype: DType;
  quantization: QuantizationDetails;
}

export type TensorData = TypedArray | ArrayLike<number> | ArrayLike<bigint>;

export interface SignatureInfo {
  inputs: string[];
  outputs: string[];
}

type Source = Uint8Array | ArrayBuffer | string | URL;

/** Loads bytes from a Uint8Array, ArrayBuffer, file path (Node) or URL. */
export async function loadModelBytes(source: Source): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const isUrl = source instanceof URL || /^(https?|blob|data):/.test(source);
  if (isUrl && !(source instanceof URL && source.protocol === 'file:')) {
    const res = await fetch(source);
    if (!res.ok) throw new ApiError(`cannot fetch ${String(source)}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
  const fs = await import('node:fs/promises');
  try {
    return new Uint8Array(await fs.readFile(source));
  } catch (e) {
    throw new ApiError(`cannot read model ${String(source)}: ${(e as Error).message}`);
  }
}

class Resources implements ResourceTable {
  private readonly ids = new Map<string, number>();
  private readonly values = new Map<number, Tensor>();
  handle(container: string, sharedName: string): number {
    const key = `${container}\u0000${sharedName}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(key, id);
    }
    return id;
  }
  get(id: number): Tensor | undefined {
    return this.values.get(id);
  }
  set(id: number, value: Tensor): void {
    this.values.set(id, value);
  }
  clear(): void {
    this.values.clear();
  }
}

export class Interpreter {
  readonly model: ModelT;
  readonly modelBytes: Uint8Array;
  private readonly subgraphs: Subgraph[];
  private readonly resources = new Resources();
  /** The memory of every non-constant tensor (arenas, inputs, variables). */
  readonly heap: Heap;
  private disposed = false;
  /** Set to receive each node's eval time (subgraph, node, op, ms); null turns profiling off. */
  profiler: OpProfiler | null = null;
  readonly options: Readonly<InterpreterOptions>;

  /** Reads and verifies a model; call allocateTensors() before invoke(). */
  constructor(bytes: Uint8Array, options: InterpreterOptions) {
    if (!options.opResolver) throw new ApiError('an opResolver is required (import Interpreter from "tflite-ts" for all builtin ops)');
    this.options = options;
    this.modelBytes = bytes;
    this.model = readModel(bytes);
    verifyModel(this.model);
    const resolver = options.opResolver;
    const host = this.makeHost();
    this.heap = options.heap ?? new Heap();
    this.subgraphs = this.model.subgraphs.map((g, i) => new Subgraph(this.model, i, g, resolver, host, this.heap));
  }

  static async create(source: Source, options: InterpreterOptions = {}): Promise<Interpreter> {
    return new this(await loadModelBytes(source), options);
  }

  private makeHost(): SubgraphHost {
    const self = this;
    return {
      get count() { return self.subgraphs.length; },
      inputsOf: (i) => self.subgraphAt(i).inputs.map((t) => self.subgraphAt(i).tensors[t]!),
      outputsOf: (i) => self.subgraphAt(i).outputs.map((t) => self.subgraphAt(i).tensors[t]!),
      inputsUsed: (i) => self.subgraphAt(i).inputsUsed,
      prepare: (i, shapes) => {
        const g = self.subgraphAt(i);
        g.inputs.forEach((t, k) => { if (shapes[k]) g.resizeInput(t, shapes[k]!); });
        if (!g.allocated || g.needsAllocation) g.allocate();
      },
      invoke: (i) => self.subgraphAt(i).invoke(),
      resources: this.resources,
      get maxLoopIterations() { return self.options.maxLoopIterations ?? 10_000_000; },
      get profiler() { return self.profiler; },
    } as SubgraphHost;
  }

  private subgraphAt(i: number): Subgraph {
    const g = this.subgraphs[i];
    if (g === undefined) throw new ModelError(`subgraph ${i} out of range (0..${this.subgraphs.length - 1})`);
    return g;
  }

  private get primary(): Subgraph {
    this.checkAlive();
    return this.subgraphs[0]!;
  }

  private checkAlive(): void {
    if (this.disposed) throw new ApiError('the interpreter has been disposed');
  }

  /** Prepares every op and plans memory; needed after creation and after resizeTensorInput. */
  allocateTensors(): void {
    this.primary.allocate();
  }

  /** Runs the primary subgraph. */
  invoke(): void {
    const g = this.primary;
    if (!g.allocated) throw new ApiError('invoke() before allocateTensors()');
    g.invoke();
  }

  /** Bytes of the planned arena (shared by intermediate tensors) of the primary subgraph. */
  get arenaBytes(): number {
    return this.primary.arenaBytes;
  }

  get subgraphCount(): number {
    return this.subgraphs.length;
  }

  getInputDetails(): TensorDetails[] {
    const g = this.primary;
    return g.inputs.map((i) => details(g.tensors[i]!));
  }

  getOutputDetails(): TensorDetails[] {
    const g = this.primary;
    return g.outputs.map((i) => details(g.tensors[i]!));
  }

  getTensorDetails(): TensorDetails[] {
    return this.primary.tensors.map(details);
  }

  private tensorAt(index: number, g = this.primary): Tensor {
    const t = Number.isInteger(index) ? g.tensors[index] : undefined;
    if (t === undefined) throw new ApiError(`tensor index ${index} out of range (0..${g.tensors.length - 1})`);
    return t;
  }

  /** Copies `data` into tensor `index` (an input, usually); dtype and length are checked. */
  setTensor(index: number, data: TensorData): void {
    copyInto(this.tensorAt(index), data);
  }

  /** A copy of tensor `index`'s current contents. */
  getTensor(index: number): TypedArray {
    const t = this.tensorAt(index);
    checkReadable(t);
    return t.data.slice();
  }

  /** A zero-copy view of tensor `index`; valid until the next allocateTensors/resize. */
  tensor(index: number): TypedArray {
    const t = this.tensorAt(index);
    checkReadable(t);
    return t.data;
  }

  /** Changes an input's shape (dynamic dims); call allocateTensors() afterwards. */
  resizeTensorInput(index: number, shape: readonly number[], { strict = false } = {}): void {
    const g = this.primary;
    if (!g.inputs.includes(index)) throw new ApiError(`tensor ${index} is not an input`);
    const t = g.tensors[index]!;
    validateResize(t, shape, strict);
    g.resizeInput(index, shape);
  }

  /** Signature keys with their input and output names (tf.lite's get_signature_list). */
  getSignatureList(): Record<string, SignatureInfo> {
    this.checkAlive();
    const out: Record<string, SignatureInfo> = {};
    this.model.signatureDefs.forEach((s, i) => {
      out[s.signatureKey ?? `signature_${i}`] = {
        inputs: s.inputs.map((m) => m.name ?? ''),
        outputs: s.outputs.map((m) => m.name ?? ''),
      };
    });
    return out;
  }

  /** A runner for one signature; with no key, the only signature. */
  getSignatureRunner(key?: string): SignatureRunner {
    this.checkAlive();
    const defs = this.model.signatureDefs;
    const def = key === undefined ? (defs.length === 1 ? defs[0] : undefined) : defs.find((s, i) => (s.signatureKey ?? `signature_${i}`) === key);
    if (def === undefined) {
      const keys = defs.map((s) => s.signatureKey).join(', ');
      throw new ApiError(key === undefined ? `the model has ${defs.length} signatures (${keys}): name one` : `no signature '${key}' (have: ${keys || 'none'})`);
    }
    return new SignatureRunner(this, this.subgraphAt(def.subgraphIndex), def.inputs, def.outputs, () => this.checkAlive());
  }

  /** Zeroes every variable tensor and forgets resource variables. */
  resetAllVariables(): void {
    this.checkAlive();
    for (const g of this.subgraphs) g.resetVariables();
    this.resources.clear();
  }

  /**
   * Java-style run: sets the inputs (in order, or by name), invokes, returns the outputs.
   * When `outputs` is given, results are copied into those arrays too.
   */
  run(inputs: TensorData[] | Record<string, TensorData>, outputs?: TypedArray[]): TypedArray[] {
    const g = this.primary;
    const list = Array.isArray(inputs) ? inputs : g.inputs.map((i) => {
      const t = g.tensors[i]!;
      const v = inputs[t.name];
      if (v === undefined) throw new ApiError(`run(): no value for input '${t.name}'`);
      return v;
    });
    if (list.length !== g.inputs.length) throw new ApiError(`run(): ${list.length} inputs given, the model has ${g.inputs.length}`);
    if (!g.allocated) this.allocateTensors();
    list.forEach((v, k) => this.setTensor(g.inputs[k]!, v));
    this.invoke();
    const results = g.outputs.map((i) => g.tensors[i]!.data.slice());
    outputs?.forEach((o, k) => {
      const r = results[k];
      if (r === undefined || o.length !== r.length) throw new ApiError(`run(): output ${k} buffer has ${o.length} elements, the result has ${r?.length ?? 0}`);
      (o as { set(a: ArrayLike<number | bigint>): void }).set(r as ArrayLike<number | bigint>);
    });
    return results;
  }

  dispose(): void {
    this.disposed = true;
    this.resources.clear();
  }
}

export class SignatureRunner {
  constructor(
    private readonly interpreter: Interpreter,
    private readonly graph: Subgraph,
    private readonly inputMap: { name: string | null; tensorIndex: number }[],
    private readonly outputMap: { name: string | null; tensorIndex: number }[],
    private readonly checkAlive: () => void,
  ) {}

  getInputDetails(): Record<string, TensorDetails> {
    return Object.fromEntries(this.inputMap.map((m) => [m.name ?? '', details(this.graph.tensors[m.tensorIndex]!)]));
  }

  getOutputDetails(): Record<string, TensorDetails> {
    return Object.fromEntries(this.outputMap.map((m) => [m.name ?? '', details(this.graph.tensors[m.tensorIndex]!)]));
  }

  /**
   * Runs the signature: inputs by name (shapes of dynamic inputs follow `shapes`, or the data
   * length when only one dimension is dynamic), returns outputs by name.
   */
  run(inputs: Record<string, TensorData>, shapes: Record<string, number[]> = {}): Record<string, TypedArray> {
    this.checkAlive();
    for (const name of Object.keys(inputs)) {
      if (!this.inputMap.some((m) => m.name === name)) throw new ApiError(`signature has no input '${name}'`);
    }
    for (const m of this.inputMap) {
      const data = inputs[m.name ?? ''];
      if (data === undefined) throw new ApiError(`missing signature input '${m.name}'`);
      const t = this.graph.tensors[m.tensorIndex]!;
      const shape = shapes[m.name ?? ''] ?? inferShape(t, data.length);
      validateResize(t, shape, false);
      this.graph.resizeInput(m.tensorIndex, shape);
    }
    if (!this.graph.allocated || this.graph.needsAllocation) this.graph.allocate();
    for (const m of this.inputMap) copyInto(this.graph.tensors[m.tensorIndex]!, inputs[m.name ?? '']!);
    this.graph.invoke();
    return Object.fromEntries(this.outputMap.map((m) => [m.name ?? '', this.graph.tensors[m.tensorIndex]!.data.slice()]));
  }

  get interpreterInstance(): Interpreter {
    return this.interpreter;
  }
}

/** The input's shape with its dynamic dimension chosen so that `length` elements fit. */
function inferShape(t: Tensor, length: number): number[] {
  if (t.size === length) return t.shape;
  const sig = t.shapeSignature ?? t.shape;
  const dyn = sig.map((d, i) => (d === -1 ? i : -1)).filter((i) => i >= 0);
  if (dyn.length !== 1) throw new ApiError(`input '${t.name}': ${length} values do not fit shape [${t.shape}]; pass its shape`);
  const known = sig.reduce((a, d) => (d === -1 ? a : a * d), 1);
  if (known === 0 || length % known !== 0) throw new ApiError(`input '${t.name}': ${length} values do not fit shape [${sig}]`);
  const shape = [...t.shape];
  shape[dyn[0]!] = length / known;
  return shape;
}

function validateResize(t: Tensor, shape: readonly number[], strict: boolean): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) throw new ApiError(`resize of '${t.name}': invalid shape [${String(shape)}]`);
  if (strict) {
    const sig = t.shapeSignature ?? t.shape;
    const ok = sig.length === shape.length && sig.every((d, i) => d === -1 || d === shape[i]);
    if (!ok) throw new ApiError(`resize of '${t.name}' to [${shape}]: only dimensions that are -1 in its signature [${sig}] may change (strict)`);
  }
}

function checkReadable(t: Tensor): void {
  if (t.allocation === 'none') throw new ApiError(`tensor ${t.index} ('${t.name}') has no data: call allocateTensors() and invoke() first`);
}

function copyInto(t: Tensor, data: TensorData): void {
  if (t.allocation === 'none') throw new ApiError(`tensor ${t.index} ('${t.name}') is not allocated: call allocateTensors() first`);
  if (t.allocation === 'constant') throw new ApiError(`tensor ${t.index} ('${t.name}') is a constant`);
  if (data === null || typeof data !== 'object' || typeof (data as ArrayLike<number>).length !== 'number') {
    throw new ApiError(`setTensor '${t.name}': data must be a typed array or an array`);
  }
  const expected = t.data.length;
  if (data.length !== expected) throw new ApiError(`setTensor '${t.name}': ${data.length} values, the tensor ${t.dtype}[${t.shape}] holds ${expected}`);
  const ctor = storageOf(t.dtype)?.ctor;
  if (ArrayBuffer.isView(data) && ctor !== undefined && !(data instanceof (ctor as unknown as typeof Float32Array))) {
    throw new ApiError(`setTensor '${t.name}': got ${data.constructor.name}, the tensor is ${t.dtype} (${ctor.name})`);
  }
  try {
    if (t.data instanceof BigInt64Array || t.data instanceof BigUint64Array) {
      const dst = t.data;
      for (let i = 0; i < expected; i++) dst[i] = BigInt((data as ArrayLike<number | bigint>)[i]!);
    } else {
      const dst = t.data;
      for (let i = 0; i < expected; i++) dst[i] = Number((data as ArrayLike<number | bigint>)[i]);
    }
  } catch (e) {
    throw new ApiError(`setTensor '${t.name}': ${(e as Error).message}`);
  }
}

function details(t: Tensor): TensorDetails {
  const q = t.quantization;
  return {
    name: t.name,
    index: t.index,
    shape: [...t.shape],
    shapeSignature: [...(t.shapeSignature ?? t.shape)],
    dtype: t.dtype,
    quantization: {
      scales: q ? [...q.scale] : [],
      zeroPoints: q ? [...q.zeroPoint] : [],
      quantizedDimension: q?.quantizedDimension ?? 0,
    },
  };
}

export { TfliteError };
