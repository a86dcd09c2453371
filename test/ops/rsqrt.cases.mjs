// RSQRT: 1 / sqrt(x) (float32; quantized int8/int16); 0 gives inf, negatives NaN.
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('RSQRT');

export default [
  ...floatShapeCases(un, [0.01, 100]),
  un('special values', f([5], { data: [0, 1, 4, -1, 1e-30] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.05, -128), { scale: 0.03, zeroPoint: -128 }),
  qun('int8 zero point inside', q('int8', [4, 8], 0.0617, -20, { range: [-20, 128] }), { scale: 0.11, zeroPoint: -100 }),
  qun('int8 small scales', q('int8', [16], 0.0041, -128), { scale: 0.17, zeroPoint: -128 }),
  qun('int8 wide input scale', q('int8', [16], 1.7, -128), { scale: 0.0031, zeroPoint: -128 }),
  qun('int8 below the zero point fails', q('int8', [2], 0.05, 0, { data: [3, -1] }), { scale: 0.03, zeroPoint: -128 }, { error: 'positive' }),
  qun('int16', q('int16', [4, 8], 0.001, 0, { range: [0, 32768] }), { scale: 0.0002, zeroPoint: 0 }),
  qun('int16 small values', q('int16', [16], 0.0001, 0, { range: [0, 200] }), { scale: 0.004, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 2), { scale: 0.001, zeroPoint: 0 }, { error: 'zero point' }),
  qun('int8 without quantization fails', t('int8', [2]), undefined, { error: 'quantization' }),
];
