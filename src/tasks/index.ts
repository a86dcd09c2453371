// tflite-ts/tasks: high-level tasks on top of the runtime (image decoding, metadata, classifiers).
export { ImageClassifier, ClassifierError, LabelCountError } from './image_classifier.js';
export type { ImageClassifierOptions, ClassifyOptions, Classification } from './image_classifier.js';
export { decodeImage, decodeBmp, decodeJpeg, decodePng, sniffImageFormat, ImageError, MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS } from './image/decode.js';
export type { RgbImage, ImageFormat } from './image/decode.js';
export { resizeBilinear } from './image/resize.js';
export type { ResizeOptions } from './image/resize.js';
export {
  MetadataError, ZipArchive, readModelMetadata, parseMetadataBuffer, normalizationFor, readModelLabels, parseLabels,
  modelAssociatedFiles, crc32, METADATA_NAME, METADATA_IDENTIFIER, ASSOCIATED_FILE_TYPES, MAX_ZIP_ENTRY_BYTES,
} from './metadata.js';
export type {
  AssociatedFileInfo, AssociatedFileType, NormalizationInfo, TensorMetadataInfo, SubgraphMetadataInfo, ModelMetadataInfo, ZipEntry,
} from './metadata.js';
