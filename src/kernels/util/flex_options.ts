// Reading the FlexBuffers custom options of MediaPipe ops the way flexbuffers' C++
// accessors do: a missing key reads as 0 / an empty vector.
import type { OpContext } from '../registration.js';
import { FlexBufferError, readFlexbuffer, type FlexMap, type FlexValue } from '../../schema/flexbuffers.js';

/** The options map; fails on absent or malformed options. */
export function flexOptions(ctx: OpContext): FlexMap {
  if (ctx.customOptions === null) ctx.fail('custom options are missing');
  let root: FlexValue;
  try {
    root = readFlexbuffer(ctx.customOptions);
  } catch (e) {
    if (e instanceof FlexBufferError) ctx.fail(`malformed custom options: ${e.message}`);
    throw e;
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || root instanceof Uint8Array) {
    ctx.fail('custom options are not a FlexBuffers map');
  }
  return root;
}

function asNumber(ctx: OpContext, v: FlexValue | undefined, key: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return ctx.fail(`custom option '${key}' is not a number`);
}

/** An int32 option (AsInt32 truncates floats). */
export function flexInt(ctx: OpContext, m: FlexMap, key: string, absent = 0): number {
  if (!(key in m)) return absent;
  const v = Math.trunc(asNumber(ctx, m[key], key));
  if (!Number.isFinite(v) || v < -2147483648 || v > 2147483647) ctx.fail(`custom option '${key}' is out of int32 range`);
  return v;
}

/** A float option (AsFloat rounds to float32). */
export function flexFloat(ctx: OpContext, m: FlexMap, key: string, absent = 0): number {
  if (!(key in m)) return absent;
  return Math.fround(asNumber(ctx, m[key], key));
}

/** A vector of int32 options. */
export function flexInts(ctx: OpContext, m: FlexMap, key: string): number[] {
  const v = m[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return ctx.fail(`custom option '${key}' is not a vector`);
  return v.map((x) => {
    const n = Math.trunc(asNumber(ctx, x, key));
    if (!Number.isFinite(n)) ctx.fail(`custom option '${key}' has a non-finite element`);
    return n;
  });
}

/** Index pairs as MediaPipe reads them: an odd last element pairs with itself. */
export function flexPairs(ctx: OpContext, m: FlexMap, key: string): [number, number][] {
  const flat = flexInts(ctx, m, key);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  if (flat.length % 2 !== 0) pairs.push([flat[flat.length - 1]!, flat[flat.length - 1]!]);
  return pairs;
}
