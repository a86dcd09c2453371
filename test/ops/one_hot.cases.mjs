// ONE_HOT: axis -1 / 0 / middle, int32/int64 indices, out-of-range and negative indices,
// every output dtype, computed depth/values, errors.
const ix = (shape, data, dtype = 'int32') => ({ dtype, shape, constant: true, data });
const depth = (d) => ({ dtype: 'int32', shape: [], constant: true, data: [d] });
const val = (dtype, v) => ({ dtype, shape: [], constant: true, data: [v] });
const out = (dtype = 'float32') => [{ dtype }];
export default [
  { name: 'axis -1 vector', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([4], [0, 2, 1, 3]), depth(4), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'axis 0 vector', op: 'ONE_HOT', options: { axis: 0 }, inputs: [ix([3], [2, 0, 1]), depth(3), val('float32', 5), val('float32', -1)], outputs: out() },
  { name: 'axis 1 of matrix indices', op: 'ONE_HOT', options: { axis: 1 }, inputs: [ix([2, 3], [0, 1, 2, 2, 1, 0]), depth(3), val('float32', 2.5), val('float32', 0.5)], outputs: out() },
  { name: 'axis -1 of matrix indices', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([2, 2], [1, 0, 3, 2]), depth(4), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'out-of-range and negative indices', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([4], [-1, 5, 2, 3]), depth(3), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'scalar index', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([], [1]), depth(3), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'depth 0', oracle: 'tfjs-tflite', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([2], [0, 1]), depth(0), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'int64 indices', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [2, 0, 1], 'int64'), depth(3), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'computed indices', op: 'ONE_HOT', options: { axis: -1 }, inputs: [{ dtype: 'int32', shape: [2, 3], range: [0, 5] }, depth(5), val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'computed on/off values', op: 'ONE_HOT', options: { axis: 0 }, inputs: [ix([3], [1, 1, 0]), depth(2), { dtype: 'float32', shape: [] }, { dtype: 'float32', shape: [] }], outputs: out() },
  { name: 'int32 output', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [0, 2, 1]), depth(3), val('int32', 7), val('int32', -7)], outputs: out('int32') },
  { name: 'int64 output', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [0, 2, 1]), depth(3), val('int64', 100), val('int64', 3)], outputs: out('int64') },
  { name: 'uint8 output', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [0, 2, 1]), depth(3), val('uint8', 255), val('uint8', 1)], outputs: out('uint8') },
  { name: 'int8 output', op: 'ONE_HOT', options: { axis: 0 }, inputs: [ix([3], [0, 2, 1]), depth(3), val('int8', -5), val('int8', 4)], outputs: out('int8') },
  { name: 'bool output', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([2, 2], [0, 1, 1, 0]), depth(2), val('bool', 1), val('bool', 0)], outputs: out('bool') },
  { name: 'computed depth (dynamic output)', oracle: 'tfjs-tflite', op: 'ONE_HOT', options: { axis: -1 },
    inputs: [ix([3], [0, 2, 1]), { dtype: 'int32', shape: [], data: [4] }, val('float32', 1), val('float32', 0)], outputs: out() },
  { name: 'error: axis -2', op: 'ONE_HOT', options: { axis: -2 }, inputs: [ix([3], [0, 1, 2]), depth(3), val('float32', 1), val('float32', 0)], outputs: out(), error: 'axis' },
  { name: 'error: axis past rank', op: 'ONE_HOT', options: { axis: 2 }, inputs: [ix([3], [0, 1, 2]), depth(3), val('float32', 1), val('float32', 0)], outputs: out(), error: 'axis' },
  { name: 'error: on/off types differ', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [0, 1, 2]), depth(3), val('float32', 1), val('int32', 0)], outputs: out(), error: 'expected float32' },
  { name: 'error: float indices', op: 'ONE_HOT', options: { axis: -1 }, inputs: [{ dtype: 'float32', shape: [1], constant: true, data: [0] }, depth(3), val('float32', 1), val('float32', 0)], outputs: out(), error: 'expected int32' },
  { name: 'error: negative depth', op: 'ONE_HOT', options: { axis: -1 }, inputs: [ix([3], [0, 1, 2]), depth(-1), val('float32', 1), val('float32', 0)], outputs: out(), error: 'depth' },
];
