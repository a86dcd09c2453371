// GREATER: a > b → bool, float32/int32/int64/int16 with numpy broadcasting at any rank.
const OP = 'GREATER';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const bin = (name, a, b, extra = {}) => ({ name, op: OP, inputs: [a, b], outputs: [{ dtype: 'bool' }], ...extra });
// Small integer ranges so that equal values occur often.
const small = (dtype, shape) => t(dtype, shape, { range: [-2, 3] });

export default [
  bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
  bin('float equal values', f([6], { data: [1, -2, 0.5, 0, -0, 3] }), f([6], { data: [1, 2, 0.5, -0, 0, -3] })),
  bin('float scalar', f([2, 3]), f([], { data: [0] })),
  bin('float trailing vector', f([2, 3, 4]), f([4])),
  bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('int32 rank 7 broadcast', small('int32', [2, 1, 2, 1, 2, 1, 2]), small('int32', [1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 5 same shape', f([1, 2, 1, 3, 2]), f([1, 2, 1, 3, 2])),
  bin('float constant operand', f([2, 3]), f([3], { constant: true })),
  bin('int32 same shape', small('int32', [3, 4]), small('int32', [3, 4])),
  bin('int32 broadcast', small('int32', [2, 1, 3]), small('int32', [4, 1])),
  bin('int64 same shape', small('int64', [3, 4]), small('int64', [3, 4])),
  bin('int64 broadcast', small('int64', [3, 1]), small('int64', [1, 4])),
  bin('bool fails', t('bool', [2]), t('bool', [2]), { error: 'type' }),
  bin('int16 same shape', small('int16', [3, 4]), small('int16', [3, 4])),
  bin('int16 broadcast', small('int16', [2, 1, 3]), small('int16', [4, 1])),
  bin('type mismatch fails', f([2]), t('int32', [2]), { error: 'differ' }),
  bin('incompatible shapes fail', f([2, 3]), f([4]), { error: 'broadcast' }),
  { name: 'float output fails', op: OP, inputs: [f([2]), f([2])], outputs: [{ dtype: 'float32' }], error: 'type' },
];
