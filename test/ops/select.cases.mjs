// SELECT: cond ? x : y with cond of x's shape, a scalar, or rank 1 over x's first dimension.
const OP = 'SELECT';
const c = (shape, extra = {}) => ({ dtype: 'bool', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const sel = (name, cond, x, y, extra = {}) => ({ name, op: OP, inputs: [cond, x, y], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  sel('float same shape', c([2, 3]), t('float32', [2, 3]), t('float32', [2, 3])),
  sel('float rank 1 condition picks rows', c([3], { data: [1, 0, 1] }), t('float32', [3, 2, 2]), t('float32', [3, 2, 2])),
  sel('float scalar condition true', c([], { data: [1] }), t('float32', [2, 3]), t('float32', [2, 3])),
  sel('float scalar condition false', c([], { data: [0] }), t('float32', [2, 3]), t('float32', [2, 3])),
  sel('float rank 1 vectors', c([4]), t('float32', [4]), t('float32', [4])),
  sel('float rank 5 same shape', c([1, 2, 1, 3, 2]), t('float32', [1, 2, 1, 3, 2]), t('float32', [1, 2, 1, 3, 2])),
  sel('float constant condition', c([2, 3], { constant: true }), t('float32', [2, 3]), t('float32', [2, 3])),
  sel('int32 same shape', c([2, 3]), t('int32', [2, 3]), t('int32', [2, 3])),
  sel('int32 rank 1 condition', c([2], { data: [0, 1] }), t('int32', [2, 3]), t('int32', [2, 3])),
  sel('int64 same shape', c([3, 2]), t('int64', [3, 2]), t('int64', [3, 2])),
  sel('bool same shape', c([2, 3]), t('bool', [2, 3]), t('bool', [2, 3])),
  sel('int8 same shape', c([2, 3]), t('int8', [2, 3]), t('int8', [2, 3])),
  sel('uint8 rank 1 condition', c([2], { data: [1, 0] }), t('uint8', [2, 3]), t('uint8', [2, 3])),
  sel('int16 same shape', c([2, 3]), t('int16', [2, 3]), t('int16', [2, 3])),
  sel('float16 rank 1 condition', c([2], { data: [1, 0] }), t('float16', [2, 3]), t('float16', [2, 3])),
  sel('float64 same shape', c([2, 3]), t('float64', [2, 3]), t('float64', [2, 3])),
  sel('uint16 same shape', c([2, 3]), t('uint16', [2, 3]), t('uint16', [2, 3])),
  sel('uint32 rank 1 condition', c([2], { data: [0, 1] }), t('uint32', [2, 3]), t('uint32', [2, 3])),
  sel('rank 1 condition of wrong length fails', c([3]), t('float32', [2, 3]), t('float32', [2, 3]), { error: 'condition' }),
  sel('broadcast condition fails', c([1, 3]), t('float32', [2, 3]), t('float32', [2, 3]), { error: 'condition' }),
  sel('x and y shapes differ fails', c([2]), t('float32', [2, 3]), t('float32', [2, 1]), { error: 'same shape' }),
  sel('float condition fails', t('float32', [2]), t('float32', [2]), t('float32', [2]), { error: 'type' }),
  sel('x and y types differ fails', c([2]), t('float32', [2]), t('int32', [2]), { error: 'differ' }),
  sel('int8 quantized', c([2, 3]), t('int8', [2, 3], { quant: { scale: 0.05, zeroPoint: -3 } }), t('int8', [2, 3], { quant: { scale: 0.05, zeroPoint: -3 } }), { outputs: [{ dtype: 'int8', quant: { scale: 0.05, zeroPoint: -3 } }] }),
  sel('uint8 quantized rank 1 condition', c([2]), t('uint8', [2, 3], { quant: { scale: 0.05, zeroPoint: 128 } }), t('uint8', [2, 3], { quant: { scale: 0.05, zeroPoint: 128 } }), { outputs: [{ dtype: 'uint8', quant: { scale: 0.05, zeroPoint: 128 } }] }),
];
