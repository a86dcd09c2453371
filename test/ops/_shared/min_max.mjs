// Case generators shared by MAXIMUM and MINIMUM: float32/int32/int64/int8/uint8/int16 with numpy broadcasting at any rank.
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
export const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });

/**
 * The table of `op`; `rawQuantized(bin)` gives the op's cases of quantized inputs with different parameters
 * (after the other quantized cases), `bin(name, a, b, extra)` being the op's case builder.
 */
export function minMaxCases(op, rawQuantized) {
  const bin = (name, a, b, extra = {}) => ({ name, op, inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });
  return [
    bin('float same shape', f([2, 3, 4]), f([2, 3, 4])),
    bin('float scalar', f([2, 3]), f([], { data: [0.25] })),
    bin('float trailing vector', f([2, 3, 4]), f([4])),
    bin('float both broadcast', f([1, 3, 1]), f([2, 1, 4])),
    bin('float rank 4 broadcast', f([2, 1, 3, 1]), f([1, 4, 1, 5])),
    bin('float rank 5 broadcast', f([2, 1, 3, 1, 2]), f([1, 2, 1, 4, 1])),
    bin('float rank 6 broadcast', f([2, 1, 2, 1, 2, 3]), f([1, 2, 1, 2, 1, 3])),
    bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
    bin('int32 rank 7 broadcast', t('int32', [2, 1, 2, 1, 2, 1, 2]), t('int32', [1, 2, 1, 2, 1, 2, 1])),
    bin('float rank 6 same shape', f([1, 2, 1, 2, 1, 3]), f([1, 2, 1, 2, 1, 3])),
    bin('float constant operand', f([2, 3]), f([3], { constant: true })),
    bin('float infinities', f([4], { data: [Infinity, -Infinity, 1, -1], constant: true }), f([4], { data: [1, 1, -Infinity, Infinity] })),
    bin('int32 same shape', t('int32', [2, 3], { range: [-100, 100] }), t('int32', [2, 3], { range: [-100, 100] })),
    bin('int32 broadcast', t('int32', [2, 1, 3], { range: [-100, 100] }), t('int32', [4, 1], { range: [-100, 100] })),
    bin('int32 extremes', t('int32', [2], { data: [2147483647, -2147483648] }), t('int32', [2], { data: [-2147483648, 2147483647] })),
    bin('int64 same shape', t('int64', [2, 3], { range: [-1000, 1000] }), t('int64', [2, 3], { range: [-1000, 1000] })),
    bin('int64 broadcast', t('int64', [3, 1], { range: [-10, 10] }), t('int64', [1, 4], { range: [-10, 10] })),
    bin('int8 broadcast', t('int8', [2, 3]), t('int8', [3])),
    bin('uint8 broadcast', t('uint8', [2, 3]), t('uint8', [1, 3])),
    bin('int16 same shape', t('int16', [2, 3]), t('int16', [2, 3])),
    bin('uint16 fails', t('uint16', [2]), t('uint16', [2]), { error: 'type' }),
    bin('bool fails', t('bool', [2]), t('bool', [2]), { error: 'type' }),
    bin('type mismatch fails', f([2]), t('int32', [2]), { error: 'differ' }),
    bin('incompatible shapes fail', f([2, 3]), f([4]), { error: 'broadcast' }),
    // Quantized tensors compare raw values: TFLite requires no particular parameters and does not rescale.
    bin('uint8 quantized', t('uint8', [2, 3, 4], { quant: { scale: 0.05, zeroPoint: 128 } }), t('uint8', [2, 3, 4], { quant: { scale: 0.05, zeroPoint: 128 } }), { outputs: [{ dtype: 'uint8', quant: { scale: 0.05, zeroPoint: 128 } }] }),
    bin('int8 quantized broadcast', t('int8', [2, 1, 4], { quant: { scale: 0.02, zeroPoint: -5 } }), t('int8', [3, 1], { quant: { scale: 0.02, zeroPoint: -5 } }), { outputs: [{ dtype: 'int8', quant: { scale: 0.02, zeroPoint: -5 } }] }),
    ...rawQuantized(bin),
    bin('int16 quantized', t('int16', [2, 5], { quant: { scale: 0.001, zeroPoint: 0 } }), t('int16', [5], { quant: { scale: 0.001, zeroPoint: 0 } }), { outputs: [{ dtype: 'int16', quant: { scale: 0.001, zeroPoint: 0 } }] }),
  ];
}
