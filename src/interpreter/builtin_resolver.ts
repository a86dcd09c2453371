// The resolver with every builtin kernel and TFLite's own custom ops (TFLite_Detection_PostProcess):
// it imports them all; use MutableOpResolver to ship fewer.
import { MutableOpResolver } from './op_resolver.js';
import { BUILTIN_KERNELS } from '../kernels/builtin_ops.js';
import { registerCustomOps } from '../kernels/custom/index.js';

export class BuiltinOpResolver extends MutableOpResolver {
  constructor() {
    super();
    this.addBuiltins(BUILTIN_KERNELS);
    registerCustomOps(this);
  }
}
