// SUB: float32/int32/int64 and quantized uint8/int8/int16, numpy broadcasting at any rank, fused activations.
// 8-bit cases run XNNPACK's arithmetic in the official runtime, cases it declines TFLite's builtin kernel.
const OP = 'SUB';
const f = (shape, extra = {}) => ({ dtype: 'float32', shape, ...extra });
const t = (dtype, shape, extra = {}) => ({ dtype, shape, ...extra });
const opts = (act = 0) => ({ fusedActivationFunction: act, potScaleInt16: true });
const bin = (name, a, b, act = 0, extra = {}) => ({ name, op: OP, options: opts(act), inputs: [a, b], outputs: [{ dtype: a.dtype }], ...extra });
const q = (dtype, shape, scale, zeroPoint, extra = {}) => ({ dtype, shape, quant: { scale, zeroPoint }, ...extra });
const qbin = (name, a, b, out, act = 0, extra = {}) => ({
  name, op: OP, options: { ...opts(act), ...extra.options }, inputs: [a, b], outputs: [{ dtype: a.dtype, quant: out }], ...extra,
});

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
  bin('int16 without quantization fails', t('int16', [2]), t('int16', [2]), 0, { error: 'quantization' }),
  qbin('uint8 same shape', q('uint8', [2, 3, 4], 0.0235, 131), q('uint8', [2, 3, 4], 0.0172, 119), { scale: 0.0311, zeroPoint: 125 }),
  qbin('uint8 broadcast', q('uint8', [2, 1, 3], 0.0517, 100), q('uint8', [4, 1], 0.0131, 7), { scale: 0.0623, zeroPoint: 90 }),
  qbin('uint8 relu', q('uint8', [2, 8], 0.0513, 128), q('uint8', [8], 0.0417, 120), { scale: 0.0319, zeroPoint: 40 }, 1),
  qbin('int8 same shape', q('int8', [2, 3, 4], 0.0235, 3), q('int8', [2, 3, 4], 0.0172, -9), { scale: 0.0311, zeroPoint: -3 }),
  qbin('int8 broadcast rank 4', q('int8', [1, 3, 1, 4], 0.0213, -128), q('int8', [2, 1, 5, 1], 0.0347, 12), { scale: 0.0451, zeroPoint: -20 }),
  qbin('int8 scalar minuend', q('int8', [], 0.0117, 7), q('int8', [3, 4], 0.0093, -2), { scale: 0.0173, zeroPoint: 0 }),
  qbin('int8 rank 5 broadcast', q('int8', [2, 1, 3, 1, 2], 0.0217, 0), q('int8', [1, 2, 1, 4, 1], 0.0323, 5), { scale: 0.0419, zeroPoint: 1 }),
  qbin('int8 relu6', q('int8', [3, 6], 0.0531, 10), q('int8', [3, 6], 0.0617, -10), { scale: 0.0413, zeroPoint: -100 }, 3),
  qbin('int8 relu_n1_to_1', q('int8', [3, 6], 0.0213, 10), q('int8', [6], 0.0257, -10), { scale: 0.0107, zeroPoint: 5 }, 2),
  qbin('int8 constant subtrahend', q('int8', [2, 5], 0.0123, -4), q('int8', [5], 0.0456, 17, { constant: true }), { scale: 0.0517, zeroPoint: 2 }),
  // A tiny output scale: the output multiplier exceeds 1 (allowed for SUB, not for ADD).
  qbin('int8 output multiplier above one', q('int8', [8], 1, 0, { range: [-3, 3] }), q('int8', [8], 1, 0, { range: [-3, 3] }), { scale: 1e-6, zeroPoint: 0 }),
  qbin('int8 tiny input-to-output scale', q('int8', [3, 6], 0.00002, 10), q('int8', [3, 6], 0.025, -10), { scale: 0.03, zeroPoint: 5 }),
  qbin('uint8 sign_bit activation is ignored', q('uint8', [3, 6], 0.02, 130), q('uint8', [3, 6], 0.025, 120), { scale: 0.01, zeroPoint: 128 }, 5),
  qbin('int16 general scales', q('int16', [2, 3, 4], 0.00031, 0), q('int16', [2, 3, 4], 0.00047, 0), { scale: 0.00061, zeroPoint: 0 }, 0, { options: { potScaleInt16: false } }),
  qbin('int16 general broadcast', q('int16', [2, 1, 4], 0.0011, 0), q('int16', [3, 1], 0.0007, 0), { scale: 0.0013, zeroPoint: 0 }, 0, { options: { potScaleInt16: false } }),
  qbin('int16 pot flag with other scales takes the general path', q('int16', [2, 5], 0.0003, 0), q('int16', [2, 5], 0.0002, 0), { scale: 0.0005, zeroPoint: 0 }),
  qbin('int16 power-of-two scales', q('int16', [2, 8], 2 ** -12, 0), q('int16', [2, 8], 2 ** -10, 0), { scale: 2 ** -10, zeroPoint: 0 }),
  qbin('int16 power-of-two broadcast', q('int16', [3, 4], 2 ** -10, 0), q('int16', [4], 2 ** -13, 0), { scale: 2 ** -10, zeroPoint: 0 }),
  qbin('int16 power-of-two relu', q('int16', [2, 8], 2 ** -10, 0), q('int16', [2, 8], 2 ** -10, 0), { scale: 2 ** -10, zeroPoint: 0 }, 1),
  qbin('int16 power-of-two nonzero zero point fails', q('int16', [4], 2 ** -10, 3), q('int16', [4], 2 ** -10, 0), { scale: 2 ** -10, zeroPoint: 0 }, 0, { error: 'zero point' }),
  qbin('int16 power-of-two two shifted inputs fail', q('int16', [4], 2 ** -12, 0), q('int16', [4], 2 ** -11, 0), { scale: 2 ** -10, zeroPoint: 0 }, 0, { error: 'power-of-two' }),
  bin('bool fails', t('bool', [2]), t('bool', [2]), 0, { error: 'type' }),
  bin('incompatible shapes fail', f([2, 3]), f([4]), 0, { error: 'broadcast' }),
  bin('float rank 7 broadcast', f([2, 1, 2, 1, 2, 1, 2]), f([1, 2, 1, 2, 1, 2, 1])),
  bin('float rank 8 broadcast', f([2, 1, 2, 1, 2, 1, 2, 1]), f([1, 2, 1, 2, 1, 2, 1, 2])),
  bin('int32 rank 7 broadcast', t('int32', [2, 1, 2, 1, 2, 1, 2]), t('int32', [1, 2, 1, 2, 1, 2, 1])),
  { name: 'wrong output type fails', op: OP, options: opts(), inputs: [f([2]), f([2])], outputs: [{ dtype: 'int32' }], error: 'type' },
];
