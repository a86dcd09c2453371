// Numpy broadcasting of two operands as calls of a row kernel (the SIMD tier's 8-bit element-wise
// kernels, wasm/assembly/elementwise_q8.ts): each call computes
//   out[outOff + r·cols + c] = f(a[aOff + r·aRow + c·aCol], b[bOff + r·bRow + c·bCol])
// for r < rows, c < cols, with aCol and bCol 0 (the operand is broadcast along the row) or 1.
// Output dims of size 1 are dropped and neighbouring dims that both operands broadcast alike are
// merged; the last two dims left are the call's rows and columns, any dims before them become
// one call each. Offsets and strides are in elements.

export interface RowCall {
  aOff: number;
  bOff: number;
  outOff: number;
  rows: number;
  cols: number;
  aRow: number;
  aCol: number;
  bRow: number;
  bCol: number;
}

interface Dim {
  n: number;
  /** Whether a (b) has this dim (else it is 1 there and broadcast). */
  aFull: boolean;
  bFull: boolean;
}

/** Merged dims of the broadcast of `a` and `b` to `out` (shapes the reference kernel has checked). */
function mergedDims(a: readonly number[], b: readonly number[], out: readonly number[]): Dim[] {
  const rank = out.length;
  const dims: Dim[] = [];
  for (let d = 0; d < rank; d++) {
    const n = out[d]!;
    if (n === 1) continue;
    const aFull = (a[d - rank + a.length] ?? 1) === n;
    const bFull = (b[d - rank + b.length] ?? 1) === n;
    const last = dims[dims.length - 1];
    if (last !== undefined && last.aFull === aFull && last.bFull === bFull) last.n *= n;
    else dims.push({ n, aFull, bFull });
  }
  if (dims.length === 0) dims.push({ n: 1, aFull: true, bFull: true });
  return dims;
}

/**
 * The calls that cover out = f(a, b) broadcast to `out` (none when `out` is empty), or null when
 * that takes more than `maxCalls` calls (broadcasts alternating over many dims: leave them to the
 * reference kernel rather than build a call list as long as the output).
 */
export function planRows(a: readonly number[], b: readonly number[], out: readonly number[], maxCalls: number): RowCall[] | null {
  if (out.some((d) => d === 0)) return [];
  const dims = mergedDims(a, b, out);
  // Element strides of each operand per merged dim (0 where broadcast).
  const aStride = new Array<number>(dims.length), bStride = new Array<number>(dims.length);
  for (let i = dims.length - 1, sa = 1, sb = 1; i >= 0; i--) {
    const d = dims[i]!;
    aStride[i] = d.aFull ? sa : 0;
    bStride[i] = d.bFull ? sb : 0;
    if (d.aFull) sa *= d.n;
    if (d.bFull) sb *= d.n;
  }
  const last = dims.length - 1;
  const cols = dims[last]!.n;
  const rows = last > 0 ? dims[last - 1]!.n : 1;
  const base = {
    rows, cols, aCol: aStride[last]!, bCol: bStride[last]!,
    aRow: last > 0 ? aStride[last - 1]! : 0, bRow: last > 0 ? bStride[last - 1]! : 0,
  };
  const outer = dims.slice(0, Math.max(0, last - 1));
  const count = outer.reduce((p, d) => p * d.n, 1);
  if (count > maxCalls) return null;
  const calls: RowCall[] = [];
  const index = outer.map(() => 0);
  for (let k = 0; k < count; k++) {
    let aOff = 0, bOff = 0;
    for (let i = 0; i < outer.length; i++) {
      aOff += index[i]! * aStride[i]!;
      bOff += index[i]! * bStride[i]!;
    }
    calls.push({ ...base, aOff, bOff, outOff: k * rows * cols });
    // Next outer index (row-major).
    for (let i = outer.length - 1; i >= 0; i--) {
      const v = index[i]! + 1;
      if (v < outer[i]!.n) {
        index[i] = v;
        break;
      }
      index[i] = 0;
    }
  }
  return calls;
}

/** A vector operand repeated along the rows, tiled into a longer row (see tileRows). */
export interface Tiling {
  /** The operand tiled: 0 (a) or 1 (b). */
  operand: 0 | 1;
  /** Its length (the original row length) and the number of copies in the tiled row. */
  period: number;
  copies: number;
}

/**
 * For a single call whose rows are short (fewer than `minCols`) where one operand runs contiguously
 * over the rows and the other is one vector repeated on every row (a per-channel [.., C] operand):
 * the calls on rows of `copies` original rows each against that vector tiled `copies` times, and the
 * tiling. Null where that does not apply.
 */
export function tileRows(calls: readonly RowCall[], minCols: number): { calls: RowCall[]; tiling: Tiling } | null {
  const c = calls[0];
  if (calls.length !== 1 || c === undefined || c.rows < 2 || c.cols >= minCols) return null;
  const contiguous = (col: number, row: number): boolean => col === 1 && row === c.cols;
  const repeated = (col: number, row: number): boolean => col === 1 && row === 0;
  let operand: 0 | 1;
  if (contiguous(c.aCol, c.aRow) && repeated(c.bCol, c.bRow)) operand = 1;
  else if (repeated(c.aCol, c.aRow) && contiguous(c.bCol, c.bRow)) operand = 0;
  else return null;
  const copies = Math.min(c.rows, Math.ceil(minCols / c.cols));
  const cols = copies * c.cols;
  const rows = Math.floor(c.rows / copies);
  const rest = (c.rows % copies) * c.cols;
  const row = (tiled: boolean): [number, number] => (tiled ? [0, 1] : [cols, 1]);
  const [aRow, aCol] = row(operand === 0);
  const [bRow, bCol] = row(operand === 1);
  const out: RowCall[] = [{ aOff: 0, bOff: 0, outOff: 0, rows, cols, aRow, aCol, bRow, bCol }];
  if (rest > 0) {
    const done = rows * cols;
    out.push({
      aOff: operand === 0 ? 0 : done, bOff: operand === 1 ? 0 : done, outOff: done,
      rows: 1, cols: rest, aRow, aCol, bRow, bCol,
    });
  }
  return { calls: out, tiling: { operand, period: c.cols, copies } };
}
