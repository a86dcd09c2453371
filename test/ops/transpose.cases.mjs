// TRANSPOSE: ranks 1..6, perm int32/int64, computed perm, dtypes, bad perms.
import { f, out, QU, QS, QH, QH2, qt, qo } from './_shared/movement.mjs';
const p = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
const tr = (name, shape, perm, extra = {}) => ({ name, op: 'TRANSPOSE', inputs: [f(shape), p(perm)], outputs: out(), ...extra });
export default [
  tr('rank 1 identity', [5], [0]),
  tr('rank 2 [1,0]', [3, 4], [1, 0]),
  tr('rank 3 [2,0,1]', [2, 3, 4], [2, 0, 1]),
  tr('rank 3 [0,2,1]', [2, 3, 4], [0, 2, 1]),
  tr('rank 3 [1,0,2]', [2, 3, 4], [1, 0, 2]),
  tr('rank 4 NHWC to NCHW', [2, 3, 4, 5], [0, 3, 1, 2]),
  tr('rank 4 reverse', [2, 3, 4, 5], [3, 2, 1, 0]),
  tr('rank 5', [2, 3, 2, 4, 2], [4, 1, 0, 3, 2]),
  tr('rank 6', [2, 1, 3, 2, 2, 3], [5, 3, 0, 4, 2, 1]),
  tr('size-1 dims', [1, 4, 1, 3], [2, 3, 0, 1]),
  // TFLite reads perm as int32 words, so only int64 perms whose words agree ([1,0] = words 1,0,0,0) match the oracle.
  { name: 'int64 perm rank 2', op: 'TRANSPOSE', inputs: [f([3, 4]), p([1, 0], 'int64')], outputs: out() },
  { name: 'int64 perm rank 3', op: 'TRANSPOSE', oracle: 'none', inputs: [{ dtype: 'float32', shape: [2, 3, 2], data: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, p([2, 0, 1], 'int64')],
    outputs: out(), expected: [[0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11]], expectedShapes: [[2, 2, 3]] },
  { name: 'computed perm (dynamic output)', oracle: 'tfjs-tflite', op: 'TRANSPOSE', inputs: [f([2, 3, 4]), { dtype: 'int32', shape: [3], data: [2, 1, 0] }], outputs: out() },
  { name: 'int32', op: 'TRANSPOSE', inputs: [{ dtype: 'int32', shape: [3, 4], range: [-99, 99] }, p([1, 0])], outputs: out('int32') },
  { name: 'int64', op: 'TRANSPOSE', inputs: [{ dtype: 'int64', shape: [2, 3, 2] }, p([2, 0, 1])], outputs: out('int64') },
  { name: 'uint8', op: 'TRANSPOSE', inputs: [{ dtype: 'uint8', shape: [2, 3, 2] }, p([1, 2, 0])], outputs: out('uint8') },
  { name: 'int8', op: 'TRANSPOSE', inputs: [{ dtype: 'int8', shape: [1, 2, 3, 2] }, p([0, 3, 1, 2])], outputs: out('int8') },
  { name: 'int16', op: 'TRANSPOSE', inputs: [{ dtype: 'int16', shape: [3, 4] }, p([1, 0])], outputs: out('int16') },
  { name: 'bool', op: 'TRANSPOSE', inputs: [{ dtype: 'bool', shape: [3, 4] }, p([1, 0])], outputs: out('bool') },
  tr('error: repeated perm value', [2, 3], [0, 0], { error: 'repeats' }),
  tr('error: perm value out of range', [2, 3], [0, 2], { error: 'out of range' }),
  tr('error: negative perm value', [2, 3], [-1, 0], { error: 'out of range' }),
  tr('error: perm length differs from rank', [2, 3], [1, 0, 2], { error: 'perm must have shape' }),
  tr('error: rank 7', [1, 1, 1, 1, 1, 1, 2], [6, 5, 4, 3, 2, 1, 0], { error: 'exceeds 6' }),
  { name: 'uint8 quantized', op: 'TRANSPOSE', inputs: [qt('uint8', [2, 3, 4], QU), p([2, 0, 1])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized rank 5', op: 'TRANSPOSE', inputs: [qt('int8', [2, 1, 3, 2, 2], QS), p([4, 2, 0, 3, 1])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'TRANSPOSE', inputs: [qt('int16', [3, 4], QH), p([1, 0])], outputs: qo('int16', QH) },
  // TFLite's kernel copies raw values whatever the output quantization (XNNPACK refuses 8-bit ones).
  { name: 'int16 output quantized differently', op: 'TRANSPOSE', inputs: [qt('int16', [2, 3], QH), p([1, 0])], outputs: qo('int16', QH2) },
];
