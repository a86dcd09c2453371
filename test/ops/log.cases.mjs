// LOG: natural log (float32; int8/int16 by table); 0 gives -inf, negatives NaN.
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('LOG');

export default [
  ...floatShapeCases(un, [0.001, 1000]),
  un('special values', f([5], { data: [0, 1, -1, 1e-30, 1e38] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0317, -128), { scale: 0.0431, zeroPoint: 30 }),
  qun('int8 non-positive inputs', q('int8', [4, 16], 0.05, 3), { scale: 0.031, zeroPoint: 50 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.117, -100), { scale: 0.0231, zeroPoint: -10 }),
  qun('int16', q('int16', [4, 16], 0.001, 0), { scale: 0.0005, zeroPoint: 0 }),
  qun('int16 nonzero zero point fails', q('int16', [4], 0.001, 5), { scale: 0.0005, zeroPoint: 0 }, { error: 'zero point' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
