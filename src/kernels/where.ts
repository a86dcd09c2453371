// WHERE (one input): the int64 coordinates [count, rank] of the true / non-zero elements,
// in row-major order. The output shape depends on the values, so it is dynamic unless the
// condition is constant.
import type { DType, TypedArray } from '../types.js';
import { checkType, isConstant, stridesOf } from './kernel_util.js';
import type { KernelRegistration } from './registration.js';

const TYPES: DType[] = ['bool', 'float32', 'int32', 'int64', 'uint8', 'int8', 'uint32'];

// C++'s truth test: NaN is true, -0 false.
function isTrue(v: number | bigint): boolean {
  return v !== 0 && v !== 0n;
}

/** Number of true (non-zero) elements. NaN counts as true, -0 as false. */
export function countTrue(cond: TypedArray): number {
  let n = 0;
  for (let i = 0; i < cond.length; i++) if (isTrue(cond[i]!)) n++;
  return n;
}

/** Reference: writes the coordinates of each true element of `cond` (of `shape`) as rows of `output`. */
export function selectTrueCoords(shape: readonly number[], cond: TypedArray, output: BigInt64Array): void {
  const strides = stridesOf(shape);
  let o = 0;
  for (let i = 0; i < cond.length; i++) {
    if (!isTrue(cond[i]!)) continue;
    let rem = i;
    for (const s of strides) {
      const c = Math.floor(rem / s);
      output[o++] = BigInt(c);
      rem -= c * s;
    }
  }
}

export const WHERE: KernelRegistration<null> = {
  prepare(ctx) {
    if (ctx.numInputs !== 1) ctx.fail(`expected 1 input (x and y are not supported), got ${ctx.numInputs}`);
    if (ctx.numOutputs !== 1) ctx.fail(`expected 1 output, got ${ctx.numOutputs}`);
    const cond = ctx.input(0);
    checkType(ctx, cond, ...TYPES);
    checkType(ctx, ctx.output(0), 'int64');
    if (isConstant(cond)) ctx.resizeOutput(0, [countTrue(cond.data), cond.shape.length]);
    else ctx.markDynamic(0);
    return null;
  },
  eval(ctx) {
    const cond = ctx.input(0);
    if (!isConstant(cond)) ctx.resizeOutput(0, [countTrue(cond.data), cond.shape.length]);
    selectTrueCoords(cond.shape, cond.data, ctx.output(0).data as BigInt64Array);
  },
};
