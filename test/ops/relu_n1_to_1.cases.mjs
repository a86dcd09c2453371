// RELU_N1_TO_1: min(max(-1, x), 1) (float32; quantized uint8/int8).
import { unaryBuilders, clampQuantizedCases, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('RELU_N1_TO_1');

export default [
  ...floatShapeCases(un, [-3, 3]),
  un('edges', f([4], { data: [-1.001, -1, 1, 1.001] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  ...clampQuantizedCases(qun),
  qun('int16 fails', q('int16', [4], 0.001, 0), { scale: 0.001, zeroPoint: 0 }, { error: 'type' }),
];
