// RELU: max(0, x) (float32; quantized uint8/int8/int16).
import { unaryBuilders, clampQuantizedCases, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('RELU');

export default [
  ...floatShapeCases(un, [-5, 5]),
  un('zero and extremes', f([5], { data: [-0, 0, -3e38, 3e38, -1e-30] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  ...clampQuantizedCases(qun),
  qun('int16 rescaled', q('int16', [3, 5], 0.00031, 0), { scale: 0.00047, zeroPoint: 0 }),
  qun('int16 same scale', q('int16', [16], 0.0002, 0), { scale: 0.0002, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 2), { scale: 0.001, zeroPoint: 0 }, { error: 'zero point' }),
];
