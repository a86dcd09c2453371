// MINIMUM: float32/int32/int64/int8/uint8/int16 with numpy broadcasting at any rank.
import { minMaxCases, t } from './_shared/min_max.mjs';

export default minMaxCases('MINIMUM', (bin) => [
  bin('uint8 different quantization compares raw values', t('uint8', [64], { quant: { scale: 0.05, zeroPoint: 128 } }), t('uint8', [64], { quant: { scale: 0.03, zeroPoint: 100 } }), { outputs: [{ dtype: 'uint8', quant: { scale: 0.07, zeroPoint: 120 } }] }),
]);
