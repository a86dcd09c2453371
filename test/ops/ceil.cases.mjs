// CEIL: smallest integer >= x (float32).
import { unaryBuilders, f, floatShapeCases, t } from './_shared/unary.mjs';

const { un } = unaryBuilders('CEIL');

export default [
  ...floatShapeCases(un),
  un('halves and signs', f([8], { data: [-2.5, -1.5, -0.5, -0, 0.5, 1.5, 2.5, 1e7 + 0.5] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
