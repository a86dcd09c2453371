// Memoized int16 → int16 functions: gemmlowp's fixed-point logistic and tanh cost ~100 integer
// operations per value, and the integer LSTM applies them to int16 gate values, of which there
// are only 2^16. Each value is computed once per process by the reference function itself, so the
// memo is exact by construction; entries are filled on first use (no up-front cost).
import { RAW16, fixedPointLogistic, fixedPointTanh } from './quant_math.js';

export class Int16Memo {
  private readonly values = new Int16Array(65536);
  private readonly known = new Uint8Array(65536);

  constructor(private readonly f: (x: number) => number) {}

  /** f(x) for an int16 `x`. */
  get(x: number): number {
    const i = x + 32768;
    if (this.known[i] === 0) {
      this.values[i] = this.f(x);
      this.known[i] = 1;
    }
    return this.values[i]!;
  }
}

const memos = new Map<string, Int16Memo>();

/** The memo of gemmlowp logistic (or tanh) of int16 raw values with `integerBits` integer bits. */
export function fixedPoint16Memo(fn: 'logistic' | 'tanh', integerBits: number): Int16Memo {
  const key = `${fn}${integerBits}`;
  let memo = memos.get(key);
  if (memo === undefined) {
    memo = fn === 'logistic'
      ? new Int16Memo((x) => fixedPointLogistic(x, integerBits, RAW16))
      : new Int16Memo((x) => fixedPointTanh(x, integerBits, RAW16));
    memos.set(key, memo);
  }
  return memo;
}
