// ADD_N: elementwise sum of two or more same-shape tensors (float32, int32).
const OP = 'ADD_N';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const i32 = (shape, extra = {}) => ({ dtype: 'int32', shape, ...extra });
const addn = (name, inputs, extra = {}) => ({ name, op: OP, inputs, outputs: [{ dtype: inputs[0].dtype }], ...extra });

export default [
  addn('float two inputs', [f([2, 3]), f([2, 3])]),
  addn('float three inputs', [f([2, 3, 4]), f([2, 3, 4]), f([2, 3, 4])]),
  addn('float five inputs', [f([7]), f([7]), f([7]), f([7]), f([7])]),
  addn('float scalars', [f([]), f([]), f([])]),
  addn('float rank 6', [f([1, 2, 1, 2, 3, 2]), f([1, 2, 1, 2, 3, 2])]),
  addn('float with a constant', [f([2, 2]), f([2, 2], { constant: true }), f([2, 2])]),
  addn('int32 three inputs', [i32([2, 3], { range: [-100, 100] }), i32([2, 3], { range: [-100, 100] }), i32([2, 3], { range: [-100, 100] })]),
  addn('int32 wraps on overflow', [i32([2], { data: [2147483647, -2147483648] }), i32([2], { data: [1, -1] })]),
  addn('one input fails', [f([2])], { error: 'at least 2' }),
  addn('shapes differ fails', [f([2, 3]), f([3])], { error: 'shape' }),
  addn('types differ fails', [f([2]), i32([2])], { error: 'int32' }),
  addn('int64 fails', [{ dtype: 'int64', shape: [2] }, { dtype: 'int64', shape: [2] }], { error: 'type' }),
];
