// TILE: ranks 1..5, multiples int32/int64 (including 1 and 0), computed multiples, dtypes, errors.
import { f, out, QU, QS, QH, qt, qo } from './_shared/movement.mjs';
const m = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
const tl = (name, shape, mult, extra = {}) => ({ name, op: 'TILE', inputs: [f(shape), m(mult)], outputs: out(), ...extra });
export default [
  tl('rank 1 x3', [4], [3]),
  tl('rank 2 [2,1]', [2, 3], [2, 1]),
  tl('rank 2 [1,3]', [2, 3], [1, 3]),
  tl('rank 2 [2,2]', [2, 3], [2, 2]),
  tl('rank 3 [2,1,3]', [2, 2, 2], [2, 1, 3]),
  tl('rank 4 [1,2,2,1]', [1, 2, 3, 2], [1, 2, 2, 1]),
  tl('rank 5', [1, 2, 1, 2, 2], [2, 1, 3, 1, 2]),
  tl('all ones', [2, 3], [1, 1]),
  { name: 'int64 multiples', op: 'TILE', inputs: [f([2, 3]), m([3, 1], 'int64')], outputs: out() },
  { name: 'computed multiples (dynamic output)', oracle: 'tfjs-tflite', op: 'TILE', inputs: [f([2, 3]), { dtype: 'int32', shape: [2], data: [2, 3] }], outputs: out() },
  { name: 'int32', op: 'TILE', inputs: [{ dtype: 'int32', shape: [2, 2], range: [-9, 9] }, m([2, 3])], outputs: out('int32') },
  { name: 'int64', op: 'TILE', inputs: [{ dtype: 'int64', shape: [2, 2] }, m([1, 2])], outputs: out('int64') },
  { name: 'uint8', op: 'TILE', inputs: [{ dtype: 'uint8', shape: [3] }, m([3])], outputs: out('uint8') },
  { name: 'int8', op: 'TILE', inputs: [{ dtype: 'int8', shape: [2, 2] }, m([2, 1])], outputs: out('int8') },
  { name: 'int16', op: 'TILE', inputs: [{ dtype: 'int16', shape: [2, 2] }, m([2, 2])], outputs: out('int16') },
  { name: 'bool', op: 'TILE', inputs: [{ dtype: 'bool', shape: [2, 3] }, m([2, 2])], outputs: out('bool') },
  // LiteRT.js cannot return empty outputs.
  tl('zero multiple', [2, 3], [0, 2], { oracle: 'none', expected: [[]], expectedShapes: [[0, 6]] }),
  tl('error: negative multiple', [2, 3], [2, -1], { error: 'negative' }),
  tl('error: multiples length differs from rank', [2, 3], [2], { error: 'multiples must have shape' }),
  { name: 'uint8 quantized', op: 'TILE', inputs: [qt('uint8', [2, 3], QU), m([2, 2])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'TILE', inputs: [qt('int8', [3], QS), m([3])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'TILE', inputs: [qt('int16', [2, 1], QH), m([1, 4])], outputs: qo('int16', QH) },
];
