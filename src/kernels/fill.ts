// FILL: a tensor of the dims tensor's shape, every element the scalar value (TFLite fill.cc).
import type { FillOptions } from '../schema/generated.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkMovable, checkOutputCount, checkShape, elements, readIndexTensor } from './util/data_movement.js';

interface FillData {
  dynamic: boolean;
}

function resize(ctx: OpContext): void {
  const dims = readIndexTensor(ctx, ctx.input(0), 'dims');
  for (const d of dims) if (d < 0) ctx.fail(`fill dimensions must be >= 0, got [${dims}]`);
  checkShape(ctx, dims, 'output shape');
  ctx.resizeOutput(0, dims);
}

export const FILL: KernelRegistration<FillData, FillOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const dims = ctx.input(0);
    const value = ctx.input(1);
    if (dims.dtype !== 'int32' && dims.dtype !== 'int64') ctx.fail(`dims has type ${dims.dtype}, expected int32 or int64`);
    if (dims.shape.length !== 1) ctx.fail(`dims must be 1-D, got [${dims.shape}]`);
    if (value.shape.length !== 0) ctx.fail(`value must be a scalar, got shape [${value.shape}]`);
    checkMovable(ctx, value);
    if (ctx.output(0).dtype !== value.dtype) ctx.fail(`output is ${ctx.output(0).dtype}, value is ${value.dtype}`);
    if (!dims.isConstant) {
      ctx.markDynamic(0);
      return { dynamic: true };
    }
    resize(ctx);
    return { dynamic: false };
  },
  eval(ctx, data) {
    if (data.dynamic) resize(ctx);
    const v = elements(ctx.input(1).data)[0]!;
    (ctx.output(0).data as unknown as { fill(x: number | bigint): void }).fill(v);
  },
};
