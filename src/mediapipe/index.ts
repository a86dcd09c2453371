// MediaPipe's custom TFLite ops (mediapipe/util/tflite/operations), registered by
// the names MediaPipe models carry.
import type { KernelRegistration } from '../kernels/registration.js';
import { Convolution2DTransposeBias } from './convolution_2d_transpose_bias.js';
import { MaxPoolingWithArgmax2D } from './max_pooling_with_argmax_2d.js';
import { MaxUnpooling2D } from './max_unpooling_2d.js';
import { Landmarks2TransformMatrix } from './landmarks_to_transform_matrix.js';
import { TransformTensorBilinear } from './transform_tensor_bilinear.js';
import { TransformLandmarks } from './transform_landmarks.js';

export {
  Convolution2DTransposeBias, MaxPoolingWithArgmax2D, MaxUnpooling2D,
  Landmarks2TransformMatrix, TransformTensorBilinear, TransformLandmarks,
};

/** Every MediaPipe op of this package, keyed by custom op name. */
export const MEDIAPIPE_OPS: Readonly<Record<string, KernelRegistration>> = Object.freeze({
  Convolution2DTransposeBias,
  MaxPoolingWithArgmax2D,
  MaxUnpooling2D,
  Landmarks2TransformMatrix,
  TransformTensorBilinear,
  TransformLandmarks,
});

/**
 * Adds the MediaPipe custom ops to a resolver (e.g. a MutableOpResolver). The three
 * versioned ops (Landmarks2TransformMatrix, TransformTensorBilinear, TransformLandmarks)
 * handle versions 1 and 2 themselves.
 */
export function registerMediaPipeOps<R extends { addCustom(name: string, kernel: KernelRegistration): unknown }>(resolver: R): R {
  for (const [name, kernel] of Object.entries(MEDIAPIPE_OPS)) resolver.addCustom(name, kernel);
  return resolver;
}
