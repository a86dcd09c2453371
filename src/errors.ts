/** Base class of every error tflite-ts throws on purpose. */
export class TfliteError extends Error {
  override name = 'TfliteError';
}

/** The model bytes are malformed or inconsistent; `message` says where. */
export class ModelError extends TfliteError {
  override name = 'ModelError';
}

/** An operator failed in prepare or eval (bad shapes, unsupported types, custom op failure). */
export class KernelError extends TfliteError {
  override name = 'KernelError';
}

/** The API was used wrongly: wrong dtype/length, invoke before allocate, use after dispose. */
export class ApiError extends TfliteError {
  override name = 'ApiError';
}

/** An op in the model has no kernel in the resolver. */
export class UnresolvedOpError extends TfliteError {
  override name = 'UnresolvedOpError';
}
