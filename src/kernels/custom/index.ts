// TFLite's own custom ops (registered by the custom names converted models carry).
import type { KernelRegistration } from '../registration.js';
import { TFLITE_DETECTION_POSTPROCESS } from './detection_postprocess.js';

export { TFLITE_DETECTION_POSTPROCESS };

/** Every TFLite custom op of this folder, keyed by custom op name. */
export const TFLITE_CUSTOM_OPS: Readonly<Record<string, KernelRegistration>> = Object.freeze({
  TFLite_Detection_PostProcess: TFLITE_DETECTION_POSTPROCESS,
});

/** Adds TFLite's custom ops to a resolver (e.g. a MutableOpResolver). */
export function registerCustomOps<R extends { addCustom(name: string, kernel: KernelRegistration): unknown }>(resolver: R): R {
  for (const [name, kernel] of Object.entries(TFLITE_CUSTOM_OPS)) resolver.addCustom(name, kernel);
  return resolver;
}
