// TANH: hyperbolic tangent (float32; quantized uint8/int8 by table, int16 fixed point).
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('TANH');

export default [
  ...floatShapeCases(un, [-5, 5]),
  un('saturation', f([6], { data: [-20, -9, 0, 1e-6, 9, 20] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('uint8', q('uint8', [2, 3, 4], 0.05, 128), { scale: 1 / 128, zeroPoint: 128 }),
  qun('uint8 other output params', q('uint8', [4, 8], 0.031, 100), { scale: 0.0083, zeroPoint: 120 }),
  qun('int8', q('int8', [2, 3, 4], 0.0617, -5), { scale: 1 / 128, zeroPoint: 0 }),
  qun('int8 narrow input', q('int8', [4, 8], 0.0078, 3), { scale: 0.0091, zeroPoint: 4 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0731, 7), { scale: 1 / 128, zeroPoint: 0 }),
  qun('int16 input scale 2^-12', q('int16', [4, 16], 2 ** -12, 0), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 input scale 2^-11', q('int16', [4, 16], 2 ** -11, 0), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 power-of-two extremes', q('int16', [8], 2 ** -11, 0, { data: [-32768, 32767, 0, 1, -1, 16383, -16384, 20000] }), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 general input scale', q('int16', [4, 16], 0.00037, 0), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 input scale 2^-10', q('int16', [4, 16], 2 ** -10, 0), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 extremes', q('int16', [8], 0.001, 0, { data: [-32768, 32767, 0, 1, -1, 4096, -4096, 20000] }), { scale: 2 ** -15, zeroPoint: 0 }),
  qun('int16 output scale fails', q('int16', [4], 2 ** -12, 0), { scale: 2 ** -14, zeroPoint: 0 }, { error: 'scale' }),
  qun('int16 nonzero zero point fails', q('int16', [4], 2 ** -12, 1), { scale: 2 ** -15, zeroPoint: 0 }, { error: 'zero point' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
