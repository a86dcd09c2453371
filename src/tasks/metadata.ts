// TFLite model metadata (the TFLITE_METADATA buffer, identifier "M001") and the associated
// files that the metadata populator packs as a ZIP archive appended after the flatbuffer.
//
// Schema: tensorflow_lite_support/metadata/metadata_schema.fbs. Only the fields the tasks
// need are read; every read goes through the bounds-checked FbReader.
import { TfliteError } from '../errors.js';
import { FbReader, type FbTable } from '../schema/flatbuffer.js';
import { readModel, type ModelT } from '../schema/model.js';

/** Malformed metadata or associated-file archive, or a file that is not in it. */
export class MetadataError extends TfliteError {
  override name = 'MetadataError';
}

export const METADATA_NAME = 'TFLITE_METADATA';
export const METADATA_IDENTIFIER = 'M001';

/** AssociatedFileType of the schema. */
export const ASSOCIATED_FILE_TYPES = ['UNKNOWN', 'DESCRIPTIONS', 'TENSOR_AXIS_LABELS', 'TENSOR_VALUE_LABELS', 'TENSOR_AXIS_SCORE_CALIBRATION', 'VOCABULARY', 'SCANN_INDEX_FILE'] as const;
export type AssociatedFileType = (typeof ASSOCIATED_FILE_TYPES)[number];

export interface AssociatedFileInfo {
  name: string;
  description: string | null;
  type: AssociatedFileType;
  locale: string | null;
}

/** Per-channel (x − mean) / std; one value applies to every channel. */
export interface NormalizationInfo {
  mean: number[];
  std: number[];
}

export interface TensorMetadataInfo {
  name: string | null;
  description: string | null;
  normalization: NormalizationInfo | null;
  /** Stats {min, max} per channel, when present. */
  stats: { min: number[]; max: number[] } | null;
  associatedFiles: AssociatedFileInfo[];
}

export interface SubgraphMetadataInfo {
  name: string | null;
  description: string | null;
  inputs: TensorMetadataInfo[];
  outputs: TensorMetadataInfo[];
  associatedFiles: AssociatedFileInfo[];
}

export interface ModelMetadataInfo {
  name: string | null;
  description: string | null;
  version: string | null;
  author: string | null;
  license: string | null;
  minParserVersion: string | null;
  subgraphs: SubgraphMetadataInfo[];
  associatedFiles: AssociatedFileInfo[];
}

// Field ids (a union occupies two slots: its type, then its value).
const MM = { name: 0, description: 1, version: 2, subgraphs: 3, author: 4, license: 5, files: 6, minParser: 7 };
const SG = { name: 0, description: 1, inputs: 2, outputs: 3, files: 4 };
const TM = { name: 0, description: 1, processUnits: 4, stats: 5, files: 6 };
const PU = { optionsType: 0, options: 1 };
const NORMALIZATION_OPTIONS = 1;
const AF = { name: 0, description: 1, type: 2, locale: 3 };

/** Parses a TFLITE_METADATA buffer (a flatbuffer with identifier "M001"). */
export function parseMetadataBuffer(bytes: Uint8Array): ModelMetadataInfo {
  const root = new FbReader(bytes).root(METADATA_IDENTIFIER, 'metadata');
  return {
    name: root.string(MM.name, 'name'),
    description: root.string(MM.description, 'description'),
    version: root.string(MM.version, 'version'),
    author: root.string(MM.author, 'author'),
    license: root.string(MM.license, 'license'),
    minParserVersion: root.string(MM.minParser, 'min_parser_version'),
    subgraphs: root.tables(MM.subgraphs, 'subgraph_metadata').map((s) => ({
      name: s.string(SG.name, 'name'),
      description: s.string(SG.description, 'description'),
      inputs: s.tables(SG.inputs, 'input_tensor_metadata').map(readTensorMetadata),
      outputs: s.tables(SG.outputs, 'output_tensor_metadata').map(readTensorMetadata),
      associatedFiles: readFiles(s, SG.files),
    })),
    associatedFiles: readFiles(root, MM.files),
  };
}

function readFiles(t: FbTable, id: number): AssociatedFileInfo[] {
  return t.tables(id, 'associated_files').map((f) => ({
    name: f.string(AF.name, 'name') ?? '',
    description: f.string(AF.description, 'description'),
    type: ASSOCIATED_FILE_TYPES[f.scalar(AF.type, 'int8', 0)] ?? 'UNKNOWN',
    locale: f.string(AF.locale, 'locale'),
  }));
}

function readTensorMetadata(t: FbTable): TensorMetadataInfo {
  let normalization: NormalizationInfo | null = null;
  for (const pu of t.tables(TM.processUnits, 'process_units')) {
    if (pu.scalar(PU.optionsType, 'uint8', 0) !== NORMALIZATION_OPTIONS) continue;
    const opts = pu.table(PU.options, 'options');
    if (opts === null) continue;
    normalization = { mean: opts.numbers(0, 'float32', 'mean') ?? [], std: opts.numbers(1, 'float32', 'std') ?? [] };
    break;
  }
  const s = t.table(TM.stats, 'stats');
  return {
    name: t.string(TM.name, 'name'),
    description: t.string(TM.description, 'description'),
    normalization,
    stats: s === null ? null : { max: s.numbers(0, 'float32', 'max') ?? [], min: s.numbers(1, 'float32', 'min') ?? [] },
    associatedFiles: readFiles(t, TM.files),
  };
}

/** The model's TFLITE_METADATA, parsed; null when the model has none. */
export function readModelMetadata(model: ModelT | Uint8Array): ModelMetadataInfo | null {
  const m = model instanceof Uint8Array ? readModel(model) : model;
  const entry = m.metadata.find((e) => e.name === METADATA_NAME);
  if (entry === undefined) return null;
  const data = m.buffers[entry.buffer]?.data;
  if (data == null || data.length === 0) throw new MetadataError(`${METADATA_NAME} points to buffer ${entry.buffer}, which is empty or missing`);
  try {
    return parseMetadataBuffer(data);
  } catch (e) {
    if (e instanceof TfliteError) throw new MetadataError(`${METADATA_NAME}: ${e.message}`);
    throw e;
  }
}

/**
 * Validates a normalization for `channels` channels and expands it to one mean/std per channel.
 * Throws MetadataError when a std is zero or the lengths fit neither 1 nor `channels`.
 */
export function normalizationFor(n: NormalizationInfo, channels: number): { mean: number[]; std: number[] } {
  const expand = (v: number[], what: string): number[] => {
    if (v.length === 1) return new Array<number>(channels).fill(v[0]!);
    if (v.length === channels) return v.slice();
    throw new MetadataError(`normalization ${what} has ${v.length} values for ${channels} channels`);
  };
  const mean = expand(n.mean, 'mean');
  const std = expand(n.std, 'std');
  if (!mean.every(Number.isFinite) || !std.every((s) => Number.isFinite(s) && s !== 0)) {
    throw new MetadataError(`normalization has a non-finite mean or a zero std (mean ${n.mean}, std ${n.std})`);
  }
  return { mean, std };
}

// ---------------------------------------------------------------- ZIP (associated files)

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** Offset of the local file header in the bytes given to ZipArchive. */
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_ENTRIES = 65535;
/** Largest associated file extracted (uncompressed). */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;

/**
 * A minimal, bounds-checked ZIP reader over the central directory: stored and deflate
 * entries, no ZIP64, no encryption, no multi-disk. Handles archives appended to other data
 * (offsets relative to the archive start or to the file start).
 */
export class ZipArchive {
  private constructor(
    private readonly bytes: Uint8Array,
    /** Added to every offset recorded in the archive (bytes before the archive start). */
    readonly base: number,
    readonly entries: ZipEntry[],
  ) {}

  /** The archive at the end of `bytes`, or null when there is no end-of-central-directory record. */
  static find(bytes: Uint8Array): ZipArchive | null {
    const eocd = findEocd(bytes);
    return eocd < 0 ? null : ZipArchive.parse(bytes, eocd);
  }

  /** Like find(), but a missing archive is an error. */
  static open(bytes: Uint8Array): ZipArchive {
    const z = ZipArchive.find(bytes);
    if (z === null) throw new MetadataError('zip: no end of central directory record found');
    return z;
  }

  private static parse(bytes: Uint8Array, eocd: number): ZipArchive {
    const v = view(bytes);
    const disk = v.getUint16(eocd + 4, true);
    const cdDisk = v.getUint16(eocd + 6, true);
    const count = v.getUint16(eocd + 10, true);
    const cdSize = v.getUint32(eocd + 12, true);
    const cdOffset = v.getUint32(eocd + 16, true);
    if (disk !== 0 || cdDisk !== 0) throw new MetadataError('zip: multi-disk archives are not supported');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new MetadataError('zip: ZIP64 archives are not supported');
    // The central directory ends where the EOCD starts; any difference from the recorded
    // offset is data before the archive (here, the model itself).
    const cdStart = eocd - cdSize;
    if (cdStart < 0) throw new MetadataError(`zip: central directory size ${cdSize} exceeds the data before it`);
    const base = cdStart - cdOffset;
    if (base < 0) throw new MetadataError(`zip: central directory offset ${cdOffset} lies past its end`);
    const entries: ZipEntry[] = [];
    let p = cdStart;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd) throw new MetadataError(`zip: central directory entry ${i} runs past the directory`);
      if (v.getUint32(p, true) !== CDH_SIG) throw new MetadataError(`zip: bad central directory signature at entry ${i}`);
      const flags = v.getUint16(p + 8, true);
      const method = v.getUint16(p + 10, true);
      const crc32 = v.getUint32(p + 16, true);
      const compressedSize = v.getUint32(p + 20, true);
      const size = v.getUint32(p + 24, true);
      const nameLen = v.getUint16(p + 28, true);
      const extraLen = v.getUint16(p + 30, true);
      const commentLen = v.getUint16(p + 32, true);
      const localHeaderOffset = v.getUint32(p + 42, true);
      const next = p + 46 + nameLen + extraLen + commentLen;
      if (next > eocd) throw new MetadataError(`zip: central directory entry ${i} runs past the directory`);
      const raw = bytes.subarray(p + 46, p + 46 + nameLen);
      const name = (flags & 0x800) !== 0 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
      if ((flags & 1) !== 0) throw new MetadataError(`zip: entry '${name}' is encrypted`);
      if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) throw new MetadataError(`zip: entry '${name}' needs ZIP64`);
      entries.push({ name, method, compressedSize, size, crc32, localHeaderOffset: localHeaderOffset + base });
      p = next;
      if (entries.length > MAX_ENTRIES) break;
    }
    return new ZipArchive(bytes, base, entries);
  }

  /** Names of the entries that are files (not directories). */
  get names(): string[] {
    return this.entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** The raw (possibly compressed) bytes of an entry, bounds-checked. */
  private rawData(e: ZipEntry): Uint8Array {
    const v = view(this.bytes);
    const h = e.localHeaderOffset;
    if (h < 0 || h + 30 > this.bytes.length || v.getUint32(h, true) !== LFH_SIG) throw new MetadataError(`zip: bad local header for '${e.name}'`);
    const start = h + 30 + v.getUint16(h + 26, true) + v.getUint16(h + 28, true);
    if (start + e.compressedSize > this.bytes.length) throw new MetadataError(`zip: data of '${e.name}' runs past the end of the file`);
    return this.bytes.subarray(start, start + e.compressedSize);
  }

  /** Extracts an entry (stored or deflate) and checks its size and CRC-32. */
  async read(name: string): Promise<Uint8Array> {
    const e = this.get(name);
    if (e === undefined) throw new MetadataError(`zip: no file '${name}' in the archive (have: ${this.names.join(', ') || 'none'})`);
    if (e.size > MAX_ZIP_ENTRY_BYTES) throw new MetadataError(`zip: '${name}' is ${e.size} bytes, over the ${MAX_ZIP_ENTRY_BYTES} limit`);
    const raw = this.rawData(e);
    let data: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new MetadataError(`zip: stored entry '${name}' has compressed size ${e.compressedSize} ≠ size ${e.size}`);
      data = raw.slice();
    } else if (e.method === 8) {
      data = await inflateRaw(raw, e.size, name);
    } else {
      throw new MetadataError(`zip: '${name}' uses compression method ${e.method} (only stored and deflate are supported)`);
    }
    if (data.length !== e.size) throw new MetadataError(`zip: '${name}' inflated to ${data.length} bytes, expected ${e.size}`);
    if (crc32(data) !== e.crc32) throw new MetadataError(`zip: CRC mismatch in '${name}'`);
    return data;
  }

  async readText(name: string): Promise<string> {
    return new TextDecoder('utf-8').decode(await this.read(name));
  }
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function findEocd(bytes: Uint8Array): number {
  if (bytes.length < 22) return -1;
  const v = view(bytes);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes[p] === 0x50 && v.getUint32(p, true) === EOCD_SIG && p + 22 + v.getUint16(p + 20, true) === bytes.length) return p;
  }
  return -1;
}

type InflateFn = (data: Uint8Array, maxOutput: number) => Promise<Uint8Array>;
let inflater: InflateFn | null | undefined;

async function getInflater(): Promise<InflateFn | null> {
  if (inflater !== undefined) return inflater;
  inflater = null;
  if (typeof process !== 'undefined' && typeof process.versions?.node === 'string') {
    try {
      const zlib = await import('node:zlib');
      if (typeof zlib.inflateRawSync === 'function') {
        inflater = async (data, maxOutput) => new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) }));
        return inflater;
      }
    } catch {
      // fall through to the web API
    }
  }
  if (typeof DecompressionStream === 'function') {
    inflater = async (data, maxOutput) => {
      const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw' as CompressionFormat));
      const reader = stream.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > maxOutput) {
          await reader.cancel();
          throw new Error(`output exceeds ${maxOutput} bytes`);
        }
        chunks.push(value);
      }
      const out = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) { out.set(c, o); o += c.length; }
      return out;
    };
  }
  return inflater;
}

async function inflateRaw(data: Uint8Array, size: number, name: string): Promise<Uint8Array> {
  const inflate = await getInflater();
  if (inflate === null) throw new MetadataError(`zip: '${name}' is deflate-compressed and this environment has no inflater (stored entries only)`);
  try {
    return await inflate(data, size);
  } catch (e) {
    throw new MetadataError(`zip: cannot inflate '${name}': ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE, as in ZIP and PNG). */
export function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------- labels

/** The associated files packed in a model (null when it has no appended archive). */
export function modelAssociatedFiles(modelBytes: Uint8Array): ZipArchive | null {
  return ZipArchive.find(modelBytes);
}

/** Splits a label file into lines: CRLF tolerated, trailing blank lines dropped. */
export function parseLabels(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/**
 * The labels of output `outputIndex` from the model's own metadata: the first
 * TENSOR_AXIS_LABELS file of that output (locale-less preferred), read from the appended
 * archive. Null when the model declares none.
 */
export async function readModelLabels(modelBytes: Uint8Array, metadata: ModelMetadataInfo | null, outputIndex = 0): Promise<{ file: string; labels: string[] } | null> {
  const files = metadata?.subgraphs[0]?.outputs[outputIndex]?.associatedFiles.filter((f) => f.type === 'TENSOR_AXIS_LABELS') ?? [];
  const file = files.find((f) => f.locale === null) ?? files[0];
  if (file === undefined) return null;
  const zip = modelAssociatedFiles(modelBytes);
  if (zip === null) throw new MetadataError(`the metadata names label file '${file.name}' but the model has no associated-file archive`);
  return { file: file.name, labels: parseLabels(await zip.readText(file.name)) };
}
