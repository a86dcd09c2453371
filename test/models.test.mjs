// Every model in ../shared/models with a golden (*.seed1.json from the official runtime) must match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listGoldens, checkGolden } from './harness/goldens.mjs';

// Quantized models are the quantized-kernel issue's work: reported, not yet required.
const TODO = new Set([
  'coral/deeplabv3_mnv2_dm05_pascal_quant', 'coral/keras_lstm_mnist_ptq', 'coral/mobilenet_v1_0.25_128_quant',
  'coral/mobilenet_v1_0.5_160_quant', 'coral/mobilenet_v2_1.0_224_inat_bird_quant', 'coral/mobilenet_v2_1.0_224_quant',
  'coral/movenet_single_pose_lightning_ptq', 'coral/posenet_mobilenet_v1_075_353_481_16_quant_decoder',
  'coral/tf2_mobilenet_v2_1.0_224_ptq', 'tf/lstm_classifier_dynamic', 'tf/mobilenet_v2_035_96_16x8',
  'tf/mobilenet_v2_035_96_dynamic', 'tf/mobilenet_v2_035_96_int8',
]);

// melspectrogram's golden was made at its default input shape [1,1]: its first CONV_2D (VALID, 512 wide)
// then has no valid output, and LiteRT.js returns uninitialized memory (denormal junk). tflite-ts reports
// the invalid shape instead; the model is checked at real audio lengths in api.test.mjs.
const INVALID_GOLDEN = { 'openwakeword/melspectrogram': /CONV_2D.*does not fit/ };

for (const entry of listGoldens()) {
  if (INVALID_GOLDEN[entry.name]) {
    test(`${entry.name} (golden at an invalid shape: a clean error)`, () => {
      assert.throws(() => checkGolden(entry), INVALID_GOLDEN[entry.name]);
    });
    continue;
  }
  test(entry.name, { todo: TODO.has(entry.name) ? 'quantized kernels' : undefined }, () => {
    const { stats } = checkGolden(entry);
    for (const s of stats) {
      assert.ok(s.ok, `${s.name}: max diff ${s.maxDiff} > ${s.tol} (${(s.exact * 100).toFixed(2)}% exact)${s.note ? ` ${s.note}` : ''}`);
    }
  });
}
