// NOT_EQUAL: a != b → bool, float32/int32/int64/bool with numpy broadcasting at any rank; quantized uint8/int8 and int16.
import { equalityCases, small } from './_shared/comparison.mjs';

export default equalityCases('NOT_EQUAL', (bin) => [
  bin('int16 without quantization fails', small('int16', [2]), small('int16', [2]), { error: 'quantization' }),
]);
