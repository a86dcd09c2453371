// ROUND: round half to even (float32).
import { unaryBuilders, f, floatShapeCases, t } from './_shared/unary.mjs';

const { un } = unaryBuilders('ROUND');

export default [
  ...floatShapeCases(un),
  un('ties go to even', f([12], { data: [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49999997, -0.49999997, 4194304.5, 8388609] })),
  un('non-ties', f([6], { data: [-2.6, -2.4, 2.4, 2.6, 0.51, -0.51] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
