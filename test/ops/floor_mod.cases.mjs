// FLOOR_MOD: a - floor(a / b) * b, float32/int32/int64/int16/int8, numpy broadcasting; integer zero divisors fail.
import { floatCases, floorBuilder, f, int16Int8Cases, int32Cases, SIGNS_A, SIGNS_B, t } from './_shared/floor_div_mod.mjs';

const bin = floorBuilder('FLOOR_MOD');

export default [
  ...floatCases(bin),
  bin('float zero divisor gives NaN', f([2], { data: [1, 2] }), f([2], { data: [1, 0] })),
  ...int32Cases(bin),
  bin('int64 signs', t('int64', [10], { data: SIGNS_A }), t('int64', [10], { data: SIGNS_B })),
  bin('int64 broadcast', t('int64', [2, 3], { range: [-1000, 1000] }), t('int64', [3], { range: [1, 20] })),
  ...int16Int8Cases(bin),
  bin('uint8 fails', t('uint8', [2]), t('uint8', [2], { range: [1, 5] }), { error: 'type' }),
  bin('int64 zero divisor fails', t('int64', [2], { data: [1, 2] }), t('int64', [2], { data: [1, 0] }), { error: 'division by zero' }),
  bin('type mismatch fails', f([2]), t('int32', [2]), { error: 'differ' }),
];
