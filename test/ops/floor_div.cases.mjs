// FLOOR_DIV: floor(a / b), float32/int32/int16/int8, numpy broadcasting; zero divisors fail.
import { floatCases, floorBuilder, f, int16Int8Cases, int32Cases, t } from './_shared/floor_div_mod.mjs';

const bin = floorBuilder('FLOOR_DIV');

export default [
  ...floatCases(bin),
  bin('float zero divisor fails', f([2], { data: [1, 2] }), f([2], { data: [1, 0] }), { error: 'division by zero' }),
  ...int32Cases(bin),
  ...int16Int8Cases(bin),
  bin('int64 fails', t('int64', [2]), t('int64', [2], { range: [1, 5] }), { error: 'type' }),
  bin('uint8 fails', t('uint8', [2]), t('uint8', [2], { range: [1, 5] }), { error: 'type' }),
  bin('type mismatch fails', f([2]), t('int32', [2]), { error: 'differ' }),
];
