import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Fixed gzip settings: Node writes mtime 0 and OS 3, so the bytes depend only on the content. */
const GZIP_OPTIONS = { level: 9, memLevel: 9 } as const;

/** Collects every file the generator writes, relative to the output root, with event counts. */
export class Output {
  readonly files: string[] = [];
  readonly events = new Map<string, number>();

  constructor(readonly root: string) {}

  text(rel: string, body: string): void {
    this.write(rel, Buffer.from(body, 'utf8'));
  }

  json(rel: string, value: unknown): void {
    this.text(rel, `${JSON.stringify(value, null, 2)}\n`);
  }

  gzip(rel: string, body: string): void {
    this.write(rel, gzipSync(Buffer.from(body, 'utf8'), GZIP_OPTIONS));
  }

  countEvents(platform: string, n: number): void {
    this.events.set(platform, (this.events.get(platform) ?? 0) + n);
  }

  private write(rel: string, bytes: Buffer): void {
    const full = join(this.root, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    this.files.push(rel);
  }
}

/** Split a list into pages of `size` (vendor APIs page their answers). */
export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
