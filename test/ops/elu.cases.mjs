// ELU: x < 0 ? e^x - 1 : x (float32; int8 by table).
import { unaryBuilders, f, floatShapeCases, q, t } from './_shared/unary.mjs';

const { un, qun } = unaryBuilders('ELU');

export default [
  ...floatShapeCases(un, [-5, 5]),
  un('tails', f([5], { data: [-100, -1e-7, 0, 1e-7, 100] })),
  un('int32 fails', t('int32', [2]), { error: 'type' }),
  qun('int8', q('int8', [2, 3, 4], 0.0617, -5), { scale: 0.0431, zeroPoint: -40 }),
  // Exact ties in the table (the identity side): rounded to even, as XNNPACK does.
  qun('int8 wide input', q('int8', [4, 16], 0.13, 30), { scale: 0.1, zeroPoint: -118 }),
  qun('int8 rank 6', q('int8', [1, 2, 1, 2, 3, 2], 0.0217, 7), { scale: 0.0231, zeroPoint: -60 }),
  qun('uint8 fails', q('uint8', [4], 0.05, 128), { scale: 0.05, zeroPoint: 128 }, { error: 'type' }),
  qun('int8 without quantization fails', t('int8', [4]), undefined, { error: 'quantization' }),
];
