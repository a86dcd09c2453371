// REVERSE_V2: single axes (positive, negative, first, last), contiguous multi-axis, no axes,
// rank up to 8, every dtype, computed axes, errors.
const ax = (data) => ({ dtype: 'int32', shape: [data.length], constant: true, data });
const x = (dtype, shape) => ({ dtype, shape });
const out = (dtype = 'float32') => [{ dtype }];
export default [
  { name: '1-D', op: 'REVERSE_V2', inputs: [x('float32', [7]), ax([0])], outputs: out() },
  { name: '2-D axis 0', op: 'REVERSE_V2', inputs: [x('float32', [3, 4]), ax([0])], outputs: out() },
  { name: '2-D axis 1', op: 'REVERSE_V2', inputs: [x('float32', [3, 4]), ax([1])], outputs: out() },
  { name: '4-D axis 2', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4, 5]), ax([2])], outputs: out() },
  { name: '4-D axis -1', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4, 5]), ax([-1])], outputs: out() },
  { name: '3-D axes [1, 2]', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4]), ax([1, 2])], outputs: out() },
  { name: '4-D axes [2, 1] unsorted', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4, 2]), ax([2, 1])], outputs: out() },
  { name: '3-D all axes', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4]), ax([0, 1, 2])], outputs: out() },
  { name: '3-D axes [-1, 1]', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4]), ax([-1, 1])], outputs: out() },
  // TFLite reads axes[-1] here (undefined behavior); TF's meaning is the identity.
  { name: 'no axes', op: 'REVERSE_V2', inputs: [{ dtype: 'float32', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }, ax([])], outputs: out(),
    expected: [[1, 2, 3, 4, 5, 6]] },
  { name: '8-D axis 5', op: 'REVERSE_V2', inputs: [x('float32', [2, 1, 2, 1, 2, 3, 1, 2]), ax([5])], outputs: out() },
  { name: 'int32 data', op: 'REVERSE_V2', inputs: [x('int32', [3, 4]), ax([1])], outputs: out('int32') },
  { name: 'int64 data', op: 'REVERSE_V2', inputs: [x('int64', [5]), ax([0])], outputs: out('int64') },
  { name: 'uint8 data', op: 'REVERSE_V2', inputs: [x('uint8', [2, 5]), ax([1])], outputs: out('uint8') },
  { name: 'int8 data', op: 'REVERSE_V2', inputs: [x('int8', [4, 2]), ax([0])], outputs: out('int8') },
  { name: 'int16 data', op: 'REVERSE_V2', inputs: [x('int16', [4, 2]), ax([-1])], outputs: out('int16') },
  { name: 'bool data', op: 'REVERSE_V2', inputs: [x('bool', [2, 3]), ax([1])], outputs: out('bool') },
  { name: 'computed axis', op: 'REVERSE_V2', inputs: [x('float32', [3, 4]), { dtype: 'int32', shape: [1], data: [1] }], outputs: out() },
  { name: 'error: non-contiguous axes', op: 'REVERSE_V2', inputs: [x('float32', [2, 3, 4]), ax([0, 2])], outputs: out(), error: 'contiguous' },
  { name: 'error: repeated axis', op: 'REVERSE_V2', inputs: [x('float32', [2, 3]), ax([1, 1])], outputs: out(), error: 'contiguous' },
  { name: 'error: axis out of range', op: 'REVERSE_V2', inputs: [x('float32', [2, 3]), ax([2])], outputs: out(), error: 'out of range' },
  { name: 'error: int64 axis', op: 'REVERSE_V2', inputs: [x('float32', [2, 3]), { dtype: 'int64', shape: [1], constant: true, data: [0] }], outputs: out(), error: 'expected int32' },
  { name: 'error: more axes than rank', op: 'REVERSE_V2', inputs: [x('float32', [2]), ax([0, 0])], outputs: out(), error: 'axes given' },
];
