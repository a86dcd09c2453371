// Every model in ../shared/models with a golden (*.seed1.json from the official runtime) must match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listGoldens, checkGolden } from './harness/goldens.mjs';

// melspectrogram's golden was made at its default input shape [1,1]: its first CONV_2D (VALID, 512 wide)
// then has no valid output, and LiteRT.js returns uninitialized memory (denormal junk). tflite-ts reports
// the invalid shape instead; the model is checked at real audio lengths in api.test.mjs.
// posenet's decoder is Coral's custom op PosenetDecoderOp (not a TFLite op): reported as unresolved.
const INVALID_GOLDEN = {
  'openwakeword/melspectrogram': /CONV_2D.*does not fit/,
  'coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder': /no kernel for custom op 'PosenetDecoderOp' version 1/,
};

for (const entry of listGoldens()) {
  if (INVALID_GOLDEN[entry.name]) {
    test(`${entry.name} (a clean error, see above)`, () => {
      assert.throws(() => checkGolden(entry), INVALID_GOLDEN[entry.name]);
    });
    continue;
  }
  test(entry.name, () => {
    const { stats } = checkGolden(entry);
    for (const s of stats) {
      assert.ok(s.ok, `${s.name}: max diff ${s.maxDiff} > ${s.tol} (${(s.exact * 100).toFixed(2)}% exact)${s.note ? ` ${s.note}` : ''}`);
    }
  });
}
