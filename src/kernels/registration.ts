// The contract between the interpreter and a kernel (TFLite Micro's prepare/eval split).
import type { Tensor } from '../interpreter/tensor.js';

/**
 * What a kernel sees of its node. `prepare` validates types and shapes, sizes the
 * outputs (`resizeOutput`) and precomputes; `eval` only computes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kernels narrow it to their options interface
export interface OpContext<Options = any> {
  readonly opName: string;
  readonly version: number;
  readonly nodeIndex: number;
  /** Builtin options with schema defaults filled in ({} for ops without options). */
  readonly options: Options;
  readonly customOptions: Uint8Array | null;
  readonly inputs: readonly (Tensor | null)[];
  readonly outputs: readonly Tensor[];
  readonly intermediates: readonly Tensor[];
  readonly numInputs: number;
  readonly numOutputs: number;
  /** Input `i`; a KernelError when it is missing or optional-and-absent. */
  input(i: number): Tensor;
  /** Input `i`, or null when the model passes -1 or fewer inputs. */
  optionalInput(i: number): Tensor | null;
  output(i: number): Tensor;
  /**
   * Sets an output's shape. In prepare this plans the tensor in the arena; in eval
   * (for outputs marked dynamic) it allocates the tensor's own memory.
   */
  resizeOutput(i: number, shape: readonly number[]): void;
  /** The output's shape depends on input values: it is sized in eval. */
  markDynamic(i: number): void;
  /** Throws a KernelError that names the op and node. */
  fail(message: string): never;
  /** Runs subgraph `index` (control flow): copies `inputs` in, returns its output tensors. */
  readonly subgraphs: SubgraphHost;
}

export interface SubgraphHost {
  readonly count: number;
  /** Input and output tensors of subgraph `index`. */
  inputsOf(index: number): readonly Tensor[];
  outputsOf(index: number): readonly Tensor[];
  /** Per input of subgraph `index`: whether a node reads it or it is an output (else its contents never matter). */
  inputsUsed(index: number): readonly boolean[];
  /** Resizes the subgraph's inputs to `shapes` (re-planning when they changed) and prepares it. */
  prepare(index: number, shapes: readonly (readonly number[])[]): void;
  /** Invokes subgraph `index`; its inputs must have been filled. */
  invoke(index: number): void;
  /** Resource variables (VAR_HANDLE/READ_VARIABLE/ASSIGN_VARIABLE), keyed by container/shared_name. */
  readonly resources: ResourceTable;
  /** WHILE stops with an error past this many iterations. */
  readonly maxLoopIterations: number;
  /** Called after each node's eval when profiling is on. */
  readonly profiler: OpProfiler | null;
}

export interface OpTiming {
  subgraph: number;
  node: number;
  op: string;
  ms: number;
}

export type OpProfiler = (timing: OpTiming) => void;

export interface ResourceTable {
  /** The id for a (container, sharedName) pair, created on first use. */
  handle(container: string, sharedName: string): number;
  get(id: number): Tensor | undefined;
  set(id: number, value: Tensor): void;
}

/** One tier's implementation of one op. `prepare`'s return value is handed to `eval`. */
export interface KernelRegistration<Data = any, Options = any> {
  prepare(ctx: OpContext<Options>): Data;
  eval(ctx: OpContext<Options>, data: Data): void;
}
