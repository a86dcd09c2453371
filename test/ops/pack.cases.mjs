// PACK: axes 0..rank and negative, scalars, many inputs, dtypes, errors.
import { f, out, QU, QS, QS2, QH, qt, qo } from './_shared/movement.mjs';
const n = (k, spec) => Array.from({ length: k }, () => ({ ...spec }));
const opt = (valuesCount, axis) => ({ valuesCount, axis });
export default [
  { name: 'axis 0', op: 'PACK', options: opt(3, 0), inputs: n(3, f([2, 3])), outputs: out() },
  { name: 'axis 1', op: 'PACK', options: opt(3, 1), inputs: n(3, f([2, 3])), outputs: out() },
  { name: 'axis 2 (= rank)', op: 'PACK', options: opt(2, 2), inputs: n(2, f([2, 3])), outputs: out() },
  { name: 'axis -1', op: 'PACK', options: opt(4, -1), inputs: n(4, f([2, 3])), outputs: out() },
  { name: 'axis -3', op: 'PACK', options: opt(2, -3), inputs: n(2, f([2, 3])), outputs: out() },
  { name: 'scalars', op: 'PACK', options: opt(5, 0), inputs: n(5, f([])), outputs: out() },
  { name: 'single input', op: 'PACK', options: opt(1, 0), inputs: n(1, f([4])), outputs: out() },
  { name: 'rank 4 axis 2', op: 'PACK', options: opt(2, 2), inputs: n(2, f([1, 2, 3, 2])), outputs: out() },
  { name: 'constant input', op: 'PACK', options: opt(2, 1), inputs: [f([3]), { dtype: 'float32', shape: [3], constant: true }], outputs: out() },
  { name: 'int32', op: 'PACK', options: opt(2, 1), inputs: n(2, { dtype: 'int32', shape: [2, 2], range: [-20, 20] }), outputs: out('int32') },
  { name: 'int64', op: 'PACK', options: opt(3, 0), inputs: n(3, { dtype: 'int64', shape: [2] }), outputs: out('int64') },
  { name: 'uint8', op: 'PACK', options: opt(2, 1), inputs: n(2, { dtype: 'uint8', shape: [3] }), outputs: out('uint8') },
  { name: 'int8', op: 'PACK', options: opt(2, 0), inputs: n(2, { dtype: 'int8', shape: [3] }), outputs: out('int8') },
  { name: 'int16', op: 'PACK', options: opt(2, 1), inputs: n(2, { dtype: 'int16', shape: [3] }), outputs: out('int16') },
  // TFLite's PACK has no bool kernel: checked by hand.
  { name: 'bool', op: 'PACK', options: opt(2, 1), oracle: 'none', inputs: [{ dtype: 'bool', shape: [3], data: [1, 0, 1] }, { dtype: 'bool', shape: [3], data: [0, 0, 1] }],
    outputs: out('bool'), expected: [[1, 0, 0, 0, 1, 1]], expectedShapes: [[3, 2]] },
  { name: 'error: values_count mismatch', op: 'PACK', options: opt(3, 0), inputs: n(2, f([2])), outputs: out(), error: 'values_count' },
  { name: 'error: shapes differ', op: 'PACK', options: opt(2, 0), inputs: [f([2]), f([3])], outputs: out(), error: 'differs' },
  { name: 'error: axis out of range', op: 'PACK', options: opt(2, 3), inputs: n(2, f([2, 3])), outputs: out(), error: 'out of range' },
  // Quantized values are stacked unchanged: TFLite requires every input quantized as the output.
  { name: 'uint8 quantized', op: 'PACK', options: opt(3, 1), inputs: n(3, qt('uint8', [2, 3], QU)), outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'PACK', options: opt(2, -1), inputs: n(2, qt('int8', [4], QS)), outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'PACK', options: opt(2, 0), inputs: n(2, qt('int16', [2, 2], QH)), outputs: qo('int16', QH) },
  { name: 'error: quantization differs', op: 'PACK', options: opt(2, 0), inputs: [qt('int8', [3], QS), qt('int8', [3], QS2)], outputs: qo('int8', QS), error: 'must be quantized as' },
];
