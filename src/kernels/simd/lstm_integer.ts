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
import { matMulAcc, type LstmIntegerParams, type LstmMatMul } from '../util/lstm_integer.js';
import { packConstants, scratchOf, simdKernel, type Scratch } from './tier.js';

interface LstmQ8Exports {
  lstm_i8_matacc(
    x: number, w: number, bias: number, nBatch: number, nIn: number, nOut: number, multiplier: number, shift: number, zp: number,
    out: number, out16: number, lo: number, hi: number,
  ): void;
}

interface LstmSimd {
  ref: LstmData;
  integer: LstmIntegerParams;
  /** Heap offsets of the packed weight matrices, by the constant tensors' arrays. */
  weights: Map<ArrayBufferView, number>;
  /** Every folded bias array, in scratch order. */
  biases: Int32Array[];
  /** Elements per gate buffer (batch × cells). */
  n: number;
  scratch: Scratch;
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
      const biases = biasesOf(v.integer);
      const n = ref.nBatch * ref.nCell;
      const scratch = scratchOf(wasm);
      scratch.reserve(align4(9 * n) + 4 * biases.reduce((a, b) => a + b.length, 0));
      return { ref, integer: v.integer, weights, biases, n, scratch };
    },
    eval(ctx, d) {
      const buffer = wasm.memory.buffer;
      const at = d.scratch.offset, n = d.n;
      const gates = [0, 1, 2, 3].map((k) => new Int16Array(buffer, at + 2 * n * k, n));
      const hidden = new Int8Array(buffer, at + 8 * n, n);
      const biasAt = new Map<Int32Array, number>();
      let off = at + align4(9 * n);
      for (const b of d.biases) {
        new Int32Array(buffer, off, b.length).set(b);
        biasAt.set(b, off);
        off += 4 * b.length;
      }
      const matMul: LstmMatMul = (x, xOff, bias, w, a, b, nBatch, nIn, nOut, zp, out, outOff, lo, hi) => {
        const wAt = d.weights.get(w), bAt = biasAt.get(bias);
        if (wAt === undefined || bAt === undefined || x.buffer !== buffer || out.buffer !== buffer) {
          matMulAcc(x, xOff, bias, w, a, b, nBatch, nIn, nOut, zp, out, outOff, lo, hi);
          return;
        }
        const out16 = out instanceof Int16Array ? 1 : 0;
        q.lstm_i8_matacc(x.byteOffset + xOff, wAt, bAt, nBatch, nIn, nOut, a, b, zp, out.byteOffset + outOff * (out16 + 1), out16, lo, hi);
      };
      evalIntegerLstm(ctx, d.ref, d.integer, { s0: gates[0]!, s1: gates[1]!, s2: gates[2]!, s3: gates[3]!, s4: hidden }, matMul);
    },
  });
}

const align4 = (bytes: number): number => (bytes + 3) & ~3;
