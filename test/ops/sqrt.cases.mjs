// SQRT: square root (float32); negatives give NaN.
import { unaryBuilders, f, floatShapeCases, t } from './_shared/unary.mjs';

const { un } = unaryBuilders('SQRT');

export default [
  ...floatShapeCases(un, [0, 100]),
  un('special values', f([5], { data: [0, 1, 4, -1, 1e-30] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
