// SUB: float32/int32/int64, numpy broadcasting at any rank, fused activations.
const OP = 'SUB';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const opts = (act = 0) => ({ fusedActivationFunction: act, potScaleInt16: true });
const bin = (name, a, b, act = 0, extra = {}) => ({ name, op: OP, options: opts(act), inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });

export default [
  bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
  bin('float rank 0 both', f([]), f([])),
  bin('float scalar + tensor', f([]), f([2, 3])),
  bin('float tensor + scalar', f([2, 3]), f([])),
  bin('float trailing vector', f([2, 3, 4]), f([4])),
  bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
  bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
  bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
  bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
  bin('float rank 7 same shape', f([1, 2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 2, 3])),
  bin('float size 1 vs rank 2', f([1]), f([3, 2])),
  bin('float empty', f([0, 3]), f([3]), 0, { expected: [[]], expectedShapes: [[0, 3]] }),
  bin('float constant operand', f([2, 3]), f([3], { constant: true })),
  bin('float relu', f([3, 4], { range: [-5, 5] }), f([4], { range: [-5, 5] }), 1),
  bin('float relu_n1_to_1', f([3, 4], { range: [-3, 3] }), f([3, 4], { range: [-3, 3] }), 2),
  bin('float relu6', f([3, 4], { range: [-10, 10] }), f([1, 4], { range: [-10, 10] }), 3),
  bin('float tanh activation is ignored', f([3, 4], { range: [-3, 3] }), f([3, 4], { range: [-3, 3] }), 4),
  bin('float sign_bit activation is ignored', f([3, 4], { range: [-3, 3] }), f([4], { range: [-3, 3] }), 5),
  bin('float overflow gives inf', f([4], { data: [3e38, -3e38, 1, 3.4e38] }), f([4], { data: [-3e38, 3e38, 2, -3.4e38] })),
  bin('float large values', f([2, 5], { range: [-1e6, 1e6] }), f([5], { range: [-1e6, 1e6] })),
  bin('int32 same shape', t('int32', [2, 3], { range: [-100, 100] }), t('int32', [2, 3], { range: [-100, 100] })),
  bin('int32 broadcast', t('int32', [2, 1, 3], { range: [-100, 100] }), t('int32', [4, 1], { range: [-100, 100] })),
  bin('int32 rank 6 broadcast', t('int32', [2, 1, 2, 1, 2, 1]), t('int32', [1, 2, 1, 2, 1, 3])),
  bin('int32 relu', t('int32', [2, 5], { range: [-10, 10] }), t('int32', [5], { range: [-10, 10] }), 1),
  bin('int32 relu6', t('int32', [2, 5], { range: [-10, 10] }), t('int32', [2, 5], { range: [-10, 10] }), 3),
  bin('int32 relu_n1_to_1', t('int32', [2, 5], { range: [-3, 3] }), t('int32', [2, 5], { range: [-3, 3] }), 2),
  bin('int32 wraps on overflow', t('int32', [3], { data: [2147483647, -2147483648, 5] }), t('int32', [3], { data: [-1, 1, 7] })),
  bin('int64 same shape', t('int64', [2, 3], { range: [-1000, 1000] }), t('int64', [2, 3], { range: [-1000, 1000] })),
  bin('int64 broadcast', t('int64', [3, 1]), t('int64', [1, 4])),
  bin('int64 relu6', t('int64', [2, 4], { range: [-10, 10] }), t('int64', [4], { range: [-10, 10] }), 3),
  bin('type mismatch fails', f([2]), t('int32', [2]), 0, { error: 'differ' }),
  bin('int16 fails', t('int16', [2]), t('int16', [2]), 0, { error: 'type' }),
  bin('bool fails', t('bool', [2]), t('bool', [2]), 0, { error: 'type' }),
  bin('incompatible shapes fail', f([2, 3]), f([4]), 0, { error: 'broadcast' }),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 8 broadcast', f([2, 1, 2, 1, 2, 1, 2, 1]), f([1, 2, 1, 2, 1, 2, 1, 2])),
  bin('int32 rank 7 broadcast', t('int32', [2, 1, 2, 1, 2, 1, 2]), t('int32', [1, 2, 1, 2, 1, 2, 1])),
  { name: 'wrong output type fails', op: OP, options: opts(), inputs: [f([2]), f([2])], outputs: [{ dtype: 'int32' }], error: 'type' },
];
