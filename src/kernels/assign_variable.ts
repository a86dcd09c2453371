// ASSIGN_VARIABLE: stores a copy of the value in the resource variable.
import { Tensor } from '../interpreter/tensor.js';
import type { KernelRegistration } from './registration.js';
import { checkType } from './kernel_util.js';

export const ASSIGN_VARIABLE: KernelRegistration = {
  prepare(ctx) {
    checkType(ctx, ctx.input(0), 'resource', 'int32');
    ctx.input(1);
  },
  eval(ctx) {
    const id = Number(ctx.input(0).data[0]);
    const value = ctx.input(1);
    const resources = ctx.subgraphs.resources;
    const held = resources.get(id);
    if (held !== undefined && held.dtype !== value.dtype) ctx.fail(`variable ${id} holds ${held.dtype}, cannot assign ${value.dtype}`);
    const copy = new Tensor(-1, `variable_${id}`, value.dtype, [...value.shape], null, value.quantization, true);
    const bytes = value.bytes.slice();
    copy.bind(bytes.buffer, 0, value.data.length);
    copy.allocation = 'persistent';
    resources.set(id, copy);
  },
};
