// Op resolvers map (builtin code | custom name, version) to a kernel registration.
import { TfliteError } from '../errors.js';
import { BuiltinOperator } from '../schema/generated.js';
import type { KernelRegistration } from '../kernels/registration.js';
import type { GraphPass } from './fusion.js';

export interface OpResolver {
  findBuiltin(code: number, version: number): KernelRegistration | undefined;
  findCustom(name: string, version: number): KernelRegistration | undefined;
  /** Rewrites of each subgraph's nodes (fusions), run in order when the nodes are built. */
  readonly passes?: readonly GraphPass[];
}

export type BuiltinName = keyof typeof BuiltinOperator;

/** Selective registration: add only the kernels a model needs, so bundlers drop the rest. */
export class MutableOpResolver implements OpResolver {
  private readonly builtins = new Map<number, KernelRegistration>();
  private readonly customs = new Map<string, KernelRegistration>();
  readonly passes: GraphPass[] = [];

  /** Registers a builtin kernel (for every version); a second registration of the same op throws. */
  addBuiltin(op: BuiltinName | number, kernel: KernelRegistration): this {
    const code = typeof op === 'number' ? op : BuiltinOperator[op];
    if (code === undefined) throw new TfliteError(`unknown builtin op ${String(op)}`);
    if (this.builtins.has(code)) throw new TfliteError(`builtin op ${String(op)} is already registered`);
    this.builtins.set(code, kernel);
    return this;
  }

  /** Registers a custom op by the name the model's operator code carries. */
  addCustom(name: string, kernel: KernelRegistration): this {
    if (this.customs.has(name)) throw new TfliteError(`custom op ${name} is already registered`);
    this.customs.set(name, kernel);
    return this;
  }

  /** Adds every kernel of `kernels` keyed by builtin name (e.g. an `import * as` of kernel modules). */
  addBuiltins(kernels: Readonly<Record<string, KernelRegistration>>): this {
    for (const [name, k] of Object.entries(kernels)) this.addBuiltin(name as BuiltinName, k);
    return this;
  }

  findBuiltin(code: number): KernelRegistration | undefined {
    return this.builtins.get(code);
  }

  findCustom(name: string): KernelRegistration | undefined {
    return this.customs.get(name);
  }

  get builtinCodes(): number[] {
    return [...this.builtins.keys()].sort((a, b) => a - b);
  }

  get customNames(): string[] {
    return [...this.customs.keys()].sort();
  }
}
