// SELECT_V2: cond ? x : y with numpy broadcasting over all three inputs.
const OP = 'SELECT_V2';
const c = (shape, extra = {}) => ({ dtype: 'bool', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const f = (shape, extra = {}) => t('float32', shape, extra);
const sel = (name, cond, x, y, extra = {}) => ({ name, op: OP, inputs: [cond, x, y], outputs: [{ dtype: x.dtype }], ...extra });

export default [
  sel('float same shape', c([2, 3]), f([2, 3]), f([2, 3])),
  sel('float scalar condition', c([], { data: [1] }), f([2, 3]), f([2, 3])),
  sel('float condition broadcast over rows', c([3, 1]), f([3, 4]), f([3, 4])),
  sel('float condition broadcast over columns', c([4]), f([3, 4]), f([3, 4])),
  sel('float x scalar', c([2, 3]), f([]), f([2, 3])),
  sel('float y scalar', c([2, 3]), f([2, 3]), f([])),
  sel('float three-way broadcast', c([2, 1, 1]), f([1, 3, 1]), f([1, 1, 4])),
  sel('float output larger than every input', c([2, 1]), f([1, 3]), f([2, 1])),
  sel('float rank 4 broadcast', c([2, 1, 3, 1]), f([1, 2, 1, 2]), f([2, 2, 3, 1])),
  sel('float rank 5 broadcast', c([2, 1, 3, 1, 2]), f([1, 2, 1, 2, 1]), f([2, 1, 1, 1, 2])),
  sel('float rank 6 broadcast', c([2, 1, 2, 1, 2, 1]), f([1, 2, 1, 2, 1, 2]), f([2, 2, 1, 1, 1, 1])),
  sel('float rank 7 broadcast', c([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1]), f([2, 2, 1, 1, 2, 2, 1])),
  sel('float rank 6 same shape', c([1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2])),
  sel('int32 broadcast', c([3, 1]), t('int32', [3, 4]), t('int32', [4])),
  sel('int64 broadcast', c([3]), t('int64', [2, 3]), t('int64', [2, 1])),
  sel('bool broadcast', c([2, 1]), t('bool', [1, 3]), t('bool', [2, 3])),
  sel('int8 broadcast', c([2, 1]), t('int8', [2, 3]), t('int8', [3])),
  sel('uint8 same shape', c([2, 3]), t('uint8', [2, 3]), t('uint8', [2, 3])),
  sel('int16 broadcast', c([3]), t('int16', [2, 3]), t('int16', [2, 3])),
  sel('float16 broadcast', c([2, 1]), t('float16', [2, 3]), t('float16', [3])),
  sel('float64 broadcast', c([3]), t('float64', [2, 3]), t('float64', [2, 1])),
  sel('uint16 broadcast', c([2, 1]), t('uint16', [2, 3]), t('uint16', [3])),
  sel('uint32 broadcast', c([3]), t('uint32', [2, 3]), t('uint32', [2, 3])),
  sel('incompatible shapes fail', c([3]), f([2, 4]), f([2, 4]), { error: 'broadcast' }),
  sel('int32 condition fails', t('int32', [2]), f([2]), f([2]), { error: 'type' }),
  sel('x and y types differ fails', c([2]), f([2]), t('int32', [2]), { error: 'differ' }),
  sel('int8 quantized broadcast', c([2, 1]), t('int8', [1, 3], { quant: { scale: 0.05, zeroPoint: -3 } }), t('int8', [2, 3], { quant: { scale: 0.05, zeroPoint: -3 } }), { outputs: [{ dtype: 'int8', quant: { scale: 0.05, zeroPoint: -3 } }] }),
  sel('uint8 quantized', c([4]), t('uint8', [4], { quant: { scale: 0.05, zeroPoint: 128 } }), t('uint8', [4], { quant: { scale: 0.05, zeroPoint: 128 } }), { outputs: [{ dtype: 'uint8', quant: { scale: 0.05, zeroPoint: 128 } }] }),
];
