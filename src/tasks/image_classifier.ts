// Image classification end to end: decode → resize → normalize/quantize → invoke → top K.
import { Interpreter } from '../index.js';
import { loadModelBytes, type TensorDetails } from '../interpreter/interpreter.js';
import type { OpResolver } from '../interpreter/op_resolver.js';
import { TfliteError } from '../errors.js';
import { floatToHalf, halfToFloat } from '../kernels/kernel_util.js';
import { decodeImage, ImageError, type RgbImage } from './image/decode.js';
import { resizeBilinear, type ResizeOptions } from './image/resize.js';
import { normalizationFor, readModelLabels, readModelMetadata, type ModelMetadataInfo } from './metadata.js';

/** The model or the labels do not fit image classification (wrong input/output shape or type, label count). */
export class ClassifierError extends TfliteError {
  override name = 'ClassifierError';
}

/** The labels do not match the model's number of classes. */
export class LabelCountError extends ClassifierError {
  override name = 'LabelCountError';
  constructor(readonly source: string, readonly labelCount: number, readonly classCount: number) {
    super(`${source} has ${labelCount} entries, but the model has ${classCount} classes (expected ${classCount}, or ${classCount + 1} with a leading background line)`);
  }
}

export interface ImageClassifierOptions {
  /** One label per class, overriding the model's packed label file. */
  labels?: string[];
  /** Kernels to run with; default every builtin. */
  opResolver?: OpResolver;
  numThreads?: number;
  /** Kernel tier when no opResolver is given: 'auto' (default, wasm SIMD where available), 'reference', 'simd'. */
  tier?: 'auto' | 'reference' | 'simd';
  /** Resize semantics; default bilinear with half-pixel centers (tf.image.resize). */
  resize?: ResizeOptions;
}

export interface ClassifyOptions {
  /** How many classes to return, best first; default 5. */
  topK?: number;
}

export interface Classification {
  index: number;
  /** The class's label, or null when the classifier has no labels. */
  label: string | null;
  /** The model's output for this class, dequantized (not re-normalized: no softmax is applied). */
  score: number;
}

type ModelSource = Uint8Array | ArrayBuffer | string | URL;

/**
 * Classifies RGB images with a model whose single input is an image [1, H, W, 3] and whose
 * first output holds one score per class ([1, N] or [N]).
 *
 * Preprocessing, by input type:
 * - uint8: the resized pixels 0..255, rounded (as the TFLite Task Library feeds uint8 models;
 *   quantized image models are trained so that this matches their input quantization).
 * - int8: with normalization metadata and quantization parameters, the normalized value
 *   (x − mean) / std quantized with the input's scale and zero point; otherwise pixel − 128.
 * - float32 / float16: (x − mean) / std from the model's metadata (NormalizationOptions of
 *   input 0), else (x − 127.5) / 127.5, i.e. [-1, 1].
 *
 * Scores are the first output dequantized ((q − zero point) × scale for integer outputs,
 * as-is for float outputs); they are reported as they are, so a model that outputs logits
 * gives logits, not probabilities.
 *
 * Labels: `options.labels`, else the TENSOR_AXIS_LABELS file of output 0 packed in the model.
 * A label list must have one line per class, or one more: then the first line is taken as a
 * "background" entry the model does not output and labels are shifted by one.
 */
export class ImageClassifier {
  /** Input height and width the images are resized to. */
  readonly inputHeight: number;
  readonly inputWidth: number;
  readonly numClasses: number;
  private readonly input: TensorDetails;
  private readonly output: TensorDetails;
  private readonly normalization: { mean: number[]; std: number[] } | null;

  private constructor(
    readonly interpreter: Interpreter,
    readonly metadata: ModelMetadataInfo | null,
    readonly labels: string[] | null,
    private readonly labelOffset: number,
    private readonly resizeOptions: ResizeOptions,
  ) {
    const inputs = interpreter.getInputDetails();
    this.input = inputs[0]!;
    this.output = interpreter.getOutputDetails()[0]!;
    const [, h, w] = this.input.shape;
    this.inputHeight = h!;
    this.inputWidth = w!;
    this.numClasses = classCount(this.output);
    const n = metadata?.subgraphs[0]?.inputs[0]?.normalization ?? null;
    this.normalization = n === null ? null : normalizationFor(n, 3);
  }

  /** Loads a model (bytes, path or URL), checks it is an image classifier, and allocates it. */
  static async create(source: ModelSource, options: ImageClassifierOptions = {}): Promise<ImageClassifier> {
    const bytes = await loadModelBytes(source);
    const interpreter = await Interpreter.create(bytes, {
      ...(options.opResolver ? { opResolver: options.opResolver } : {}),
      ...(options.numThreads !== undefined ? { numThreads: options.numThreads } : {}),
      ...(options.tier !== undefined ? { tier: options.tier } : {}),
    });
    checkModel(interpreter);
    const metadata = readModelMetadata(interpreter.model);
    const classes = classCount(interpreter.getOutputDetails()[0]!);
    let labels: string[] | null = null;
    let source_ = 'the labels option';
    if (options.labels !== undefined) {
      labels = options.labels.map(String);
    } else {
      const packed = await readModelLabels(bytes, metadata, 0);
      if (packed !== null) {
        labels = packed.labels;
        source_ = `the model's label file '${packed.file}'`;
      }
    }
    let offset = 0;
    if (labels !== null) {
      if (labels.length === classes + 1) offset = 1;
      else if (labels.length !== classes) {
        throw new LabelCountError(source_, labels.length, classes);
      }
    }
    interpreter.allocateTensors();
    return new ImageClassifier(interpreter, metadata, labels, offset, options.resize ?? {});
  }

  /** Classifies an encoded image (BMP, PNG, JPEG bytes) or decoded RGB pixels. */
  async classify(image: RgbImage | Uint8Array, options: ClassifyOptions = {}): Promise<Classification[]> {
    const rgb = image instanceof Uint8Array ? await decodeImage(image) : image;
    return this.classifyRgb(rgb, options);
  }

  /** Synchronous classification of decoded RGB pixels. */
  classifyRgb(image: RgbImage, options: ClassifyOptions = {}): Classification[] {
    const topK = options.topK ?? 5;
    if (!Number.isInteger(topK) || topK < 1) throw new ClassifierError(`topK must be a positive integer, got ${topK}`);
    if (!image || !(image.data instanceof Uint8Array)) throw new ImageError('image must be {width, height, data: Uint8Array (RGB)}');
    const pixels = resizeBilinear(image, this.inputHeight, this.inputWidth, { ...this.resizeOptions, channels: 3 });
    this.interpreter.setTensor(this.input.index, this.toInput(pixels));
    this.interpreter.invoke();
    const scores = this.scores(this.interpreter.tensor(this.output.index));
    const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
    return order.slice(0, Math.min(topK, order.length)).map((index) => ({
      index,
      label: this.labels === null ? null : (this.labels[index + this.labelOffset] ?? null),
      score: scores[index]!,
    }));
  }

  /** Converts resized 0..255 pixels to the input tensor's type (see the class comment). */
  private toInput(pixels: Float32Array): Uint8Array | Int8Array | Float32Array | Uint16Array {
    const { dtype, quantization } = this.input;
    const norm = this.normalization;
    const n = pixels.length;
    const normalized = (i: number): number => {
      const c = i % 3;
      return norm === null ? (pixels[i]! - 127.5) / 127.5 : (pixels[i]! - norm.mean[c]!) / norm.std[c]!;
    };
    switch (dtype) {
      case 'uint8': {
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = Math.round(pixels[i]!); // Uint8Array clamps
        return out;
      }
      case 'int8': {
        const out = new Int8Array(n);
        const scale = quantization.scales[0];
        const zp = quantization.zeroPoints[0] ?? 0;
        if (norm !== null && scale !== undefined && scale > 0) {
          for (let i = 0; i < n; i++) out[i] = clamp(Math.round(normalized(i) / scale + zp), -128, 127);
        } else {
          for (let i = 0; i < n; i++) out[i] = clamp(Math.round(pixels[i]!) - 128, -128, 127);
        }
        return out;
      }
      case 'float32': {
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = normalized(i);
        return out;
      }
      case 'float16': {
        const out = new Uint16Array(n);
        for (let i = 0; i < n; i++) out[i] = floatToHalf(normalized(i));
        return out;
      }
      default:
        throw new ClassifierError(`input type ${dtype} is not supported (uint8, int8, float32, float16)`);
    }
  }

  private scores(data: ArrayLike<number | bigint>): Float64Array {
    const { dtype, quantization } = this.output;
    const n = this.numClasses;
    const out = new Float64Array(n);
    const scale = quantization.scales[0];
    const zp = quantization.zeroPoints[0] ?? 0;
    for (let i = 0; i < n; i++) {
      const v = Number(data[i]!);
      if (dtype === 'float16') out[i] = halfToFloat(v);
      else if ((dtype === 'uint8' || dtype === 'int8' || dtype === 'int16') && scale !== undefined && scale > 0) out[i] = (v - zp) * scale;
      else out[i] = v;
    }
    return out;
  }

  dispose(): void {
    this.interpreter.dispose();
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

const OUTPUT_TYPES = new Set(['float32', 'float16', 'uint8', 'int8', 'int16']);

function classCount(output: TensorDetails): number {
  const shape = output.shape;
  const n = shape[shape.length - 1] ?? 0;
  if (shape.length === 0 || shape.slice(0, -1).some((d) => d !== 1) || n < 1) {
    throw new ClassifierError(`output '${output.name}' has shape [${shape}], expected one score per class ([1, N] or [N])`);
  }
  return n;
}

function checkModel(interpreter: Interpreter): void {
  const inputs = interpreter.getInputDetails();
  const outputs = interpreter.getOutputDetails();
  if (inputs.length !== 1) throw new ClassifierError(`the model has ${inputs.length} inputs; an image classifier has one image input`);
  const input = inputs[0]!;
  const s = input.shape;
  if (s.length !== 4 || s[0] !== 1 || s[3] !== 3 || !(s[1]! > 0 && s[2]! > 0)) {
    throw new ClassifierError(`input '${input.name}' has shape [${s}], expected an RGB image [1, height, width, 3]`);
  }
  if (!['uint8', 'int8', 'float32', 'float16'].includes(input.dtype)) {
    throw new ClassifierError(`input '${input.name}' has type ${input.dtype}; expected uint8, int8, float32 or float16`);
  }
  const output = outputs[0];
  if (output === undefined) throw new ClassifierError('the model has no outputs');
  if (!OUTPUT_TYPES.has(output.dtype)) throw new ClassifierError(`output '${output.name}' has type ${output.dtype}; expected scores (float or quantized)`);
  classCount(output);
}
