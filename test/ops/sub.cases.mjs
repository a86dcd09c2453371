// SUB: float32/int32/int64 and quantized uint8/int8/int16, numpy broadcasting at any rank, fused activations.
// 8-bit cases run XNNPACK's arithmetic in the official runtime, cases it declines TFLite's builtin kernel.
import { arithmeticBuilders, f, t, q, floatCases, intCases, int16Cases, tailCases, wrongOutputTypeCase } from './_shared/arithmetic.mjs';

const opts = (act = 0) => ({ fusedActivationFunction: act, potScaleInt16: true });
const { bin, qbin } = arithmeticBuilders('SUB', opts);

export default [
  ...floatCases(bin, [-3e38, 3e38, 2, -3.4e38]),
  ...intCases(bin, [2147483647, -2147483648, 5], [-1, 1, 7]),
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
  qbin('int16 general nonzero zero point fails', q('int16', [4], 0.0003, 3), q('int16', [4], 0.0002, 0), { scale: 0.0005, zeroPoint: 0 }, 0, { error: 'zero point', options: { potScaleInt16: false } }),
  qbin('int16 power-of-two two shifted inputs fail', q('int16', [4], 2 ** -12, 0), q('int16', [4], 2 ** -11, 0), { scale: 2 ** -10, zeroPoint: 0 }, 0, { error: 'power-of-two' }),
  ...tailCases(bin),
  wrongOutputTypeCase(bin),
];
