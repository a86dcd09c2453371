// MAXIMUM: float32/int32/int64/int8/uint8/int16 with numpy broadcasting at any rank.
import { minMaxCases, t } from './_shared/min_max.mjs';

export default minMaxCases('MAXIMUM', (bin) => [
  bin('int8 different quantization compares raw values', t('int8', [64], { quant: { scale: 0.05, zeroPoint: 3 } }), t('int8', [64], { quant: { scale: 0.02, zeroPoint: -5 } }), { outputs: [{ dtype: 'int8', quant: { scale: 0.1, zeroPoint: -10 } }] }),
]);
