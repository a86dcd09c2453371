// SHAPE: the input's dims as an int32 or int64 vector (TFLite shape.cc).
import type { ShapeOptions } from '../schema/generated.js';
import { TensorType } from '../schema/generated.js';
import type { KernelRegistration } from './registration.js';
import { checkInputCount, checkOutputCount, elements } from './util/data_movement.js';

export const SHAPE: KernelRegistration<void, ShapeOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 1);
    checkOutputCount(ctx, 1);
    const output = ctx.output(0);
    const outType = ctx.options.outType;
    const want = outType === TensorType.INT32 ? 'int32' : outType === TensorType.INT64 ? 'int64' : null;
    if (want === null) ctx.fail(`out_type ${outType} must be int32 or int64`);
    if (output.dtype !== want) ctx.fail(`output is ${output.dtype} but out_type is ${want}`);
    ctx.resizeOutput(0, [ctx.input(0).shape.length]);
  },
  eval(ctx) {
    const shape = ctx.input(0).shape;
    const out = ctx.output(0);
    const dst = elements(out.data);
    const big = out.dtype === 'int64';
    for (let i = 0; i < shape.length; i++) dst[i] = big ? BigInt(shape[i]!) : shape[i]!;
  },
};
