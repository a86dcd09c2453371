// One subgraph at run time: its tensors, its nodes in execution order, and its arena.
//
// allocate(): resolve kernels (and fuse standalone activations into their producers, once:
// fusion.ts), prepare nodes in order (outputs sized), plan the arena for
// every non-constant tensor whose size is known, bind views. A node whose inputs are
// dynamic (sized only at eval time) is prepared again just before each eval.
// invoke(): eval the nodes in order.
import { KernelError, ModelError, TfliteError, UnresolvedOpError } from '../errors.js';
import type { ModelT, OperatorT, OptionsObject, SubGraphT } from '../schema/model.js';
import { opcodeBuiltin } from '../schema/model.js';
import { BUILTIN_OPERATOR_NAMES, BUILTIN_OPTIONS, BuiltinOperator } from '../schema/generated.js';
import { MAX_TENSOR_ELEMENTS } from '../schema/verify.js';
import { DTYPES, elementBytes, storageOf, type DType } from '../types.js';
import { GreedyPlanner, alignUp } from '../memory/planner.js';
import type { Heap } from '../memory/heap.js';
import { Tensor, type QuantParams } from './tensor.js';
import type { KernelRegistration, OpContext, SubgraphHost } from '../kernels/registration.js';
import type { OpResolver } from './op_resolver.js';
import { fuseActivations } from './fusion.js';

const ARENA_ALIGNMENT = 64;

export class Node implements OpContext {
  readonly inputs: (Tensor | null)[];
  readonly outputs: Tensor[];
  readonly intermediates: Tensor[];
  /** Builtin options; graph rewrites (fusion.ts) may replace them before prepare. */
  options: OptionsObject;
  readonly customOptions: Uint8Array | null;
  /** Outputs sized in eval (value-dependent shapes). */
  readonly dynamicOutputs = new Set<number>();
  /** Prepared again before every eval because an input is dynamic. */
  deferred = false;
  /** Evaluated once at allocation (all inputs constant); skipped by invoke. */
  folded = false;
  /** True while prepare runs ahead of eval (resizes then allocate). */
  running = false;
  data: unknown;
  kernel!: KernelRegistration;

  constructor(
    readonly graph: Subgraph,
    readonly nodeIndex: number,
    readonly opName: string,
    readonly version: number,
    readonly customName: string | null,
    readonly builtinCode: number,
    op: OperatorT,
  ) {
    const t = (i: number): Tensor | null => (i < 0 ? null : graph.tensors[i]!);
    this.inputs = op.inputs.map(t);
    this.outputs = op.outputs.map((i) => {
      const out = t(i);
      if (out === null) throw new ModelError(`${this.where()}: output -1 is not allowed`);
      return out;
    });
    this.intermediates = op.intermediates.filter((i) => i >= 0).map((i) => graph.tensors[i]!);
    this.options = op.builtinOptions ?? defaultOptions(op.builtinOptionsType);
    this.customOptions = op.customOptions;
  }

  get numInputs(): number {
    return this.inputs.length;
  }

  get numOutputs(): number {
    return this.outputs.length;
  }

  get subgraphs(): SubgraphHost {
    return this.graph.host;
  }

  where(): string {
    const g = this.graph.index === 0 ? '' : `subgraph ${this.graph.index} `;
    return `${g}node ${this.nodeIndex} (${this.opName})`;
  }

  fail(message: string): never {
    throw new KernelError(`${this.where()}: ${message}`);
  }

  input(i: number): Tensor {
    const t = this.inputs[i];
    if (t === undefined || t === null) this.fail(`input ${i} is missing`);
    return t;
  }

  optionalInput(i: number): Tensor | null {
    return this.inputs[i] ?? null;
  }

  output(i: number): Tensor {
    const t = this.outputs[i];
    if (t === undefined) this.fail(`output ${i} is missing`);
    return t;
  }

  resizeOutput(i: number, shape: readonly number[]): void {
    const t = this.output(i);
    checkShape(shape, () => this.where());
    if (this.running && (t.allocation === 'arena' || t.allocation === 'persistent') && t.shape.length === shape.length && t.shape.every((d, k) => d === shape[k])) return;
    if (this.running || t.allocation === 'dynamic') {
      this.graph.allocateDynamic(t, shape);
    } else {
      t.shape = [...shape];
    }
  }

  markDynamic(i: number): void {
    const t = this.output(i);
    this.dynamicOutputs.add(i);
    if (t.allocation !== 'persistent') t.allocation = 'dynamic';
  }
}

/** Ops never folded: they have state or side effects, or call subgraphs. */
const UNFOLDABLE = new Set<number>([
  BuiltinOperator.IF, BuiltinOperator.WHILE, BuiltinOperator.CALL_ONCE, BuiltinOperator.CALL,
  BuiltinOperator.VAR_HANDLE, BuiltinOperator.READ_VARIABLE, BuiltinOperator.ASSIGN_VARIABLE,
  BuiltinOperator.RANDOM_STANDARD_NORMAL, BuiltinOperator.RANDOM_UNIFORM, BuiltinOperator.MULTINOMIAL,
  BuiltinOperator.HASHTABLE, BuiltinOperator.HASHTABLE_FIND, BuiltinOperator.HASHTABLE_IMPORT, BuiltinOperator.HASHTABLE_SIZE,
  BuiltinOperator.CUSTOM,
]);

function isFoldable(n: Node): boolean {
  return !UNFOLDABLE.has(n.builtinCode) && n.inputs.length > 0 && n.intermediates.length === 0
    && n.inputs.every((t) => t === null || t.allocation === 'constant')
    && n.outputs.every((t) => !t.isVariable && t.allocation !== 'persistent');
}

function defaultOptions(type: number): OptionsObject {
  const spec = type > 0 ? BUILTIN_OPTIONS[type] : null;
  const o: OptionsObject = {};
  if (spec) for (const f of spec.fields) o[f.name] = f.default;
  return o;
}

function checkShape(shape: readonly number[], where: () => string): void {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new KernelError(`${where()}: invalid output dimension ${d} in [${shape}]`);
    n *= d;
  }
  if (n > MAX_TENSOR_ELEMENTS) throw new KernelError(`${where()}: output shape [${shape}] is too large`);
}

export interface SubgraphOptions {
  resolver: OpResolver;
  host: SubgraphHost;
}

export class Subgraph {
  readonly tensors: Tensor[];
  readonly inputs: number[];
  readonly outputs: number[];
  readonly name: string;
  /** Per graph input: whether an operator reads it or it is a graph output. */
  readonly inputsUsed: readonly boolean[];
  nodes: Node[] = [];
  /** Offset of this subgraph's arena block in the heap (-1 before the first plan). */
  private arenaOffset = -1;
  arenaBytes = 0;
  allocated = false;
  /** Set by resizeInput: the next invoke must re-plan. */
  needsAllocation = true;

  constructor(
    readonly model: ModelT,
    readonly index: number,
    private readonly def: SubGraphT,
    private readonly resolver: OpResolver,
    readonly host: SubgraphHost,
    private readonly heap: Heap,
  ) {
    this.name = def.name ?? `subgraph ${index}`;
    this.inputs = def.inputs;
    this.outputs = def.outputs;
    const read = new Set<number>(def.outputs);
    for (const op of def.operators) for (const i of op.inputs) read.add(i);
    this.inputsUsed = def.inputs.map((i) => read.has(i));
    this.tensors = def.tensors.map((t, i) => {
      const dtype = DTYPES[t.type] as DType;
      const q = t.quantization;
      const quant: QuantParams | null =
        q !== null && q.scale !== null && q.scale.length > 0
          ? { scale: q.scale, zeroPoint: q.zeroPoint ?? q.scale.map(() => 0), quantizedDimension: q.quantizedDimension }
          : null;
      const tensor = new Tensor(i, t.name ?? `tensor_${i}`, dtype, [...t.shape], t.shapeSignature, quant, t.isVariable, t.sparsity);
      const data = model.buffers[t.buffer]?.data ?? null;
      if (t.buffer !== 0 && data !== null && data.length > 0 && !def.inputs.includes(i)) bindConstant(tensor, data);
      return tensor;
    });
  }

  /** Resolves kernels and builds the nodes (once); every unresolved op is named in one error. */
  private buildNodes(): void {
    if (this.nodes.length > 0 || this.def.operators.length === 0) return;
    const missing: string[] = [];
    const nodes = this.def.operators.map((op, i) => {
      const code = this.model.operatorCodes[op.opcodeIndex]!;
      const builtin = opcodeBuiltin(code);
      const isCustom = builtin === BuiltinOperator.CUSTOM;
      const name = isCustom ? code.customCode ?? '' : BUILTIN_OPERATOR_NAMES[builtin] ?? `builtin ${builtin}`;
      const node = new Node(this, i, name, code.version, isCustom ? name : null, builtin, op);
      const kernel = isCustom ? this.resolver.findCustom(name, code.version) : this.resolver.findBuiltin(builtin, code.version);
      if (kernel === undefined) {
        missing.push(`${node.where()}: no kernel for ${isCustom ? `custom op '${name}'` : `builtin op ${name}`} version ${code.version}`);
      } else {
        node.kernel = kernel;
      }
      return node;
    });
    if (missing.length > 0) {
      const more = missing.length > 1 ? `; also ${missing.slice(1).map((m) => m.replace(/^.*no kernel for /, '')).filter((m, k, a) => a.indexOf(m) === k).join(', ')}` : '';
      throw new UnresolvedOpError(`${missing[0]}${more} (register kernels with MutableOpResolver)`);
    }
    const passed = (this.resolver.passes ?? []).reduce((list, pass) => pass(list, this, this.resolver), nodes);
    this.nodes = fuseActivations(passed, new Set(this.outputs.map((i) => this.tensors[i]!)));
  }

  /** Prepares every node, plans and binds the arena. */
  allocate(): void {
    this.buildNodes();
    for (const i of this.inputs) this.allocatePersistent(this.tensors[i]!);
    for (const t of this.tensors) if (t.isVariable && t.allocation !== 'persistent') this.allocatePersistent(t, true);
    // Reset what an earlier allocation decided; inputs keep their (possibly resized) shape.
    for (const n of this.nodes) {
      n.dynamicOutputs.clear();
      n.deferred = false;
      n.folded = false;
      for (const t of n.outputs) if (t.allocation !== 'persistent') t.allocation = 'none';
    }
    for (const n of this.nodes) {
      n.deferred = n.inputs.some((t) => t !== null && t.allocation === 'dynamic');
      if (n.deferred) {
        for (let i = 0; i < n.outputs.length; i++) n.markDynamic(i);
        continue;
      }
      try {
        n.data = n.kernel.prepare(n);
        if (isFoldable(n)) this.fold(n);
      } catch (e) {
        throw wrapKernelError(e, n);
      }
    }
    this.plan();
    this.allocated = true;
    this.needsAllocation = false;
  }

  /**
   * Constant folding: a node whose inputs are all constant (fp16 weights behind a DEQUANTIZE,
   * shape arithmetic) runs once here; its outputs become constants and it is skipped by invoke.
   */
  private fold(n: Node): void {
    n.running = true;
    try {
      for (const t of n.outputs) if (t.allocation === 'none') this.allocateDynamic(t, t.shape);
      n.kernel.eval(n, n.data);
    } finally {
      n.running = false;
    }
    for (const t of n.outputs) t.allocation = 'constant';
    n.folded = true;
  }

  /** Greedy arena over the static, non-constant tensors by lifetime. */
  private plan(): void {
    const first = new Map<Tensor, number>();
    const last = new Map<Tensor, number>();
    const touch = (t: Tensor | null, step: number): void => {
      if (t === null || t.allocation !== 'none') return;
      if (!first.has(t)) first.set(t, step);
      last.set(t, Math.max(last.get(t) ?? step, step));
    };
    this.nodes.forEach((n, step) => {
      n.outputs.forEach((t) => touch(t, step));
      n.intermediates.forEach((t) => touch(t, step));
      n.inputs.forEach((t) => touch(t, step));
    });
    // Graph outputs are read after invoke: keep them alive to the end.
    for (const o of this.outputs) {
      const t = this.tensors[o]!;
      if (first.has(t)) last.set(t, this.nodes.length);
    }
    const planner = new GreedyPlanner(ARENA_ALIGNMENT);
    const ids = new Map<Tensor, number>();
    for (const [t, f] of first) ids.set(t, planner.addBuffer(byteSize(t), f, last.get(t)!));
    planner.plan();
    if (this.arenaOffset < 0 || this.heap.sizeOf(this.arenaOffset) < planner.arenaSize) {
      if (this.arenaOffset >= 0) this.heap.freeBlock(this.arenaOffset);
      this.arenaOffset = this.heap.alloc(planner.arenaSize, ARENA_ALIGNMENT, `the arena of ${this.name}`);
    }
    this.arenaBytes = planner.arenaSize;
    for (const [t, id] of ids) {
      t.bindHeap(this.heap, this.arenaOffset + planner.offsetOf(id), t.dtype === 'string' ? byteSize(t) : t.size);
      t.allocation = 'arena';
    }
  }

  /** Own memory kept across invokes (graph inputs, variables); keeps contents when the size is unchanged. */
  allocatePersistent(t: Tensor, zero = false): void {
    const bytes = byteSize(t);
    if (t.allocation === 'persistent' && t.bytes.byteLength === bytes) {
      if (zero) resetVariable(t);
      return;
    }
    if (t.allocation === 'persistent' && t.heapByteOffset >= 0) this.heap.freeBlock(t.heapByteOffset);
    t.bindHeap(this.heap, this.heap.alloc(Math.max(bytes, 1), ARENA_ALIGNMENT, `tensor '${t.name}'`), t.dtype === 'string' ? bytes : t.size);
    t.allocation = 'persistent';
    resetVariable(t);
  }

  /** (Re)sizes a tensor that lives outside the arena, reusing its memory when it fits. */
  allocateDynamic(t: Tensor, shape: readonly number[]): void {
    t.shape = [...shape];
    const bytes = byteSize(t);
    // Dynamic tensors keep their own buffers: sizing them never moves the heap mid-invoke.
    const buffer = t.allocation === 'dynamic' && t.heapByteOffset < 0 && t.data.buffer.byteLength >= bytes && t.data.byteOffset === 0
      ? t.data.buffer
      : allocate(alignUp(Math.max(bytes, 1), 8), `tensor '${t.name}'`);
    t.bind(buffer, 0, t.dtype === 'string' ? bytes : t.size);
    if (t.allocation !== 'persistent') t.allocation = 'dynamic';
  }

  invoke(): void {
    if (this.needsAllocation) this.allocate();
    const profiler = this.host.profiler;
    for (const n of this.nodes) {
      if (n.folded) continue;
      n.running = true;
      const start = profiler ? performance.now() : 0;
      try {
        if (n.deferred) n.data = n.kernel.prepare(n);
        n.kernel.eval(n, n.data);
        if (profiler) profiler({ subgraph: this.index, node: n.nodeIndex, op: n.opName, ms: performance.now() - start });
      } catch (e) {
        throw wrapKernelError(e, n);
      } finally {
        n.running = false;
      }
    }
  }

  /** Changes an input's shape; the next allocate/invoke re-plans. */
  resizeInput(tensorIndex: number, shape: readonly number[]): void {
    const t = this.tensors[tensorIndex]!;
    if (t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i])) return;
    checkShape(shape, () => `input '${t.name}'`);
    t.shape = [...shape];
    this.needsAllocation = true;
    this.allocatePersistent(t);
  }

  resetVariables(): void {
    for (const t of this.tensors) if (t.isVariable) resetVariable(t);
  }
}

/** TFLite's ResetVariableTensor: quantized 8-bit variables start at their zero point, others at 0 (other persistent tensors too). */
function resetVariable(t: Tensor): void {
  if ((t.dtype === 'int8' || t.dtype === 'uint8') && t.zeroPoint !== 0) (t.data as Int8Array | Uint8Array).fill(t.zeroPoint);
  else t.bytes.fill(0);
}

/** Largest single allocation (arena or tensor); models asking for more are refused, not attempted. */
export const MAX_ALLOCATION_BYTES = 2 ** 31;

function allocate(bytes: number, what: string): ArrayBuffer {
  if (bytes > MAX_ALLOCATION_BYTES) throw new TfliteError(`${what} needs ${bytes} bytes, more than the ${MAX_ALLOCATION_BYTES}-byte limit`);
  try {
    return new ArrayBuffer(bytes);
  } catch {
    throw new TfliteError(`cannot allocate ${bytes} bytes for ${what}`);
  }
}

function byteSize(t: Tensor): number {
  if (t.dtype === 'string') return t.bytes.byteLength;
  const eb = elementBytes(t.dtype);
  if (eb === 0) throw new TfliteError(`tensor '${t.name}': type ${t.dtype} is not supported`);
  return t.size * eb;
}

/** Constant tensors view the model's bytes, copied only when misaligned for their type. */
function bindConstant(t: Tensor, data: Uint8Array): void {
  const eb = storageOf(t.dtype)?.ctor.BYTES_PER_ELEMENT ?? 1;
  const elements = t.dtype === 'string' || t.sparsity !== null ? Math.floor(data.length / eb) : t.size;
  if (data.byteOffset % eb === 0 && elements * eb <= data.length) {
    t.bind(data.buffer, data.byteOffset, elements);
  } else {
    const copy = new Uint8Array(alignUp(Math.max(data.length, 1), 8));
    copy.set(data);
    t.bind(copy.buffer, 0, elements);
  }
  t.allocation = 'constant';
}

function wrapKernelError(e: unknown, n: Node): Error {
  if (e instanceof TfliteError) return e;
  // A raw JS error from a kernel is a bug or an unchecked hostile value: report it typed.
  const msg = e instanceof Error ? e.message : String(e);
  return new KernelError(`${n.where()}: ${msg}`);
}
