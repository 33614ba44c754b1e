import { InMemoryTreeNodes } from '../src/tree-nodes';

/** In-memory nodes that count reads, to hold proofs to their O(log n) budget. */
export class CountingTreeNodes extends InMemoryTreeNodes {
  reads = 0;

  override get(level: number, index: number): Promise<Uint8Array | undefined> {
    this.reads += 1;
    return super.get(level, index);
  }
}
