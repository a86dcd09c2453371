// SIN: sine (float32).
import { unaryBuilders, f, floatShapeCases, t } from './_shared/unary.mjs';

const { un } = unaryBuilders('SIN');

export default [
  ...floatShapeCases(un),
  un('large arguments', f([4], { data: [100, -1000, 12345.678, 3.14159265] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
];
