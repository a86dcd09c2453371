// BROADCAST_ARGS: int32/int64 shape vectors of different lengths, constant or computed, and incompatible shapes.
const c = (data, dtype = 'int32') => ({ dtype, shape: [data.length], constant: true, data });
const x = (data, dtype = 'int32') => ({ dtype, shape: [data.length], data });
export default [
  { name: 'int32 [2,1,3] and [4,1]', op: 'BROADCAST_ARGS', inputs: [x([2, 1, 3]), x([4, 1])], outputs: [{ dtype: 'int32' }] },
  { name: 'int32 equal shapes', op: 'BROADCAST_ARGS', inputs: [x([2, 3]), x([2, 3])], outputs: [{ dtype: 'int32' }] },
  { name: 'int32 ones broadcast', op: 'BROADCAST_ARGS', inputs: [x([1, 1, 5]), x([7, 1, 1, 1])], outputs: [{ dtype: 'int32' }] },
  { name: 'int32 one side empty', op: 'BROADCAST_ARGS', inputs: [x([4, 5]), c([])], outputs: [{ dtype: 'int32' }] },
  { name: 'int32 constant inputs', oracle: 'tfjs-tflite', op: 'BROADCAST_ARGS', inputs: [c([3, 1]), c([1, 6])], outputs: [{ dtype: 'int32' }] },
  { name: 'int64', op: 'BROADCAST_ARGS', inputs: [x([5, 1, 2], 'int64'), x([3, 1], 'int64')], outputs: [{ dtype: 'int64' }] },
  { name: 'error: incompatible', op: 'BROADCAST_ARGS', inputs: [x([2, 3]), x([4, 3])], outputs: [{ dtype: 'int32' }], error: 'not broadcastable' },
  { name: 'error: mixed types', op: 'BROADCAST_ARGS', inputs: [x([2, 3]), x([2, 3], 'int64')], outputs: [{ dtype: 'int32' }], error: 'share a type' },
  { name: 'error: float shapes', op: 'BROADCAST_ARGS', inputs: [x([2, 3], 'float32'), x([2, 3], 'float32')], outputs: [{ dtype: 'float32' }], error: 'expected int32 or int64' },
];
