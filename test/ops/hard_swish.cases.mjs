// HARD_SWISH: x * relu6(x + 3) / 6 (float32; quantized uint8/int8).
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('HARD_SWISH');

export default [
  ...floatShapeCases(un, [-6, 6]),
  un('knees', f([7], { data: [-4, -3, -2.5, 0, 2.5, 3, 4] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('uint8', q('uint8', [2, 3, 4], 0.05, 128), { scale: 0.03, zeroPoint: 20 }),
  qun('uint8 wide input', q('uint8', [4, 16], 0.13, 100), { scale: 0.11, zeroPoint: 5 }),
  qun('int8', q('int8', [2, 3, 4], 0.0617, -5), { scale: 0.0431, zeroPoint: -110 }),
  qun('int8 small input scale', q('int8', [4, 16], 0.0031, 3), { scale: 0.0027, zeroPoint: -20 }),
  qun('int8 same params', q('int8', [4, 16], 0.047, -10), { scale: 0.047, zeroPoint: -10 }),
  qun('int8 large input scale', q('int8', [4, 16], 0.4, 0), { scale: 0.3, zeroPoint: -100 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0731, 7), { scale: 0.05, zeroPoint: -100 }),
  qun('int8 output scale too small fails', q('int8', [4], 0.05, 0), { scale: 0.0001, zeroPoint: 0 }, { error: 'too small' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
