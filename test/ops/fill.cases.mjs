// FILL: dims int32/int64 (constant or computed), value of each dtype, scalar output, errors.
const d = (data, dtype = 'int32', extra = {}) => ({ dtype, shape: [data.length], constant: true, data, ...extra });
const val = (dtype, data) => ({ dtype, shape: [], ...(data !== undefined ? { data: [data] } : {}) });
export default [
  { name: 'float32 [2,3]', op: 'FILL', inputs: [d([2, 3]), val('float32')], outputs: [{ dtype: 'float32' }] },
  { name: 'float32 rank 4', op: 'FILL', inputs: [d([1, 2, 3, 2]), val('float32', -2.5)], outputs: [{ dtype: 'float32' }] },
  { name: 'scalar output', op: 'FILL', inputs: [d([]), val('float32', 7)], outputs: [{ dtype: 'float32' }] },
  { name: 'int64 dims', op: 'FILL', inputs: [d([3, 2], 'int64'), val('float32', 1.5)], outputs: [{ dtype: 'float32' }] },
  { name: 'computed dims (dynamic output)', oracle: 'tfjs-tflite', op: 'FILL', inputs: [{ dtype: 'int32', shape: [2], data: [2, 4] }, val('float32', 3)], outputs: [{ dtype: 'float32' }] },
  { name: 'constant value', op: 'FILL', inputs: [d([4]), { dtype: 'float32', shape: [], constant: true, data: [0.25] }], outputs: [{ dtype: 'float32' }] },
  { name: 'int32 value', op: 'FILL', inputs: [d([2, 2]), val('int32', -17)], outputs: [{ dtype: 'int32' }] },
  { name: 'int64 value', op: 'FILL', inputs: [d([3]), val('int64', 123456)], outputs: [{ dtype: 'int64' }] },
  { name: 'bool value', op: 'FILL', inputs: [d([2, 3]), val('bool', 1)], outputs: [{ dtype: 'bool' }] },
  { name: 'int8 value', op: 'FILL', inputs: [d([2, 3]), val('int8', -5)], outputs: [{ dtype: 'int8' }] },
  { name: 'int16 value', op: 'FILL', inputs: [d([2, 3]), val('int16', 300)], outputs: [{ dtype: 'int16' }] },
  { name: 'uint8 value', op: 'FILL', inputs: [d([2, 3]), val('uint8', 200)], outputs: [{ dtype: 'uint8' }] },
  { name: 'error: negative dim', op: 'FILL', inputs: [d([2, -1]), val('float32', 1)], outputs: [{ dtype: 'float32' }], error: '>= 0' },
  { name: 'error: value not a scalar', op: 'FILL', inputs: [d([2]), { dtype: 'float32', shape: [1] }], outputs: [{ dtype: 'float32' }], error: 'scalar' },
  { name: 'error: float dims', op: 'FILL', inputs: [d([2], 'float32'), val('float32', 1)], outputs: [{ dtype: 'float32' }], error: 'expected int32 or int64' },
];
