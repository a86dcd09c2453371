// UNIDIRECTIONAL_SEQUENCE_LSTM, full-integer (8x8->16) variant, on the SIMD tier: the reference
// step (src/kernels/util/lstm_integer.ts) with its matrix products in wasm
// (wasm/assembly/lstm_q8.ts lstm_i8_matacc, bit-exact with matMulAcc) and its scratch buffers in
// the heap. The int8 weight matrices are packed into the heap once; the folded int32 biases are
// copied to the scratch at each eval (O(cells), against O(cells × inputs) products). Float and
// hybrid LSTMs, and tensors outside the heap, run the reference kernel.
import type { KernelRegistration, OpContext } from '../registration.js';
import type { WasmKernels } from '../../wasm/loader.js';
import {
  UNIDIRECTIONAL_SEQUENCE_LSTM, INTEGER_LSTM_MATRICES, LSTM_IN_PLACE, evalIntegerLstm, type LstmData,
} from '../unidirectional_sequence_lstm.js';
import { matMulAcc, type LstmIntegerParams, type LstmIntegerScratch, type LstmMatMul } from '../util/lstm_integer.js';
import { packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';

interface LstmQ8Exports {
  lstm_i8_matacc(
    x: number, w: number, bias: number, nBatch: number, nIn: number, nOut: number, multiplier: number, shift: number, zp: number,
    out: number, out16: number, lo: number, hi: number,
  ): void;
}

/** The heap views of one scratch placement (rebuilt when the memory grows or the scratch moves). */
interface Views {
  buffer: ArrayBufferLike;
  at: number;
  gates: LstmIntegerScratch;
  /** The scratch's bias area, as int32. */
  biases: Int32Array;
}

interface LstmSimd {
  ref: LstmData;
  integer: LstmIntegerParams;
  /** Heap offsets of the packed weight matrices, by the constant tensors' arrays. */
  weights: Map<ArrayBufferView, number>;
  /** Every folded bias array, with its element offset in the scratch's bias area. */
  biases: Map<Int32Array, number>;
  /** Elements per gate buffer (batch × cells). */
  n: number;
  scratch: Scratch;
  views: Views | null;
  matMul: LstmMatMul;
}

/** The folded biases LstmMatMul receives. */
function biasesOf(p: LstmIntegerParams): Int32Array[] {
  const gates = [p.input, p.forget, p.cell, p.output].filter((g) => g !== null);
  return [...gates.flatMap((g) => [g.inBias, g.recBias]), ...(p.projBias === null ? [] : [p.projBias])];
}

export function unidirectionalSequenceLstmSimd(wasm: WasmKernels): KernelRegistration {
  const q = wasm.exports as unknown as LstmQ8Exports;
  return simdKernel<LstmData, LstmSimd>(wasm, UNIDIRECTIONAL_SEQUENCE_LSTM, {
    inPlace: LSTM_IN_PLACE,
    prepare(ctx: OpContext, ref) {
      const v = ref.variant;
      if (v.mode !== 'integer') return null;
      const weights = new Map<ArrayBufferView, number>();
      for (const i of INTEGER_LSTM_MATRICES) {
        const t = ctx.optionalInput(i);
        if (t === null || t.dtype !== 'int8' || !t.isConstant) continue;
        const src = t.data as Int8Array;
        weights.set(src, packConstants(wasm, 'int8 raw', [t], Math.max(1, src.length), (buffer, offset) => new Int8Array(buffer, offset, src.length).set(src)));
      }
      const biases = new Map<Int32Array, number>();
      let biasInts = 0;
      for (const b of biasesOf(v.integer)) {
        biases.set(b, biasInts);
        biasInts += b.length;
      }
      const n = ref.nBatch * ref.nCell;
      const scratch = scratchOf(wasm);
      scratch.reserve(biasArea(n) + 4 * biasInts);
      const d: LstmSimd = { ref, integer: v.integer, weights, biases, n, scratch, views: null, matMul: matMulAcc };
      d.matMul = (x, xOff, bias, w, a, b, nBatch, nIn, nOut, zp, out, outOff, lo, hi) => {
        const views = d.views!;
        const wAt = weights.get(w), bAt = biases.get(bias);
        if (wAt === undefined || bAt === undefined || x.buffer !== views.buffer || out.buffer !== views.buffer) {
          matMulAcc(x, xOff, bias, w, a, b, nBatch, nIn, nOut, zp, out, outOff, lo, hi);
          return;
        }
        const out16 = out instanceof Int16Array ? 1 : 0;
        q.lstm_i8_matacc(
          x.byteOffset + xOff, wAt, views.biases.byteOffset + 4 * bAt, nBatch, nIn, nOut, a, b, zp, out.byteOffset + outOff * (out16 + 1), out16, lo, hi,
        );
      };
      return d;
    },
    eval(ctx, d) {
      const views = viewsOf(d, wasm.memory.buffer);
      for (const [b, k] of d.biases) views.biases.set(b, k); // the scratch is shared: other nodes overwrite it
      evalIntegerLstm(ctx, d.ref, d.integer, views.gates, d.matMul);
    },
  });
}

/** Scratch layout: four int16 gate buffers and the int8 hidden state of n elements, then the int32 biases. */
const biasArea = (n: number): number => (9 * n + 3) & ~3;

function viewsOf(d: LstmSimd, buffer: ArrayBufferLike): Views {
  const at = d.scratch.offset;
  if (d.views !== null && d.views.buffer === buffer && d.views.at === at) return d.views;
  const n = d.n;
  const gate = (k: number): Int16Array => new Int16Array(buffer, at + 2 * n * k, n);
  const ints = (d.scratch.bytes - biasArea(n)) >> 2;
  d.views = {
    buffer, at,
    gates: { s0: gate(0), s1: gate(1), s2: gate(2), s3: gate(3), s4: new Int8Array(buffer, at + 8 * n, n) },
    biases: new Int32Array(buffer, at + biasArea(n), ints),
  };
  return d.views;
}
