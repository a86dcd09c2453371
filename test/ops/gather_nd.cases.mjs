// GATHER_ND: element and slice gathers, batched index tuples, int16/int32/int64 indices,
// every dtype, computed indices, out-of-bounds errors.
import { out, QU, QS, QS2, QH, qt, qo } from './_shared/movement.mjs';
const idx = (shape, data, dtype = 'int32') => ({ dtype, shape, constant: true, data });
const x = (dtype, shape) => ({ dtype, shape });
export default [
  { name: 'elements of a matrix', op: 'GATHER_ND', inputs: [x('float32', [3, 4]), idx([3, 2], [0, 0, 2, 3, 1, 2])], outputs: out() },
  { name: 'rows of a matrix', op: 'GATHER_ND', inputs: [x('float32', [3, 4]), idx([2, 1], [2, 0])], outputs: out() },
  { name: 'slices of a 3-D tensor', op: 'GATHER_ND', inputs: [x('float32', [2, 3, 4]), idx([2, 2], [1, 2, 0, 1])], outputs: out() },
  { name: 'batched tuples', op: 'GATHER_ND', inputs: [x('float32', [2, 3, 4]), idx([2, 2, 3], [0, 0, 0, 1, 2, 3, 1, 1, 1, 0, 2, 3])], outputs: out() },
  { name: 'single tuple (1-D indices)', op: 'GATHER_ND', inputs: [x('float32', [3, 4]), idx([2], [2, 1])], outputs: out() },
  { name: '1-D params', op: 'GATHER_ND', inputs: [x('float32', [6]), idx([4, 1], [5, 0, 3, 3])], outputs: out() },
  { name: 'int64 indices', op: 'GATHER_ND', inputs: [x('float32', [3, 3]), idx([2, 2], [2, 2, 0, 1], 'int64')], outputs: out() },
  { name: 'int16 indices', op: 'GATHER_ND', inputs: [x('float32', [3, 3]), idx([2, 1], [1, 2], 'int16')], outputs: out() },
  { name: 'computed indices', op: 'GATHER_ND', inputs: [x('float32', [4, 4, 2]), { dtype: 'int32', shape: [3, 2], range: [0, 4] }], outputs: out() },
  { name: 'int32 data', op: 'GATHER_ND', inputs: [x('int32', [3, 2]), idx([2, 2], [2, 1, 0, 0])], outputs: out('int32') },
  { name: 'int64 data', op: 'GATHER_ND', inputs: [x('int64', [3, 2]), idx([2, 1], [2, 1])], outputs: out('int64') },
  { name: 'uint8 data', op: 'GATHER_ND', inputs: [x('uint8', [2, 3]), idx([1, 2], [1, 2])], outputs: out('uint8') },
  { name: 'int8 data', op: 'GATHER_ND', inputs: [x('int8', [2, 3]), idx([2, 1], [1, 0])], outputs: out('int8') },
  { name: 'int16 data', op: 'GATHER_ND', inputs: [x('int16', [2, 3]), idx([2, 2], [1, 0, 0, 2])], outputs: out('int16') },
  { name: 'bool data', op: 'GATHER_ND', inputs: [x('bool', [3, 2]), idx([2, 1], [0, 2])], outputs: out('bool') },
  { name: 'error: index past the end', op: 'GATHER_ND', inputs: [x('float32', [3, 2]), idx([1, 2], [3, 0])], outputs: out(), error: 'out of bounds' },
  { name: 'error: negative index', op: 'GATHER_ND', inputs: [x('float32', [3, 2]), idx([1, 2], [-1, 0])], outputs: out(), error: 'out of bounds' },
  // The flat offset (3) is inside params, but LiteRT checks each coordinate.
  { name: 'error: coordinate past its dimension', op: 'GATHER_ND', inputs: [x('float32', [3, 2]), idx([1, 2], [0, 3])], outputs: out(), error: 'out of bounds' },
  { name: 'error: tuple longer than params rank', op: 'GATHER_ND', inputs: [x('float32', [3, 2]), idx([1, 3], [0, 0, 0])], outputs: out(), error: 'params rank' },
  { name: 'error: scalar params', op: 'GATHER_ND', inputs: [x('float32', []), idx([1, 0], [])], outputs: out(), error: 'at least a vector' },
  { name: 'uint8 quantized', op: 'GATHER_ND', inputs: [qt('uint8', [3, 4, 2], QU), idx([2, 2], [2, 3, 0, 1])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'GATHER_ND', inputs: [qt('int8', [3, 4], QS), idx([3, 2], [0, 0, 2, 3, 1, 2])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'GATHER_ND', inputs: [qt('int16', [2, 3], QH), idx([2, 1], [1, 0])], outputs: qo('int16', QH) },
  { name: 'int8 output quantized differently', op: 'GATHER_ND', inputs: [qt('int8', [4, 2], QS), idx([2, 1], [3, 1])], outputs: qo('int8', QS2) },
];
