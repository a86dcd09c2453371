// A bounds-checked FlatBuffers reader and a front-to-back writer.
// The reader never trusts a header value: every offset, vtable and vector length is
// checked against the buffer before use, and errors name the path of the field.
import { ModelError } from '../errors.js';

export type ScalarKind = 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

const SIZE: Record<ScalarKind, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};

export function scalarSize(kind: ScalarKind): number {
  return SIZE[kind];
}

export class FbReader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.byteLength;
  }

  check(pos: number, size: number, path: string): void {
    if (!Number.isInteger(pos) || pos < 0 || size < 0 || pos + size > this.bytes.byteLength) {
      throw new ModelError(`${path}: offset ${pos}+${size} outside the model (${this.bytes.byteLength} bytes)`);
    }
  }

  u32(pos: number, path: string): number {
    this.check(pos, 4, path);
    return this.view.getUint32(pos, true);
  }

  scalar(kind: ScalarKind, pos: number, path: string): number {
    this.check(pos, SIZE[kind], path);
    const v = this.view;
    switch (kind) {
      case 'bool': return v.getUint8(pos) !== 0 ? 1 : 0;
      case 'int8': return v.getInt8(pos);
      case 'uint8': return v.getUint8(pos);
      case 'int16': return v.getInt16(pos, true);
      case 'uint16': return v.getUint16(pos, true);
      case 'int32': return v.getInt32(pos, true);
      case 'uint32': return v.getUint32(pos, true);
      case 'int64': return Number(v.getBigInt64(pos, true));
      case 'uint64': return Number(v.getBigUint64(pos, true));
      case 'float32': return v.getFloat32(pos, true);
      case 'float64': return v.getFloat64(pos, true);
    }
  }

  /** The root table; checks the file identifier when one is given. */
  root(identifier: string | null, path: string): FbTable {
    if (this.length < 8) throw new ModelError(`${path}: ${this.length} bytes is too short for a FlatBuffer`);
    if (identifier !== null) {
      const id = String.fromCharCode(...this.bytes.subarray(4, 8));
      if (id !== identifier) throw new ModelError(`${path}: file identifier is ${JSON.stringify(id)}, expected ${JSON.stringify(identifier)}`);
    }
    return this.tableAt(this.u32(0, path), path);
  }

  tableAt(pos: number, path: string): FbTable {
    this.check(pos, 4, path);
    const vtable = pos - this.view.getInt32(pos, true);
    this.check(vtable, 4, `${path} (vtable)`);
    const vtableSize = this.view.getUint16(vtable, true);
    const tableSize = this.view.getUint16(vtable + 2, true);
    if (vtableSize < 4 || vtableSize % 2 !== 0) throw new ModelError(`${path}: bad vtable size ${vtableSize}`);
    this.check(vtable, vtableSize, `${path} (vtable)`);
    this.check(pos, Math.max(4, tableSize), path);
    return new FbTable(this, pos, vtable, vtableSize, tableSize, path);
  }
}

export interface VectorRef {
  readonly pos: number; // first element
  readonly length: number;
}

export class FbTable {
  constructor(
    readonly r: FbReader,
    readonly pos: number,
    private readonly vtable: number,
    private readonly vtableSize: number,
    private readonly tableSize: number,
    readonly path: string,
  ) {}

  /** Absolute position of field `id`, or 0 when absent. */
  field(id: number, size: number): number {
    const slot = 4 + 2 * id;
    if (slot + 2 > this.vtableSize) return 0;
    const off = this.r.view.getUint16(this.vtable + slot, true);
    if (off === 0) return 0;
    if (off + size > this.tableSize) throw new ModelError(`${this.path}: field ${id} lies outside its table`);
    return this.pos + off;
  }

  has(id: number): boolean {
    return this.field(id, 0) !== 0;
  }

  scalar(id: number, kind: ScalarKind, def: number): number {
    const p = this.field(id, SIZE[kind]);
    return p === 0 ? def : this.r.scalar(kind, p, this.path);
  }

  bool(id: number, def = false): boolean {
    return this.scalar(id, 'bool', def ? 1 : 0) !== 0;
  }

  private indirect(id: number, name: string): number {
    const p = this.field(id, 4);
    if (p === 0) return 0;
    const target = p + this.r.u32(p, `${this.path}.${name}`);
    if (target > 0xffffffff) throw new ModelError(`${this.path}.${name}: offset overflow`);
    return target;
  }

  table(id: number, name: string): FbTable | null {
    const t = this.indirect(id, name);
    return t === 0 ? null : this.r.tableAt(t, `${this.path}.${name}`);
  }

  vector(id: number, elemSize: number, name: string): VectorRef | null {
    const v = this.indirect(id, name);
    if (v === 0) return null;
    const path = `${this.path}.${name}`;
    const length = this.r.u32(v, path);
    if (length * elemSize > this.r.length - v - 4) {
      throw new ModelError(`${path}: vector of ${length} elements runs past the end of the model`);
    }
    return { pos: v + 4, length };
  }

  string(id: number, name: string): string | null {
    const v = this.vector(id, 1, name);
    if (v === null) return null;
    return decodeUtf8(this.r.bytes.subarray(v.pos, v.pos + v.length));
  }

  tables(id: number, name: string): FbTable[] {
    const v = this.vector(id, 4, name);
    if (v === null) return [];
    const out: FbTable[] = [];
    for (let i = 0; i < v.length; i++) {
      const p = v.pos + 4 * i;
      const path = `${this.path}.${name}[${i}]`;
      out.push(this.r.tableAt(p + this.r.u32(p, path), path));
    }
    return out;
  }

  strings(id: number, name: string): string[] {
    const v = this.vector(id, 4, name);
    if (v === null) return [];
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const p = v.pos + 4 * i;
      const path = `${this.path}.${name}[${i}]`;
      const s = p + this.r.u32(p, path);
      const n = this.r.u32(s, path);
      this.r.check(s + 4, n, path);
      out.push(decodeUtf8(this.r.bytes.subarray(s + 4, s + 4 + n)));
    }
    return out;
  }

  /** A vector of scalars as plain numbers (copied). */
  numbers(id: number, kind: ScalarKind, name: string): number[] | null {
    const size = SIZE[kind];
    const v = this.vector(id, size, name);
    if (v === null) return null;
    const out = new Array<number>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = this.r.scalar(kind, v.pos + i * size, this.path);
    return out;
  }

  /** A [ubyte] vector as a zero-copy view. */
  bytes(id: number, name: string): Uint8Array | null {
    const v = this.vector(id, 1, name);
    return v === null ? null : this.r.bytes.subarray(v.pos, v.pos + v.length);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
function decodeUtf8(b: Uint8Array): string {
  return utf8.decode(b);
}

// ---------------------------------------------------------------- writer

/** A value to serialize; tables list their present fields by slot id. */
export type FbValue =
  | { kind: 'table'; fields: FbField[] }
  | { kind: 'string'; value: string }
  | { kind: 'bytes'; value: Uint8Array; align?: number }
  | { kind: 'scalars'; type: ScalarKind; value: ArrayLike<number> }
  | { kind: 'tables'; value: FbValue[] }
  | { kind: 'strings'; value: string[] };

export type FbField =
  | { id: number; type: ScalarKind; value: number }
  | { id: number; type: 'offset'; value: FbValue };

export function fbTable(fields: (FbField | null)[]): FbValue {
  return { kind: 'table', fields: fields.filter((f): f is FbField => f !== null) };
}

const utf8enc = new TextEncoder();

/**
 * Writes front to back: the root offset first, then each object before the objects it
 * points to, so every uoffset is positive. Children wait in a FIFO and are written
 * after their parent, with the parent's placeholder patched.
 */
export class FbWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private pos = 0;
  private pending: { at: number; value: FbValue }[] = [];

  finish(root: FbValue, identifier: string | null): Uint8Array {
    this.reserve(8);
    this.pending.push({ at: 0, value: root });
    this.pos = 4;
    if (identifier !== null) {
      this.buf.set(utf8enc.encode(identifier).subarray(0, 4), 4);
      this.pos = 8;
    }
    for (let i = 0; i < this.pending.length; i++) {
      const { at, value } = this.pending[i]!;
      const target = this.write(value);
      this.view.setUint32(at, target - at, true);
    }
    this.pending = [];
    return this.buf.slice(0, this.pos);
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Pads so that pos + extra is a multiple of `align`. */
  private align(align: number, extra = 0): void {
    const pad = (align - ((this.pos + extra) % align)) % align;
    this.reserve(pad);
    this.buf.fill(0, this.pos, this.pos + pad);
    this.pos += pad;
  }

  private putScalar(type: ScalarKind, at: number, v: number): void {
    const d = this.view;
    switch (type) {
      case 'bool': case 'uint8': d.setUint8(at, type === 'bool' ? (v ? 1 : 0) : v); break;
      case 'int8': d.setInt8(at, v); break;
      case 'int16': d.setInt16(at, v, true); break;
      case 'uint16': d.setUint16(at, v, true); break;
      case 'int32': d.setInt32(at, v, true); break;
      case 'uint32': d.setUint32(at, v, true); break;
      case 'int64': d.setBigInt64(at, BigInt(Math.trunc(v)), true); break;
      case 'uint64': d.setBigUint64(at, BigInt(Math.trunc(v)), true); break;
      case 'float32': d.setFloat32(at, v, true); break;
      case 'float64': d.setFloat64(at, v, true); break;
    }
  }

  private write(value: FbValue): number {
    switch (value.kind) {
      case 'table': return this.writeTable(value.fields);
      case 'string': {
        const b = utf8enc.encode(value.value);
        this.align(4);
        this.reserve(4 + b.length + 1);
        const start = this.pos;
        this.view.setUint32(start, b.length, true);
        this.buf.set(b, start + 4);
        this.buf[start + 4 + b.length] = 0;
        this.pos += 4 + b.length + 1;
        return start;
      }
      case 'bytes': {
        this.align(Math.max(4, value.align ?? 4), 4);
        this.reserve(4 + value.value.length);
        const start = this.pos;
        this.view.setUint32(start, value.value.length, true);
        this.buf.set(value.value, start + 4);
        this.pos += 4 + value.value.length;
        return start;
      }
      case 'scalars': {
        const size = SIZE[value.type];
        this.align(Math.max(4, size), 4);
        this.reserve(4 + size * value.value.length);
        const start = this.pos;
        this.view.setUint32(start, value.value.length, true);
        for (let i = 0; i < value.value.length; i++) this.putScalar(value.type, start + 4 + i * size, value.value[i]!);
        this.pos += 4 + size * value.value.length;
        return start;
      }
      case 'tables': case 'strings': {
        const items: FbValue[] = value.kind === 'tables' ? value.value : value.value.map((s) => ({ kind: 'string', value: s }));
        this.align(4);
        this.reserve(4 + 4 * items.length);
        const start = this.pos;
        this.view.setUint32(start, items.length, true);
        this.pos += 4 + 4 * items.length;
        items.forEach((item, i) => this.pending.push({ at: start + 4 + 4 * i, value: item }));
        return start;
      }
    }
  }

  private writeTable(fields: FbField[]): number {
    const maxId = fields.reduce((m, f) => Math.max(m, f.id), -1);
    // Lay out the inline part: soffset, then fields largest first (keeps them aligned).
    const sized = fields.map((f) => ({ f, size: f.type === 'offset' ? 4 : SIZE[f.type] }));
    sized.sort((a, b) => b.size - a.size || a.f.id - b.f.id);
    const vtableSize = 4 + 2 * (maxId + 1);
    // vtable first (so the table's soffset is positive), then the table aligned to 8.
    this.align(2);
    const vtable = this.pos;
    this.reserve(vtableSize);
    this.buf.fill(0, vtable, vtable + vtableSize);
    this.pos += vtableSize;
    this.align(8, 0);
    const table = this.pos;
    let off = 4;
    const offsets = new Map<FbField, number>();
    for (const { f, size } of sized) {
      off = Math.ceil(off / size) * size;
      offsets.set(f, off);
      off += size;
    }
    const tableSize = off;
    this.reserve(tableSize);
    this.buf.fill(0, table, table + tableSize);
    this.view.setInt32(table, table - vtable, true);
    this.view.setUint16(vtable, vtableSize, true);
    this.view.setUint16(vtable + 2, tableSize, true);
    for (const f of fields) {
      const o = offsets.get(f)!;
      this.view.setUint16(vtable + 4 + 2 * f.id, o, true);
      if (f.type === 'offset') this.pending.push({ at: table + o, value: f.value });
      else this.putScalar(f.type, table + o, f.value);
    }
    this.pos = table + tableSize;
    return table;
  }
}
