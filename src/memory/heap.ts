// The memory every non-constant tensor lives in: one growable buffer per interpreter, so that an
// optimized tier can make it a WebAssembly.Memory and run kernels on tensors in place.
//
// Growing may replace the buffer (always for plain ArrayBuffers; a WebAssembly.Memory's old
// buffer is detached): `generation` changes, and tensors rebuild their views lazily.
import { TfliteError } from '../errors.js';

/** What a heap grows: an ArrayBuffer (copied into a larger one) or a WebAssembly.Memory. */
export interface HeapBacking {
  readonly buffer: ArrayBufferLike;
  /** Makes the buffer at least `bytes` long; may replace `buffer`. */
  grow(bytes: number): void;
}

export class ArrayBufferBacking implements HeapBacking {
  buffer: ArrayBuffer;
  constructor(initial = 0) {
    this.buffer = new ArrayBuffer(initial);
  }
  grow(bytes: number): void {
    const next = new ArrayBuffer(bytes);
    new Uint8Array(next).set(new Uint8Array(this.buffer));
    this.buffer = next;
  }
}

const WASM_PAGE = 65536;

export class WasmMemoryBacking implements HeapBacking {
  constructor(readonly memory: WebAssembly.Memory) {}
  get buffer(): ArrayBufferLike {
    return this.memory.buffer;
  }
  grow(bytes: number): void {
    const pages = Math.ceil((bytes - this.memory.buffer.byteLength) / WASM_PAGE);
    if (pages > 0) this.memory.grow(pages);
  }
}

/** Largest heap (and so largest single tensor or arena) we agree to allocate. */
export const MAX_HEAP_BYTES = 2 ** 31;

/**
 * A first-fit allocator with coalescing free ranges over a growable backing. Offsets stay valid
 * across growth; views do not (see `generation`).
 */
export class Heap {
  private readonly free: { offset: number; size: number }[] = [];
  private readonly used = new Map<number, number>();
  private end: number;
  /** Changes whenever `buffer` is replaced. */
  generation = 0;

  constructor(readonly backing: HeapBacking = new ArrayBufferBacking(), readonly base = 0) {
    this.end = base;
  }

  get buffer(): ArrayBufferLike {
    return this.backing.buffer;
  }

  /** Bytes in use (allocated, not free). */
  get usedBytes(): number {
    let n = 0;
    for (const s of this.used.values()) n += s;
    return n;
  }

  /** Reserves `bytes` aligned to `align` (a power of two) and returns the offset. */
  alloc(bytes: number, align = 64, what = 'a tensor'): number {
    const size = Math.max(align, Math.ceil(bytes / align) * align);
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i]!;
      const start = Math.ceil(f.offset / align) * align;
      const waste = start - f.offset;
      if (f.size - waste < size) continue;
      this.free.splice(i, 1);
      if (waste > 0) this.release(f.offset, waste);
      if (f.size - waste > size) this.release(start + size, f.size - waste - size);
      this.used.set(start, size);
      return start;
    }
    const start = Math.ceil(this.end / align) * align;
    const needed = start + size;
    if (needed > MAX_HEAP_BYTES) throw new TfliteError(`${what} needs ${bytes} bytes, more than the ${MAX_HEAP_BYTES}-byte memory limit`);
    if (needed > this.backing.buffer.byteLength) {
      const target = Math.min(MAX_HEAP_BYTES, Math.max(needed, Math.ceil(this.backing.buffer.byteLength * 1.5)));
      try {
        this.backing.grow(target);
      } catch {
        throw new TfliteError(`cannot allocate ${bytes} bytes for ${what}`);
      }
      this.generation++;
    }
    if (start > this.end) this.release(this.end, start - this.end);
    this.end = needed;
    this.used.set(start, size);
    return start;
  }

  /** Returns an allocation to the free list. */
  freeBlock(offset: number): void {
    const size = this.used.get(offset);
    if (size === undefined) return;
    this.used.delete(offset);
    this.release(offset, size);
  }

  /** Size of the allocation at `offset` (0 when none). */
  sizeOf(offset: number): number {
    return this.used.get(offset) ?? 0;
  }

  private release(offset: number, size: number): void {
    // Insert sorted, then merge with neighbours.
    let i = 0;
    while (i < this.free.length && this.free[i]!.offset < offset) i++;
    this.free.splice(i, 0, { offset, size });
    const next = this.free[i + 1];
    if (next && offset + size === next.offset) {
      this.free[i]!.size += next.size;
      this.free.splice(i + 1, 1);
    }
    const prev = this.free[i - 1];
    if (prev && prev.offset + prev.size === offset) {
      prev.size += this.free[i]!.size;
      this.free.splice(i, 1);
    }
  }
}
