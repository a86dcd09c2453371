// A small builder over the object model: tests, the converter and the quantizer assemble graphs with it.
import type { ModelT, OperatorT, OptionsObject, QuantizationT, SubGraphT, TensorT } from './model.js';
import { writeModel } from './model.js';
import { BuiltinOperator } from './generated.js';
import { optionsTypeForOp } from './op_options.js';
import { DTYPES, type DType, type TypedArray } from '../types.js';
import { TfliteError } from '../errors.js';

export interface TensorSpec {
  dtype: DType;
  shape: number[];
  name?: string;
  /** Constant contents (the bytes of this typed array are stored in a buffer). */
  data?: TypedArray;
  quantization?: { scale: number[]; zeroPoint: number[]; quantizedDimension?: number };
  shapeSignature?: number[];
  isVariable?: boolean;
}

export class SubgraphBuilder {
  readonly def: SubGraphT;
  constructor(private readonly model: ModelBuilder, name: string) {
    this.def = { tensors: [], inputs: [], outputs: [], operators: [], name };
  }

  /** Adds a tensor and returns its index. */
  tensor(spec: TensorSpec): number {
    const q: QuantizationT | null = spec.quantization
      ? { min: null, max: null, scale: spec.quantization.scale, zeroPoint: spec.quantization.zeroPoint, quantizedDimension: spec.quantization.quantizedDimension ?? 0 }
      : null;
    const t: TensorT = {
      shape: spec.shape, type: DTYPES.indexOf(spec.dtype), buffer: spec.data ? this.model.buffer(spec.data) : 0,
      name: spec.name ?? `t${this.def.tensors.length}`, quantization: q, isVariable: spec.isVariable ?? false,
      sparsity: null, shapeSignature: spec.shapeSignature ?? null, hasRank: false,
    };
    this.def.tensors.push(t);
    return this.def.tensors.length - 1;
  }

  input(spec: TensorSpec): number {
    const i = this.tensor(spec);
    this.def.inputs.push(i);
    return i;
  }

  output(index: number): this {
    this.def.outputs.push(index);
    return this;
  }

  /** Adds a builtin op (options use the camelCase names of BUILTIN_OPTIONS) or a custom op ({custom: name}). */
  op(op: keyof typeof BuiltinOperator | { custom: string; options?: Uint8Array }, inputs: number[], outputs: number[], options: OptionsObject | null = null, version = 1): this {
    const opcodeIndex = this.model.opcode(op, version);
    const optionsType = typeof op === 'string' ? optionsTypeForOp(op) : 0;
    const operator: OperatorT = {
      opcodeIndex, inputs, outputs,
      builtinOptionsType: optionsType, builtinOptions: optionsType ? { ...(options ?? {}) } : null,
      builtinOptions2Type: 0, builtinOptions2: null,
      customOptions: typeof op === 'string' ? null : op.options ?? null, customOptionsFormat: 0,
      mutatingVariableInputs: [], intermediates: [],
    };
    this.def.operators.push(operator);
    return this;
  }
}

export class ModelBuilder {
  private readonly model: ModelT = {
    version: 3, operatorCodes: [], subgraphs: [], description: 'tflite-ts ModelBuilder',
    buffers: [{ data: null }], metadataBuffer: [], metadata: [], signatureDefs: [],
  };
  private readonly graphs: SubgraphBuilder[] = [];

  /** Adds a subgraph; the first one is the primary graph. */
  subgraph(name = `subgraph_${this.graphs.length}`): SubgraphBuilder {
    const g = new SubgraphBuilder(this, name);
    this.graphs.push(g);
    return g;
  }

  buffer(data: TypedArray): number {
    this.model.buffers.push({ data: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) });
    return this.model.buffers.length - 1;
  }

  opcode(op: keyof typeof BuiltinOperator | { custom: string }, version: number): number {
    const custom = typeof op === 'string' ? null : op.custom;
    const code = custom === null ? BuiltinOperator[op as keyof typeof BuiltinOperator] : BuiltinOperator.CUSTOM;
    if (code === undefined) throw new TfliteError(`unknown builtin op ${String(op)}`);
    const found = this.model.operatorCodes.findIndex((c) => c.builtinCode === code && c.customCode === custom && c.version === version);
    if (found >= 0) return found;
    this.model.operatorCodes.push({ builtinCode: code, deprecatedBuiltinCode: Math.min(code, 127), customCode: custom, version });
    return this.model.operatorCodes.length - 1;
  }

  signature(key: string, subgraphIndex: number, inputs: Record<string, number>, outputs: Record<string, number>): this {
    const maps = (m: Record<string, number>) => Object.entries(m).map(([name, tensorIndex]) => ({ name, tensorIndex }));
    this.model.signatureDefs.push({ signatureKey: key, subgraphIndex, inputs: maps(inputs), outputs: maps(outputs) });
    return this;
  }

  build(): ModelT {
    return { ...this.model, subgraphs: this.graphs.map((g) => g.def) };
  }

  toBytes(): Uint8Array {
    return writeModel(this.build());
  }
}
