// RANGE: start, start+delta, ... up to limit (exclusive) for int32/int64/float32 scalars (TFLite range.cc).
import type { RangeOptions } from '../schema/generated.js';
import type { TypedArray } from '../types.js';
import type { KernelRegistration, OpContext } from './registration.js';
import { checkInputCount, checkOutputCount } from './util/data_movement.js';

const MAX_SIZE = 0x7fffffff;

/** Element count of the range (TFLite's GetSize), or an error message. */
export function rangeSize(start: number | bigint, limit: number | bigint, delta: number | bigint, float: boolean): number | string {
  if (typeof start === 'bigint' || typeof limit === 'bigint' || typeof delta === 'bigint') {
    const [s, l, d] = [BigInt(start), BigInt(limit), BigInt(delta)];
    if (d === 0n) return 'delta must be non-zero';
    if (!((s >= l && d < 0n) || (s <= l && d > 0n))) return `delta ${d} moves start ${s} away from limit ${l}`;
    const abs = (x: bigint): bigint => (x < 0n ? -x : x);
    const n = (abs(l - s) + abs(d) - 1n) / abs(d);
    return n > BigInt(MAX_SIZE) ? `range of ${n} elements is too large` : Number(n);
  }
  if (delta === 0) return 'delta must be non-zero';
  if (!((start >= limit && delta < 0) || (start <= limit && delta > 0))) return `delta ${delta} moves start ${start} away from limit ${limit}`;
  const n = float
    ? Math.ceil(Math.abs(Math.fround(Math.fround(limit - start) / delta)))
    : Math.floor((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta));
  if (!(n <= MAX_SIZE)) return `range of ${n} elements is too large`;
  return n;
}

/** Fills `output` with start, start+delta, ... accumulated in the output's type (as TFLite does). */
export function range(start: number | bigint, delta: number | bigint, output: TypedArray): void {
  if (output instanceof BigInt64Array) {
    let v = BigInt(start);
    for (let i = 0; i < output.length; i++, v = BigInt.asIntN(64, v + BigInt(delta))) output[i] = v;
  } else if (output instanceof Float32Array) {
    let v = Math.fround(Number(start));
    const d = Math.fround(Number(delta));
    for (let i = 0; i < output.length; i++, v = Math.fround(v + d)) output[i] = v;
  } else {
    const out = output as Int32Array;
    let v = Number(start) | 0;
    const d = Number(delta) | 0;
    for (let i = 0; i < out.length; i++, v = (v + d) | 0) out[i] = v;
  }
}

interface RangeData {
  dynamic: boolean;
}

function resize(ctx: OpContext): void {
  const [s, l, d] = [ctx.input(0), ctx.input(1), ctx.input(2)].map((t) => t.data[0]!);
  const n = rangeSize(s!, l!, d!, ctx.input(0).dtype === 'float32');
  if (typeof n === 'string') ctx.fail(n);
  ctx.resizeOutput(0, [n]);
}

export const RANGE: KernelRegistration<RangeData, RangeOptions> = {
  prepare(ctx) {
    checkInputCount(ctx, 3);
    checkOutputCount(ctx, 1);
    const inputs = [ctx.input(0), ctx.input(1), ctx.input(2)];
    const dtype = inputs[0]!.dtype;
    if (dtype !== 'int32' && dtype !== 'int64' && dtype !== 'float32') ctx.fail(`start has type ${dtype}, expected int32, int64 or float32`);
    for (const t of inputs) {
      if (t.dtype !== dtype) ctx.fail(`start, limit and delta must share a type, got ${inputs.map((x) => x.dtype).join(', ')}`);
      if (t.shape.length !== 0) ctx.fail(`'${t.name}' must be a scalar, got shape [${t.shape}]`);
    }
    if (ctx.output(0).dtype !== dtype) ctx.fail(`output is ${ctx.output(0).dtype}, inputs are ${dtype}`);
    if (!inputs.every((t) => t.isConstant)) {
      ctx.markDynamic(0);
      return { dynamic: true };
    }
    resize(ctx);
    return { dynamic: false };
  },
  eval(ctx, data) {
    if (data.dynamic) resize(ctx);
    range(ctx.input(0).data[0]!, ctx.input(2).data[0]!, ctx.output(0).data);
  },
};
