// tflite-ts: load and run .tflite models. This entry includes every builtin kernel.
import { Interpreter as CoreInterpreter, loadModelBytes, type InterpreterOptions } from './interpreter/interpreter.js';
import { BuiltinOpResolver } from './interpreter/builtin_resolver.js';

export * from './core.js';
export { BuiltinOpResolver } from './interpreter/builtin_resolver.js';

/** The interpreter with all builtin ops available unless `opResolver` says otherwise. */
export class Interpreter extends CoreInterpreter {
  constructor(bytes: Uint8Array, options: InterpreterOptions = {}) {
    super(bytes, { ...options, opResolver: options.opResolver ?? new BuiltinOpResolver() });
  }

  static override async create(source: Uint8Array | ArrayBuffer | string | URL, options: InterpreterOptions = {}): Promise<Interpreter> {
    return new Interpreter(await loadModelBytes(source), options);
  }
}
