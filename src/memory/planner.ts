// Arena memory planning: tensors whose lifetimes do not overlap share bytes.
//
// Usage: addBuffer(size, firstUse, lastUse) for each tensor, then plan(); offsetOf(i)
// gives each buffer's offset and arenaSize the bytes the arena needs.

export interface MemoryPlanner {
  addBuffer(size: number, firstUse: number, lastUse: number): number;
  plan(): void;
  offsetOf(id: number): number;
  readonly arenaSize: number;
}

/** Every buffer gets its own bytes: the baseline that proves nothing is shared wrongly. */
export class LinearPlanner implements MemoryPlanner {
  private sizes: number[] = [];
  private offsets: number[] = [];
  arenaSize = 0;
  constructor(private readonly alignment = 64) {}
  addBuffer(size: number): number {
    this.sizes.push(size);
    return this.sizes.length - 1;
  }
  plan(): void {
    let off = 0;
    this.offsets = this.sizes.map((s) => {
      const o = off;
      off = alignUp(off + s, this.alignment);
      return o;
    });
    this.arenaSize = off;
  }
  offsetOf(id: number): number {
    return this.offsets[id]!;
  }
}

/**
 * TFLite's greedy-by-size planner: buffers are placed largest first, each at the lowest
 * offset where it overlaps no already-placed buffer that is alive at the same time.
 * Not optimal (the problem is NP-complete) but close on real graphs.
 */
export class GreedyPlanner implements MemoryPlanner {
  private buffers: { size: number; first: number; last: number; offset: number }[] = [];
  arenaSize = 0;
  constructor(private readonly alignment = 64) {}

  addBuffer(size: number, firstUse: number, lastUse: number): number {
    this.buffers.push({ size: alignUp(size, this.alignment), first: firstUse, last: lastUse, offset: -1 });
    return this.buffers.length - 1;
  }

  plan(): void {
    const order = this.buffers.map((_, i) => i).sort((a, b) => this.buffers[b]!.size - this.buffers[a]!.size || a - b);
    const placed: number[] = [];
    let arena = 0;
    for (const id of order) {
      const b = this.buffers[id]!;
      // Live neighbours sorted by offset; take the first gap that fits.
      const live = placed
        .map((p) => this.buffers[p]!)
        .filter((p) => p.first <= b.last && b.first <= p.last)
        .sort((x, y) => x.offset - y.offset);
      let offset = 0;
      for (const p of live) {
        if (p.offset >= offset + b.size) break;
        offset = Math.max(offset, p.offset + p.size);
      }
      b.offset = offset;
      placed.push(id);
      arena = Math.max(arena, offset + b.size);
    }
    this.arenaSize = arena;
  }

  offsetOf(id: number): number {
    return this.buffers[id]!.offset;
  }

  /** Test aid: true when two buffers alive at the same time share bytes. */
  anyOverlap(): boolean {
    const bs = this.buffers;
    for (let i = 0; i < bs.length; i++) {
      for (let j = i + 1; j < bs.length; j++) {
        const a = bs[i]!, b = bs[j]!;
        const timeOverlap = a.first <= b.last && b.first <= a.last;
        const spaceOverlap = a.offset < b.offset + b.size && b.offset < a.offset + a.size;
        if (timeOverlap && spaceOverlap && a.size > 0 && b.size > 0) return true;
      }
    }
    return false;
  }
}

export function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
