// EMBEDDING_LOOKUP: 2-D and 3-D tables, repeated ids, computed ids, same-dtype copies and
// hybrid (uint8/int8 table dequantized to float32, per tensor and per row), errors.
const ids = (data) => ({ dtype: 'int32', shape: [data.length], constant: true, data });
const x = (dtype, shape, extra = {}) => ({ dtype, shape, constant: true, ...extra });
const out = (dtype = 'float32') => [{ dtype }];
export default [
  { name: '2-D table', op: 'EMBEDDING_LOOKUP', inputs: [ids([1, 0, 2]), x('float32', [3, 4])], outputs: out() },
  { name: '3-D table, repeated ids', op: 'EMBEDDING_LOOKUP', inputs: [ids([2, 2, 0, 1]), x('float32', [3, 2, 3])], outputs: out() },
  { name: 'computed ids', op: 'EMBEDDING_LOOKUP', inputs: [{ dtype: 'int32', shape: [5], range: [0, 6] }, x('float32', [6, 3])], outputs: out() },
  { name: 'computed table', op: 'EMBEDDING_LOOKUP', inputs: [ids([3, 1]), { dtype: 'float32', shape: [4, 2] }], outputs: out() },
  { name: 'uint8 table copy', op: 'EMBEDDING_LOOKUP', inputs: [ids([1, 0]), x('uint8', [2, 3])], outputs: out('uint8') },
  { name: 'int8 table copy', op: 'EMBEDDING_LOOKUP', inputs: [ids([0, 1, 1]), x('int8', [2, 4])], outputs: out('int8') },
  { name: 'int32 table copy', op: 'EMBEDDING_LOOKUP', inputs: [ids([1]), x('int32', [2, 4])], outputs: out('int32') },
  { name: 'hybrid uint8 table', op: 'EMBEDDING_LOOKUP',
    inputs: [ids([2, 0, 1]), x('uint8', [3, 4], { range: [0, 128], quant: { scale: 0.125, zeroPoint: 0 } })], outputs: out() },
  // TFLite reads uint8 tables as int8: bytes above 127 dequantize negative.
  { name: 'hybrid uint8 table, bytes above 127', op: 'EMBEDDING_LOOKUP',
    inputs: [ids([1, 0]), x('uint8', [2, 4], { data: [0, 127, 128, 255, 200, 1, 2, 3], quant: { scale: 0.5, zeroPoint: 0 } })], outputs: out() },
  { name: 'int64 table copy', op: 'EMBEDDING_LOOKUP', inputs: [ids([1, 1]), x('int64', [2, 3])], outputs: out('int64') },
  { name: 'bool table copy', op: 'EMBEDDING_LOOKUP', inputs: [ids([0, 1]), x('bool', [2, 2])], outputs: out('bool') },
  { name: 'hybrid int8 table', op: 'EMBEDDING_LOOKUP',
    inputs: [ids([1, 2]), x('int8', [3, 2, 2], { quant: { scale: 0.03, zeroPoint: 0 } })], outputs: out() },
  { name: 'hybrid int8 per-row scales', op: 'EMBEDDING_LOOKUP',
    inputs: [ids([2, 0]), x('int8', [3, 4], { quant: { scale: [0.5, 0.25, 0.125], zeroPoint: [0, 0, 0], quantizedDimension: 0 } })], outputs: out() },
  { name: 'error: id out of range', op: 'EMBEDDING_LOOKUP', inputs: [ids([0, 3]), x('float32', [3, 2])], outputs: out(), error: 'out of bounds' },
  { name: 'error: negative id', op: 'EMBEDDING_LOOKUP', inputs: [ids([-1]), x('float32', [3, 2])], outputs: out(), error: 'out of bounds' },
  { name: 'error: 1-D table', op: 'EMBEDDING_LOOKUP', inputs: [ids([0]), x('float32', [3])], outputs: out(), error: 'rank >= 2' },
  { name: 'error: 2-D ids', op: 'EMBEDDING_LOOKUP', inputs: [{ dtype: 'int32', shape: [1, 1], constant: true, data: [0] }, x('float32', [3, 2])], outputs: out(), error: '1-D' },
  { name: 'error: hybrid with zero point', op: 'EMBEDDING_LOOKUP',
    inputs: [ids([0]), x('int8', [2, 2], { quant: { scale: 0.5, zeroPoint: 3 } })], outputs: out(), error: 'zero point' },
];
