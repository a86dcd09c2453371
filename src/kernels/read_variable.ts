// READ_VARIABLE: the current value of a resource variable (its shape is known only at run time).
import type { KernelRegistration } from './registration.js';
import { checkType } from './kernel_util.js';

export const READ_VARIABLE: KernelRegistration = {
  prepare(ctx) {
    checkType(ctx, ctx.input(0), 'resource', 'int32');
    ctx.markDynamic(0);
  },
  eval(ctx) {
    const id = Number(ctx.input(0).data[0]);
    const value = ctx.subgraphs.resources.get(id);
    if (value === undefined) return ctx.fail(`variable ${id} is read before it was assigned`);
    const out = ctx.output(0);
    if (out.dtype !== value.dtype) ctx.fail(`variable ${id} holds ${value.dtype}, the output is ${out.dtype}`);
    ctx.resizeOutput(0, value.shape);
    ctx.output(0).bytes.set(value.bytes);
  },
};
