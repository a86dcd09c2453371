// FlexBuffers reader (and a tiny map writer) for tflite-ts.
//
// Custom operators store their options in Operator.custom_options, almost
// always as a FlexBuffers map. This is an independent, bounds-checked reader
// of the FlexBuffers wire format:
//
//   * The root sits at the end of the buffer: the last byte is the byte width
//     of the root slot, the byte before it is the root's packed type
//     (type << 2 | bit-width code), and the root slot precedes those two bytes.
//   * Scalars (null/int/uint/float/bool) are stored inline in their parent's
//     slot, using the parent's width.
//   * Everything else is stored as an unsigned offset, counted backwards from
//     the slot, to data whose element width is given by the packed type.
//
// Untrusted input is expected. Every read is bounds-checked, element counts
// are capped by the bytes that remain, nesting depth is limited, and a work
// budget that grows linearly with the input size stops shared or cyclic
// references from blowing up. Malformed input always throws FlexBufferError.

/** Thrown for any malformed or unsupported FlexBuffers input. */
export class FlexBufferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlexBufferError';
  }
}

/** A decoded FlexBuffers map: a plain object with a null prototype. */
export interface FlexMap {
  [key: string]: FlexValue;
}

/**
 * A decoded FlexBuffers value. Integers are numbers. Only 64-bit integers
 * outside the safe-integer range become bigint. Blobs become Uint8Array
 * copies. Maps become null-prototype objects.
 */
export type FlexValue = null | boolean | number | bigint | string | Uint8Array | FlexValue[] | FlexMap;

/** FlexBuffers value types (the high six bits of a packed type byte). */
export const FlexType = {
  NULL: 0,
  INT: 1,
  UINT: 2,
  FLOAT: 3,
  KEY: 4,
  STRING: 5,
  INDIRECT_INT: 6,
  INDIRECT_UINT: 7,
  INDIRECT_FLOAT: 8,
  MAP: 9,
  VECTOR: 10,
  VECTOR_INT: 11,
  VECTOR_UINT: 12,
  VECTOR_FLOAT: 13,
  VECTOR_KEY: 14,
  VECTOR_STRING_DEPRECATED: 15,
  VECTOR_INT2: 16,
  VECTOR_UINT2: 17,
  VECTOR_FLOAT2: 18,
  VECTOR_INT3: 19,
  VECTOR_UINT3: 20,
  VECTOR_FLOAT3: 21,
  VECTOR_INT4: 22,
  VECTOR_UINT4: 23,
  VECTOR_FLOAT4: 24,
  BLOB: 25,
  BOOL: 26,
  VECTOR_BOOL: 36,
} as const;

const T = FlexType;

/** Maximum nesting depth of vectors/maps. */
const MAX_DEPTH = 64;

interface ReadOptions {
  /** Maximum nesting depth (default 64). */
  readonly maxDepth?: number;
}

class Reader {
  private readonly view: DataView;
  private readonly len: number;
  private readonly maxDepth: number;
  /** Remaining element visits (vector/map entries). */
  private elementBudget: number;
  /** Remaining bytes that may be decoded or scanned (strings, keys, blobs). */
  private byteBudget: number;
  private readonly keyCache = new Map<number, string>();
  private readonly stringCache = new Map<number, string>();
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array, maxDepth: number) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.byteLength;
    this.maxDepth = maxDepth;
    // Legitimate buffers visit at most about one element per byte (plus
    // shared key vectors) and decode at most about len string bytes, since
    // keys and strings are cached by position. The multipliers leave ample
    // headroom while keeping work linear in the input size.
    this.elementBudget = 16 * this.len + 1024;
    this.byteBudget = 16 * this.len + 65536;
  }

  // ---- primitive, bounds-checked reads -----------------------------------

  private check(pos: number, size: number, what: string): void {
    if (!Number.isSafeInteger(pos) || pos < 0 || size < 0 || pos + size > this.len) {
      throw new FlexBufferError(`${what} out of bounds (offset ${pos}, size ${size}, buffer ${this.len})`);
    }
  }

  /** The little-endian integer `width` bytes wide at `pos`, signed or not; 8-byte values as bigint. */
  private readInteger(pos: number, width: number, signed: boolean, what: string): number | bigint {
    this.check(pos, width, what);
    const v = this.view;
    switch (width) {
      case 1:
        return signed ? v.getInt8(pos) : v.getUint8(pos);
      case 2:
        return signed ? v.getInt16(pos, true) : v.getUint16(pos, true);
      case 4:
        return signed ? v.getInt32(pos, true) : v.getUint32(pos, true);
      case 8:
        return signed ? v.getBigInt64(pos, true) : v.getBigUint64(pos, true);
      default:
        throw new FlexBufferError(`invalid byte width ${width}`);
    }
  }

  /** Unsigned integer used as an offset, size or width; must be a safe integer. */
  readSize(pos: number, width: number, what: string): number {
    const v = this.readInteger(pos, width, false, what);
    if (typeof v === 'number') return v;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FlexBufferError(`${what} too large`);
    return Number(v);
  }

  /** Integers become numbers, but 64-bit ones outside the safe range stay bigint. */
  readInt(pos: number, width: number): number | bigint {
    const v = this.readInteger(pos, width, true, 'int');
    return typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  readUInt(pos: number, width: number): number | bigint {
    const v = this.readInteger(pos, width, false, 'uint');
    return typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  readFloat(pos: number, width: number): number {
    this.check(pos, width, 'float');
    switch (width) {
      // The reference implementation has no 8/16-bit float types and reads
      // them through integer placeholders; writers never emit them.
      case 1:
        return this.view.getInt8(pos);
      case 2:
        return this.view.getInt16(pos, true);
      case 4:
        return this.view.getFloat32(pos, true);
      case 8:
        return this.view.getFloat64(pos, true);
      default:
        throw new FlexBufferError(`invalid byte width ${width}`);
    }
  }

  /** Follow the backwards offset stored at `pos` (in a slot `width` wide). */
  indirect(pos: number, width: number): number {
    const off = this.readSize(pos, width, 'offset');
    const target = pos - off;
    if (target < 0 || target >= this.len) {
      throw new FlexBufferError(`offset at ${pos} points outside the buffer (${target})`);
    }
    return target;
  }

  private spendBytes(n: number): void {
    this.byteBudget -= n;
    if (this.byteBudget < 0) throw new FlexBufferError('decode budget exceeded (shared or overlapping data?)');
  }

  private spendElements(n: number): void {
    this.elementBudget -= n;
    if (this.elementBudget < 0) throw new FlexBufferError('element budget exceeded (shared or cyclic data?)');
  }

  /** Size prefix of a sized object (string/blob/vector/map) at `target`. */
  private sizeOf(target: number, width: number, what: string): number {
    return this.readSize(target - width, width, `${what} size`);
  }

  /** Check that `count` elements of `width` bytes (plus `extra` bytes per element) fit at `pos`. */
  private checkElements(pos: number, count: number, width: number, extra: number, what: string): void {
    const need = count * (width + extra);
    if (!Number.isSafeInteger(need) || pos + need > this.len) {
      throw new FlexBufferError(`${what} of ${count} elements exceeds the buffer`);
    }
  }

  // ---- strings -------------------------------------------------------------

  /** NUL-terminated key at `pos`. */
  readKey(pos: number): string {
    const cached = this.keyCache.get(pos);
    if (cached !== undefined) return cached;
    this.check(pos, 1, 'key');
    let end = pos;
    const b = this.bytes;
    while (end < this.len && b[end] !== 0) end++;
    this.spendBytes(end - pos + 1);
    if (end >= this.len) throw new FlexBufferError(`unterminated key at ${pos}`);
    const s = utf8Decode(b, pos, end);
    this.keyCache.set(pos, s);
    return s;
  }

  /** Size-prefixed string at `target` whose size field is `width` bytes. */
  readString(target: number, width: number): string {
    const cacheKey = target * 8 + width;
    const cached = this.stringCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const size = this.sizeOf(target, width, 'string');
    this.check(target, size, 'string');
    this.spendBytes(size + 1);
    const s = utf8Decode(this.bytes, target, target + size);
    this.stringCache.set(cacheKey, s);
    return s;
  }

  /**
   * String element of a VECTOR_STRING_DEPRECATED typed vector. Writers
   * disagreed about the width of these strings' size fields, which is why
   * the type was deprecated, so the size is not trusted. The string is read
   * up to its NUL terminator instead.
   */
  readDeprecatedString(target: number): string {
    return this.readKey(target);
  }

  readBlob(target: number, width: number): Uint8Array {
    const size = this.sizeOf(target, width, 'blob');
    this.check(target, size, 'blob');
    this.spendBytes(size + 1);
    return this.bytes.slice(target, target + size);
  }

  // ---- values ---------------------------------------------------------------

  /**
   * Decode the value in the slot at `pos`, `parentWidth` bytes wide, with
   * packed type `packed`.
   */
  value(pos: number, parentWidth: number, packed: number, depth: number): FlexValue {
    const type = packed >> 2;
    const width = 1 << (packed & 3);
    switch (type) {
      case T.NULL:
        return null;
      case T.INT:
        return this.readInt(pos, parentWidth);
      case T.UINT:
        return this.readUInt(pos, parentWidth);
      case T.FLOAT:
        return this.readFloat(pos, parentWidth);
      case T.BOOL:
        return Number(this.readUInt(pos, parentWidth)) !== 0;
      case T.INDIRECT_INT:
        return this.readInt(this.indirect(pos, parentWidth), width);
      case T.INDIRECT_UINT:
        return this.readUInt(this.indirect(pos, parentWidth), width);
      case T.INDIRECT_FLOAT:
        return this.readFloat(this.indirect(pos, parentWidth), width);
      case T.KEY:
        return this.readKey(this.indirect(pos, parentWidth));
      case T.STRING:
        return this.readString(this.indirect(pos, parentWidth), width);
      case T.BLOB:
        return this.readBlob(this.indirect(pos, parentWidth), width);
      case T.MAP:
        return this.map(this.indirect(pos, parentWidth), width, depth + 1);
      case T.VECTOR:
        return this.vector(this.indirect(pos, parentWidth), width, depth + 1);
      case T.VECTOR_INT:
      case T.VECTOR_UINT:
      case T.VECTOR_FLOAT:
      case T.VECTOR_KEY:
      case T.VECTOR_STRING_DEPRECATED:
      case T.VECTOR_BOOL: {
        const target = this.indirect(pos, parentWidth);
        const count = this.sizeOf(target, width, 'typed vector');
        return this.typedVector(target, width, type, count, depth + 1);
      }
      case T.VECTOR_INT2:
      case T.VECTOR_UINT2:
      case T.VECTOR_FLOAT2:
      case T.VECTOR_INT3:
      case T.VECTOR_UINT3:
      case T.VECTOR_FLOAT3:
      case T.VECTOR_INT4:
      case T.VECTOR_UINT4:
      case T.VECTOR_FLOAT4: {
        const target = this.indirect(pos, parentWidth);
        const rel = type - T.VECTOR_INT2; // 0..8
        const count = Math.floor(rel / 3) + 2;
        const elemType = T.INT + (rel % 3); // INT, UINT, FLOAT
        return this.fixedVector(target, width, elemType, count, depth + 1);
      }
      default:
        throw new FlexBufferError(`unknown FlexBuffers type ${type} (packed 0x${packed.toString(16)})`);
    }
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) throw new FlexBufferError(`nesting deeper than ${this.maxDepth}`);
  }

  /** Untyped vector: elements `width` wide, followed by one packed type byte per element. */
  vector(target: number, width: number, depth: number): FlexValue[] {
    this.enter(depth);
    const count = this.sizeOf(target, width, 'vector');
    this.checkElements(target, count, width, 1, 'vector');
    this.spendElements(count);
    const typesAt = target + count * width;
    const out: FlexValue[] = [];
    for (let i = 0; i < count; i++) {
      out.push(this.value(target + i * width, width, this.bytes[typesAt + i] as number, depth));
    }
    return out;
  }

  map(target: number, width: number, depth: number): FlexMap {
    this.enter(depth);
    const count = this.sizeOf(target, width, 'map');
    this.checkElements(target, count, width, 1, 'map');
    // The map prefix holds [keys offset][keys byte width][size].
    const keysAt = this.indirect(target - 3 * width, width);
    const keyWidth = this.readSize(target - 2 * width, width, 'map key width');
    if (keyWidth !== 1 && keyWidth !== 2 && keyWidth !== 4 && keyWidth !== 8) {
      throw new FlexBufferError(`invalid map key width ${keyWidth}`);
    }
    const keyCount = this.sizeOf(keysAt, keyWidth, 'map keys');
    if (keyCount !== count) throw new FlexBufferError(`map has ${count} values but ${keyCount} keys`);
    this.checkElements(keysAt, count, keyWidth, 0, 'map keys');
    this.spendElements(2 * count);
    const typesAt = target + count * width;
    const out = Object.create(null) as FlexMap;
    for (let i = 0; i < count; i++) {
      const key = this.readKey(this.indirect(keysAt + i * keyWidth, keyWidth));
      out[key] = this.value(target + i * width, width, this.bytes[typesAt + i] as number, depth);
    }
    return out;
  }

  private typedVector(target: number, width: number, type: number, count: number, depth: number): FlexValue[] {
    this.enter(depth);
    this.checkElements(target, count, width, 0, 'typed vector');
    this.spendElements(count);
    const out: FlexValue[] = [];
    for (let i = 0; i < count; i++) {
      const p = target + i * width;
      switch (type) {
        case T.VECTOR_INT:
          out.push(this.readInt(p, width));
          break;
        case T.VECTOR_UINT:
          out.push(this.readUInt(p, width));
          break;
        case T.VECTOR_FLOAT:
          out.push(this.readFloat(p, width));
          break;
        case T.VECTOR_BOOL:
          out.push(Number(this.readUInt(p, width)) !== 0);
          break;
        case T.VECTOR_KEY:
          out.push(this.readKey(this.indirect(p, width)));
          break;
        default: // VECTOR_STRING_DEPRECATED
          out.push(this.readDeprecatedString(this.indirect(p, width)));
          break;
      }
    }
    return out;
  }

  private fixedVector(target: number, width: number, elemType: number, count: number, depth: number): FlexValue[] {
    this.enter(depth);
    this.checkElements(target, count, width, 0, 'fixed typed vector');
    this.spendElements(count);
    const out: FlexValue[] = [];
    for (let i = 0; i < count; i++) {
      const p = target + i * width;
      if (elemType === T.INT) out.push(this.readInt(p, width));
      else if (elemType === T.UINT) out.push(this.readUInt(p, width));
      else out.push(this.readFloat(p, width));
    }
    return out;
  }
}

/**
 * Decode a FlexBuffers buffer (e.g. a custom op's custom_options) into plain
 * JavaScript values. Throws FlexBufferError on malformed input.
 */
export function readFlexbuffer(bytes: Uint8Array, options: ReadOptions = {}): FlexValue {
  if (!(bytes instanceof Uint8Array)) throw new FlexBufferError('input must be a Uint8Array');
  const len = bytes.byteLength;
  if (len < 3) throw new FlexBufferError(`buffer too small (${len} bytes)`);
  const rootWidth = bytes[len - 1] as number;
  if (rootWidth !== 1 && rootWidth !== 2 && rootWidth !== 4 && rootWidth !== 8) {
    throw new FlexBufferError(`invalid root byte width ${rootWidth}`);
  }
  const packed = bytes[len - 2] as number;
  const rootPos = len - 2 - rootWidth;
  if (rootPos < 0) throw new FlexBufferError('buffer too small for its root');
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const reader = new Reader(bytes, maxDepth);
  try {
    return reader.value(rootPos, rootWidth, packed, 0);
  } catch (e) {
    if (e instanceof FlexBufferError) throw e;
    // Defensive: no other error is expected, but never leak RangeError/TypeError.
    throw new FlexBufferError(`malformed FlexBuffer: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---------------------------------------------------------------------------
// UTF-8 helpers (no dependency on TextDecoder/TextEncoder typings)
// ---------------------------------------------------------------------------

function utf8Decode(b: Uint8Array, start: number, end: number): string {
  let out = '';
  let chunk: number[] = [];
  let i = start;
  while (i < end) {
    const c = b[i++] as number;
    let cp = 0xfffd;
    if (c < 0x80) {
      cp = c;
    } else if (c >= 0xc2 && c < 0xe0) {
      if (i < end && ((b[i] as number) & 0xc0) === 0x80) cp = ((c & 0x1f) << 6) | ((b[i++] as number) & 0x3f);
    } else if (c >= 0xe0 && c < 0xf0) {
      if (i + 1 < end && ((b[i] as number) & 0xc0) === 0x80 && ((b[i + 1] as number) & 0xc0) === 0x80) {
        const v = ((c & 0x0f) << 12) | (((b[i] as number) & 0x3f) << 6) | ((b[i + 1] as number) & 0x3f);
        if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
          cp = v;
          i += 2;
        }
      }
    } else if (c >= 0xf0 && c < 0xf5) {
      if (
        i + 2 < end &&
        ((b[i] as number) & 0xc0) === 0x80 &&
        ((b[i + 1] as number) & 0xc0) === 0x80 &&
        ((b[i + 2] as number) & 0xc0) === 0x80
      ) {
        const v =
          ((c & 0x07) << 18) | (((b[i] as number) & 0x3f) << 12) | (((b[i + 1] as number) & 0x3f) << 6) | ((b[i + 2] as number) & 0x3f);
        if (v >= 0x10000 && v <= 0x10ffff) {
          cp = v;
          i += 3;
        }
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length >= 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) out += String.fromCharCode(...chunk);
  return out;
}

function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------
// Minimal writer: a single map of scalars, strings and number vectors
// ---------------------------------------------------------------------------

class ByteSink {
  buf = new Uint8Array(256);
  view = new DataView(this.buf.buffer);
  len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  align(width: number): void {
    const pad = (width - (this.len % width)) % width;
    this.reserve(pad);
    this.len += pad; // buffer is zero-initialised
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** A little-endian integer `width` bytes wide (DataView wraps it modulo 2^(8·width), as two's complement). */
  uint(v: number, width: number): void {
    this.reserve(width);
    const p = this.len;
    if (width === 1) this.view.setUint8(p, v);
    else if (width === 2) this.view.setUint16(p, v, true);
    else if (width === 4) this.view.setUint32(p, v, true);
    else this.view.setBigUint64(p, BigInt(v), true);
    this.len += width;
  }

  /** A signed integer: two's complement, the same bytes as uint() writes. */
  int(v: number, width: number): void {
    this.uint(v, width);
  }

  float(v: number, width: number): void {
    this.reserve(width);
    if (width === 4) this.view.setFloat32(this.len, v, true);
    else this.view.setFloat64(this.len, v, true);
    this.len += width;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const WIDTHS = [1, 2, 4, 8] as const;
const widthCode = (w: number): number => (w === 1 ? 0 : w === 2 ? 1 : w === 4 ? 2 : 3);

function uintWidth(v: number): number {
  if (v < 0x100) return 1;
  if (v < 0x10000) return 2;
  if (v < 0x100000000) return 4;
  return 8;
}

function intWidth(v: number): number {
  if (v >= -0x80 && v < 0x80) return 1;
  if (v >= -0x8000 && v < 0x8000) return 2;
  if (v >= -0x80000000 && v < 0x80000000) return 4;
  return 8;
}

const isInt = (v: number): boolean => Number.isSafeInteger(v);
const floatWidth = (v: number): number => (Number.isNaN(v) || Math.fround(v) === v ? 4 : 8);

/** A value slot of the map being written. */
interface Slot {
  /** FlexBuffers type. */
  type: number;
  /** Inline scalar value (for INT/FLOAT/BOOL). */
  scalar?: number;
  /** Position of the referenced data (for STRING / typed vectors). */
  target?: number;
  /** Bit-width code of the packed type: own width for scalars, child width for offsets. */
  childWidth: number;
  /** Bytes the inline scalar needs. */
  inlineWidth: number;
}

/**
 * Build a FlexBuffers map (the usual custom_options layout) from a flat
 * object. Numbers that are safe integers are written as INT, other numbers
 * as FLOAT (float32 when exact, else float64). Booleans become BOOL,
 * strings STRING, and number arrays typed vectors (VECTOR_INT when every
 * element is an integer, else VECTOR_FLOAT). Keys are sorted bytewise, as
 * the format requires.
 */
export function buildFlexbufferMap(obj: Record<string, number | boolean | string | number[]>): Uint8Array {
  const entries = Object.keys(obj).map((k) => ({ key: k, keyBytes: utf8Encode(k), value: obj[k] }));
  for (const e of entries) {
    if (e.keyBytes.includes(0)) throw new FlexBufferError(`map key contains NUL: ${JSON.stringify(e.key)}`);
  }
  entries.sort((a, b) => compareBytes(a.keyBytes, b.keyBytes));
  const sink = new ByteSink();

  // 1. Keys (NUL-terminated).
  const keyPos: number[] = [];
  for (const e of entries) {
    keyPos.push(sink.len);
    sink.bytes(e.keyBytes);
    sink.uint(0, 1);
  }

  // 2. Referenced values (strings and vectors); scalars stay inline.
  const slots: Slot[] = [];
  for (const e of entries) {
    const v = e.value;
    if (typeof v === 'boolean') {
      slots.push({ type: T.BOOL, scalar: v ? 1 : 0, childWidth: 1, inlineWidth: 1 });
    } else if (typeof v === 'number') {
      if (isInt(v)) slots.push({ type: T.INT, scalar: v, childWidth: intWidth(v), inlineWidth: intWidth(v) });
      else slots.push({ type: T.FLOAT, scalar: v, childWidth: floatWidth(v), inlineWidth: floatWidth(v) });
    } else if (typeof v === 'string') {
      const b = utf8Encode(v);
      const w = uintWidth(b.length);
      sink.align(w);
      sink.uint(b.length, w);
      const target = sink.len;
      sink.bytes(b);
      sink.uint(0, 1);
      slots.push({ type: T.STRING, target, childWidth: w, inlineWidth: 0 });
    } else if (Array.isArray(v)) {
      if (!v.every((x) => typeof x === 'number')) {
        throw new FlexBufferError(`value of ${JSON.stringify(e.key)} must be an array of numbers`);
      }
      const allInt = v.every((x) => isInt(x));
      let w = uintWidth(v.length);
      for (const x of v) w = Math.max(w, allInt ? intWidth(x) : floatWidth(x));
      sink.align(w);
      sink.uint(v.length, w);
      const target = sink.len;
      for (const x of v) {
        if (allInt) sink.int(x, w);
        else sink.float(x, w);
      }
      slots.push({ type: allInt ? T.VECTOR_INT : T.VECTOR_FLOAT, target, childWidth: w, inlineWidth: 0 });
    } else {
      throw new FlexBufferError(`unsupported value for key ${JSON.stringify(e.key)}`);
    }
  }

  // 3. Keys vector (VECTOR_KEY): the narrowest width whose offsets all fit.
  const n = entries.length;
  let keysAt = -1;
  let keyWidth = 8;
  for (const w of WIDTHS) {
    const start = alignUp(sink.len, w) + w; // first element, after the size prefix
    if (n >= 2 ** (8 * w) && w < 8) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const off = start + i * w - (keyPos[i] as number);
      if (w < 8 && off >= 2 ** (8 * w)) ok = false;
    }
    if (ok) {
      keyWidth = w;
      break;
    }
  }
  sink.align(keyWidth);
  sink.uint(n, keyWidth);
  keysAt = sink.len;
  for (let i = 0; i < n; i++) sink.uint(sink.len - (keyPos[i] as number), keyWidth);

  // 4. The map itself: [keys offset][key width][size][values...][types...].
  let mapWidth = 8;
  for (const w of WIDTHS) {
    const prefixAt = alignUp(sink.len, w);
    const valuesAt = prefixAt + 3 * w;
    const limit = w < 8 ? 2 ** (8 * w) : Infinity;
    let ok = prefixAt - keysAt < limit && keyWidth < limit && n < limit;
    for (let i = 0; i < n && ok; i++) {
      const s = slots[i] as Slot;
      if (s.target !== undefined) ok = valuesAt + i * w - s.target < limit;
      else ok = s.inlineWidth <= w;
    }
    if (ok) {
      mapWidth = w;
      break;
    }
  }
  sink.align(mapWidth);
  sink.uint(sink.len - keysAt, mapWidth);
  sink.uint(keyWidth, mapWidth);
  sink.uint(n, mapWidth);
  const mapAt = sink.len;
  for (const s of slots) {
    if (s.target !== undefined) sink.uint(sink.len - s.target, mapWidth);
    else if (s.type === T.FLOAT) sink.float(s.scalar as number, mapWidth); // mapWidth >= inlineWidth (4 or 8)
    else if (s.type === T.BOOL) sink.uint(s.scalar as number, mapWidth);
    else sink.int(s.scalar as number, mapWidth);
  }
  for (const s of slots) sink.uint((s.type << 2) | widthCode(s.childWidth), 1);

  // 5. Root: offset to the map, packed type, root width.
  let rootWidth = 8;
  for (const w of WIDTHS) {
    const at = alignUp(sink.len, w);
    if (w === 8 || at - mapAt < 2 ** (8 * w)) {
      rootWidth = w;
      break;
    }
  }
  sink.align(rootWidth);
  sink.uint(sink.len - mapAt, rootWidth);
  sink.uint((T.MAP << 2) | widthCode(mapWidth), 1);
  sink.uint(rootWidth, 1);
  return sink.result();
}

function alignUp(n: number, w: number): number {
  return Math.ceil(n / w) * w;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
