// BROADCAST_ARGS: the broadcast of two int32/int64 shape vectors (TFLite broadcast_args.cc).
import type { KernelRegistration } from './registration.js';
import { checkInputCount, checkOutputCount, elements, orFail, readIndexTensor } from './util/data_movement.js';

/** Numpy broadcast of two shapes (a 1 yields the other dim); an error message when incompatible. */
export function broadcastArgs(a: readonly number[], b: readonly number[]): number[] | string {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x === 1) out[i] = y;
    else if (y === 1 || x === y) out[i] = x;
    else return `shapes [${a}] and [${b}] are not broadcastable`;
  }
  return out;
}

export const BROADCAST_ARGS: KernelRegistration<void> = {
  prepare(ctx) {
    checkInputCount(ctx, 2);
    checkOutputCount(ctx, 1);
    const s0 = ctx.input(0);
    const s1 = ctx.input(1);
    const output = ctx.output(0);
    if (s0.dtype !== 'int32' && s0.dtype !== 'int64') ctx.fail(`shape has type ${s0.dtype}, expected int32 or int64`);
    if (s1.dtype !== s0.dtype || output.dtype !== s0.dtype) ctx.fail(`inputs and output must share a type, got ${s0.dtype}, ${s1.dtype}, ${output.dtype}`);
    if (s0.shape.length !== 1 || s1.shape.length !== 1) ctx.fail(`shapes must be 1-D, got [${s0.shape}] and [${s1.shape}]`);
    ctx.resizeOutput(0, [Math.max(s0.shape[0]!, s1.shape[0]!)]);
  },
  eval(ctx) {
    const out = ctx.output(0);
    const shape = orFail(ctx, broadcastArgs(readIndexTensor(ctx, ctx.input(0), 'shape'), readIndexTensor(ctx, ctx.input(1), 'shape')));
    const dst = elements(out.data);
    const big = out.dtype === 'int64';
    for (let i = 0; i < shape.length; i++) dst[i] = big ? BigInt(shape[i]!) : shape[i]!;
  },
};
