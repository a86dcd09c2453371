// SQUARE: x * x (float32).
import { unaryBuilders, f, floatShapeCases, t } from './_shared/unary.mjs';

const { un } = unaryBuilders('SQUARE');

export default [
  ...floatShapeCases(un, [-100, 100]),
  un('overflow to inf', f([3], { data: [1e20, -1e20, 3] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  un('int64 fails', t('int64', [2]), { error: 'type' }),
];
