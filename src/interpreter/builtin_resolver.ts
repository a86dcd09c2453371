// The resolver with every builtin kernel (imports them all: use MutableOpResolver to ship fewer).
import { MutableOpResolver } from './op_resolver.js';
import { BUILTIN_KERNELS } from '../kernels/builtin_ops.js';

export class BuiltinOpResolver extends MutableOpResolver {
  constructor() {
    super();
    this.addBuiltins(BUILTIN_KERNELS);
  }
}
