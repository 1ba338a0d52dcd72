import { readFileSync } from 'node:fs';

/**
 * A small pure-JS reader for MaxMind DB files (the format @ip-location-db ships), enough for
 * IP → record lookups: metadata, the binary search tree (24/28/32-bit records) and the data
 * section decoder. No network, no native code.
 */
export class MmdbReader {
  private readonly buf: Buffer;
  readonly metadata: Record<string, unknown>;
  private readonly nodeCount: number;
  private readonly recordSize: number;
  private readonly treeSize: number;
  private readonly dataStart: number;
  private readonly ipVersion: number;
  private ipv4Start = 0;
  private readonly records = new Map<number, unknown>();

  constructor(path: string) {
    this.buf = readFileSync(path);
    const marker = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');
    const at = this.buf.lastIndexOf(marker);
    if (at < 0) throw new Error(`${path} is not a MaxMind DB file`);
    this.metadata = this.decode(at + marker.length, at + marker.length)[0] as Record<string, unknown>;
    this.nodeCount = Number(this.metadata.node_count);
    this.recordSize = Number(this.metadata.record_size);
    this.ipVersion = Number(this.metadata.ip_version);
    this.treeSize = ((this.recordSize * 2) / 8) * this.nodeCount;
    this.dataStart = this.treeSize + 16;
    if (this.ipVersion === 6) {
      let node = 0;
      for (let i = 0; i < 96 && node < this.nodeCount; i++) node = this.readNode(node, 0);
      this.ipv4Start = node;
    }
  }

  /** The record for an address (4 or 16 bytes), or null. */
  get(address: Uint8Array): unknown {
    if (address.length === 16 && this.ipVersion === 4) return null;
    let node = address.length === 4 && this.ipVersion === 6 ? this.ipv4Start : 0;
    const bits = address.length * 8;
    for (let i = 0; i < bits && node < this.nodeCount; i++) {
      const bit = (address[i >> 3]! >> (7 - (i & 7))) & 1;
      node = this.readNode(node, bit);
    }
    if (node === this.nodeCount || node < this.nodeCount) return null;
    const offset = node - this.nodeCount - 16 + this.dataStart;
    // Many networks share one record (a city): decode each record once.
    const hit = this.records.get(offset);
    if (hit !== undefined) return hit;
    const value = this.decode(offset, this.dataStart)[0];
    if (this.records.size > 500_000) this.records.clear();
    this.records.set(offset, value);
    return value;
  }

  private readNode(node: number, bit: number): number {
    const b = this.buf;
    switch (this.recordSize) {
      case 24: {
        const o = node * 6 + bit * 3;
        return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
      }
      case 28: {
        const o = node * 7;
        if (bit === 0) return (((b[o + 3]! & 0xf0) << 20) | (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!) >>> 0;
        return (((b[o + 3]! & 0x0f) << 24) | (b[o + 4]! << 16) | (b[o + 5]! << 8) | b[o + 6]!) >>> 0;
      }
      case 32:
        return b.readUInt32BE(node * 8 + bit * 4);
      default:
        throw new Error(`unsupported MMDB record size ${this.recordSize}`);
    }
  }

  /** Decode one value at `offset`; pointers are relative to `base`. Returns [value, next offset]. */
  private decode(offset: number, base: number): [unknown, number] {
    const b = this.buf;
    const ctrl = b[offset++]!;
    let type = ctrl >> 5;
    if (type === 1) {
      const ss = (ctrl >> 3) & 3;
      const v = ctrl & 7;
      let p: number;
      if (ss === 0) p = (v << 8) | b[offset]!;
      else if (ss === 1) p = ((v << 16) | (b[offset]! << 8) | b[offset + 1]!) + 2048;
      else if (ss === 2) p = ((v << 24) | (b[offset]! << 16) | (b[offset + 1]! << 8) | b[offset + 2]!) + 526336;
      else p = b.readUInt32BE(offset);
      return [this.decode(base + p, base)[0], offset + ss + 1];
    }
    if (type === 0) type = 7 + b[offset++]!;
    let size = ctrl & 0x1f;
    if (size === 29) size = 29 + b[offset++]!;
    else if (size === 30) {
      size = 285 + b.readUInt16BE(offset);
      offset += 2;
    } else if (size === 31) {
      size = 65821 + b.readUIntBE(offset, 3);
      offset += 3;
    }
    switch (type) {
      case 2:
        return [b.toString('utf8', offset, offset + size), offset + size];
      case 3:
        return [b.readDoubleBE(offset), offset + 8];
      case 4:
        return [b.subarray(offset, offset + size), offset + size];
      case 5:
      case 6:
      case 9:
      case 10: {
        let n = 0n;
        for (let i = 0; i < size; i++) n = (n << 8n) | BigInt(b[offset + i]!);
        return [n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n, offset + size];
      }
      case 7: {
        const map: Record<string, unknown> = {};
        for (let i = 0; i < size; i++) {
          const [key, afterKey] = this.decode(offset, base);
          const [value, afterValue] = this.decode(afterKey, base);
          map[String(key)] = value;
          offset = afterValue;
        }
        return [map, offset];
      }
      case 8:
        return [size === 0 ? 0 : b.readIntBE(offset, size), offset + size];
      case 11: {
        const list: unknown[] = [];
        for (let i = 0; i < size; i++) {
          const [value, next] = this.decode(offset, base);
          list.push(value);
          offset = next;
        }
        return [list, offset];
      }
      case 14:
        return [size !== 0, offset];
      case 15:
        return [b.readFloatBE(offset), offset + 4];
      default:
        throw new Error(`unsupported MMDB data type ${type}`);
    }
  }
}
