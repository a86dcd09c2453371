// VAR_HANDLE: the handle of the resource variable named by (container, shared_name).
import type { VarHandleOptions } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { checkType } from './kernel_util.js';

export const VAR_HANDLE: KernelRegistration<number, VarHandleOptions> = {
  prepare(ctx) {
    const out = ctx.output(0);
    checkType(ctx, out, 'resource', 'int32');
    ctx.resizeOutput(0, out.shape.length ? out.shape : [1]);
    return ctx.subgraphs.resources.handle(ctx.options.container ?? '', ctx.options.sharedName ?? '');
  },
  eval(ctx, id) {
    ctx.output(0).data[0] = id;
  },
};
