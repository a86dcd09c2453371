// EXP: e^x (float32; int8/int16 by table).
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('EXP');

export default [
  ...floatShapeCases(un),
  un('large and small', f([6], { data: [-100, -87, 0, 1, 88, 89] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0317, -5), { scale: 0.0431, zeroPoint: -128 }),
  qun('int8 negative inputs', q('int8', [4, 16], 0.05, 127), { scale: 1 / 256, zeroPoint: -128 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0117, 7), { scale: 0.0231, zeroPoint: -100 }),
  qun('int16', q('int16', [4, 16], 0.0001, 0), { scale: 0.0005, zeroPoint: 0 }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
