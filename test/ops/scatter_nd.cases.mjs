// SCATTER_ND: element and slice scatters, duplicate indices (summed), every updates dtype,
// computed shape (dynamic output), shape and bounds errors.
const idx = (shape, data) => ({ dtype: 'int32', shape, constant: true, data });
const shp = (data) => ({ dtype: 'int32', shape: [data.length], constant: true, data });
const x = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const out = (dtype = 'float32') => [{ dtype }];
export default [
  { name: '1-D elements', op: 'SCATTER_ND', inputs: [idx([4, 1], [4, 3, 1, 7]), x('float32', [4]), shp([8])], outputs: out() },
  { name: 'slices into 3-D', op: 'SCATTER_ND', inputs: [idx([2, 1], [0, 2]), x('float32', [2, 4, 4]), shp([4, 4, 4])], outputs: out() },
  { name: 'elements of a matrix', op: 'SCATTER_ND', inputs: [idx([3, 2], [0, 1, 2, 2, 1, 0]), x('float32', [3]), shp([3, 3])], outputs: out() },
  { name: 'rows with batched indices', op: 'SCATTER_ND', inputs: [idx([2, 2, 1], [0, 3, 1, 2]), x('float32', [2, 2, 3]), shp([5, 3])], outputs: out() },
  { name: 'duplicate indices accumulate', op: 'SCATTER_ND',
    inputs: [idx([4, 1], [1, 1, 3, 1]), x('float32', [4], { constant: true, data: [1.5, 2.25, -1, 4] }), shp([5])], outputs: out() },
  { name: 'int32 updates with duplicates', op: 'SCATTER_ND', inputs: [idx([3, 1], [2, 0, 2]), x('int32', [3, 2]), shp([4, 2])], outputs: out('int32') },
  { name: 'int64 updates', op: 'SCATTER_ND', inputs: [idx([2, 1], [1, 0]), x('int64', [2, 2]), shp([3, 2])], outputs: out('int64') },
  { name: 'uint8 updates', op: 'SCATTER_ND', inputs: [idx([2, 1], [3, 1]), x('uint8', [2]), shp([4])], outputs: out('uint8') },
  { name: 'int8 updates', op: 'SCATTER_ND', inputs: [idx([2, 1], [0, 2]), x('int8', [2, 2]), shp([3, 2])], outputs: out('int8') },
  { name: 'bool updates', op: 'SCATTER_ND', inputs: [idx([3, 1], [0, 2, 0]), x('bool', [3, 2]), shp([3, 2])], outputs: out('bool') },
  { name: 'computed indices', op: 'SCATTER_ND', inputs: [{ dtype: 'int32', shape: [3, 2], range: [0, 3] }, x('float32', [3, 2]), shp([3, 3, 2])], outputs: out() },
  { name: 'computed shape (dynamic output)', oracle: 'tfjs-tflite', op: 'SCATTER_ND',
    inputs: [idx([2, 1], [1, 3]), x('float32', [2, 3]), { dtype: 'int32', shape: [2], data: [4, 3] }], outputs: out() },
  { name: 'error: updates do not match shape', op: 'SCATTER_ND', inputs: [idx([2, 1], [0, 1]), x('float32', [2, 3]), shp([4, 2])], outputs: out(), error: 'do not match' },
  { name: 'error: indices and updates batch differ', op: 'SCATTER_ND', inputs: [idx([2, 1], [0, 1]), x('float32', [3]), shp([4])], outputs: out(), error: 'differ' },
  { name: 'error: index out of bounds', op: 'SCATTER_ND', inputs: [idx([2, 1], [0, 4]), x('float32', [2]), shp([4])], outputs: out(), error: 'out of bounds' },
  // Flat offsets inside the output, but LiteRT checks each coordinate.
  { name: 'error: coordinate past its dimension', op: 'SCATTER_ND', inputs: [idx([1, 2], [0, 3]), x('float32', [1]), shp([3, 2])], outputs: out(), error: 'out of bounds' },
  { name: 'error: negative coordinate', op: 'SCATTER_ND', inputs: [idx([1, 2], [1, -1]), x('float32', [1]), shp([3, 2])], outputs: out(), error: 'out of bounds' },
  { name: 'error: int64 indices', op: 'SCATTER_ND',
    inputs: [{ dtype: 'int64', shape: [1, 1], constant: true, data: [0] }, x('float32', [1]), { dtype: 'int64', shape: [1], constant: true, data: [2] }], outputs: out(), error: 'expected int32' },
];
