// GATHER: axes (0, inner, negative), scalar/vector/matrix positions, batch_dims (incl. negative),
// int32/int64 positions, every dtype, computed positions, out-of-range and invalid-option errors.
import { out, QU, QU2, QS, QH, qt, qo } from './_shared/movement.mjs';
const pos = (shape, data, dtype = 'int32') => ({ dtype, shape, constant: true, data });
const rpos = (shape, hi, dtype = 'int32') => ({ dtype, shape, range: [0, hi] });
const x = (dtype, shape) => ({ dtype, shape });
const opts = (axis = 0, batchDims = 0) => ({ axis, batchDims });
export default [
  { name: 'axis 0 vector positions', op: 'GATHER', options: opts(0), inputs: [x('float32', [5, 3]), pos([4], [4, 0, 2, 2])], outputs: out() },
  { name: 'axis 1', op: 'GATHER', options: opts(1), inputs: [x('float32', [2, 4, 3]), pos([3], [3, 1, 0])], outputs: out() },
  { name: 'axis -1', op: 'GATHER', options: opts(-1), inputs: [x('float32', [2, 3, 4]), pos([2], [3, 0])], outputs: out() },
  { name: 'scalar position', op: 'GATHER', options: opts(0), inputs: [x('float32', [4, 3]), pos([], [2])], outputs: out() },
  { name: 'matrix positions axis 1', op: 'GATHER', options: opts(1), inputs: [x('float32', [3, 5]), pos([2, 3], [0, 4, 1, 1, 3, 2])], outputs: out() },
  { name: '1-D params', op: 'GATHER', options: opts(0), inputs: [x('float32', [6]), pos([5], [5, 4, 0, 1, 1])], outputs: out() },
  { name: 'int64 positions', op: 'GATHER', options: opts(0), inputs: [x('float32', [4, 2]), pos([3], [3, 1, 0], 'int64')], outputs: out() },
  { name: 'computed positions', op: 'GATHER', options: opts(1), inputs: [x('float32', [3, 6, 2]), rpos([2, 2], 6)], outputs: out() },
  { name: 'batch_dims 1', op: 'GATHER', options: opts(1, 1), inputs: [x('float32', [2, 5, 3]), pos([2, 3], [0, 4, 2, 1, 1, 3])], outputs: out() },
  { name: 'batch_dims 1 axis 2', op: 'GATHER', options: opts(2, 1), inputs: [x('float32', [2, 3, 4]), pos([2, 2], [3, 0, 1, 2])], outputs: out() },
  { name: 'batch_dims 2', op: 'GATHER', options: opts(2, 2), inputs: [x('float32', [2, 2, 5, 2]), pos([2, 2, 3], [0, 1, 4, 2, 2, 3, 1, 0, 0, 4, 4, 3])], outputs: out() },
  { name: 'batch_dims -1', op: 'GATHER', options: opts(1, -1), inputs: [x('float32', [3, 4]), pos([3, 2], [0, 3, 1, 1, 2, 0])], outputs: out() },
  { name: 'int32 data', op: 'GATHER', options: opts(0), inputs: [x('int32', [4, 2]), pos([2], [1, 3])], outputs: out('int32') },
  { name: 'int64 data', op: 'GATHER', options: opts(1), inputs: [x('int64', [2, 4]), pos([3], [1, 3, 3])], outputs: out('int64') },
  { name: 'uint8 data', op: 'GATHER', options: opts(0), inputs: [x('uint8', [5]), pos([3], [4, 0, 2])], outputs: out('uint8') },
  { name: 'int8 data', op: 'GATHER', options: opts(-1), inputs: [x('int8', [2, 5]), pos([2], [0, 4])], outputs: out('int8') },
  { name: 'int16 data', op: 'GATHER', options: opts(0), inputs: [x('int16', [3, 2]), pos([2], [2, 0])], outputs: out('int16') },
  { name: 'bool data', op: 'GATHER', options: opts(0), inputs: [x('bool', [4, 2]), pos([3], [3, 0, 1])], outputs: out('bool') },
  { name: 'error: index out of range', op: 'GATHER', options: opts(0), inputs: [x('float32', [3, 2]), pos([2], [1, 3])], outputs: out(), error: 'out of bounds' },
  { name: 'error: negative index', op: 'GATHER', options: opts(0), inputs: [x('float32', [3, 2]), pos([2], [-1, 0])], outputs: out(), error: 'out of bounds' },
  { name: 'error: axis out of range', op: 'GATHER', options: opts(2), inputs: [x('float32', [3, 2]), pos([1], [0])], outputs: out(), error: 'axis' },
  { name: 'error: batch_dims > axis', op: 'GATHER', options: opts(0, 1), inputs: [x('float32', [2, 2]), pos([2, 1], [0, 1])], outputs: out(), error: 'batch_dims' },
  { name: 'error: batch dimension mismatch', op: 'GATHER', options: opts(1, 1), inputs: [x('float32', [2, 3]), pos([3, 1], [0, 1, 2])], outputs: out(), error: 'batch dimension' },
  { name: 'error: float positions', op: 'GATHER', options: opts(0), inputs: [x('float32', [2]), { dtype: 'float32', shape: [1], constant: true, data: [0] }], outputs: out(), error: 'expected int32' },
  // Quantized values are copied unchanged (TFLite does not compare the quantization).
  { name: 'uint8 quantized', op: 'GATHER', options: opts(1), inputs: [qt('uint8', [2, 5, 3], QU), pos([3], [4, 0, 4])], outputs: qo('uint8', QU) },
  { name: 'int8 quantized', op: 'GATHER', options: opts(0), inputs: [qt('int8', [6, 4], QS), pos([2, 2], [5, 0, 1, 5])], outputs: qo('int8', QS) },
  { name: 'int16 quantized', op: 'GATHER', options: opts(-1), inputs: [qt('int16', [3, 4], QH), pos([2], [3, 1])], outputs: qo('int16', QH) },
  { name: 'uint8 output quantized differently', op: 'GATHER', options: opts(0), inputs: [qt('uint8', [4, 2], QU), pos([2], [3, 1])], outputs: qo('uint8', QU2) },
];
