// SELECT (tf.where v1): out = cond ? x : y. The condition has x's shape, or is a scalar, or is
// rank 1 and picks whole slices along x's first dimension; x and y have one shape.
import type { KernelRegistration } from './registration.js';
import type { TypedArray } from '../types.js';
import { checkType, sameShape } from './kernel_util.js';
import type { OpContext } from './registration.js';

// Values are copied bit for bit, so any fixed-size type works; these are the ones the official runtime takes.
const SELECT_TYPES = ['bool', 'float16', 'float32', 'float64', 'uint8', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64'] as const;

/** Checks the three inputs' types and the output type shared by SELECT and SELECT_V2. */
export function checkSelectTypes(ctx: OpContext): void {
  if (ctx.numInputs !== 3) ctx.fail(`expected 3 inputs, got ${ctx.numInputs}`);
  if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
  checkType(ctx, ctx.input(0), 'bool');
  const x = ctx.input(1);
  checkType(ctx, x, ...SELECT_TYPES);
  if (ctx.input(2).dtype !== x.dtype) ctx.fail(`input types differ: ${x.dtype} and ${ctx.input(2).dtype}`);
  checkType(ctx, ctx.output(0), x.dtype);
}

/**
 * out[i] = cond[i / inner] ? x[i] : y[i], with `inner` = elements per condition value
 * (1 elementwise, x's size for a scalar condition, a row for a rank-1 condition).
 */
export function selectRows(cond: Uint8Array, x: TypedArray, y: TypedArray, out: TypedArray, inner: number): void {
  for (let o = 0, i = 0; o < cond.length; o++) {
    const src = cond[o] !== 0 ? x : y;
    for (let k = 0; k < inner; k++, i++) out[i] = src[i]!;
  }
}

export const SELECT: KernelRegistration<number> = {
  prepare(ctx) {
    checkSelectTypes(ctx);
    const c = ctx.input(0);
    const x = ctx.input(1);
    const y = ctx.input(2);
    if (!sameShape(x.shape, y.shape)) ctx.fail(`x [${x.shape}] and y [${y.shape}] must have the same shape`);
    const ok = sameShape(c.shape, x.shape) || c.shape.length === 0 || (c.shape.length === 1 && x.shape.length >= 1 && c.shape[0] === x.shape[0]);
    if (!ok) ctx.fail(`condition [${c.shape}] must be a scalar, match x [${x.shape}] or be rank 1 over its first dimension`);
    ctx.resizeOutput(0, x.shape);
    return c.size === 0 ? 0 : x.size / c.size;
  },
  eval(ctx, inner) {
    selectRows(ctx.input(0).data as Uint8Array, ctx.input(1).data, ctx.input(2).data, ctx.output(0).data, inner);
  },
};
