import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGunzip, createGzip } from 'node:zlib';

/**
 * A deterministic ustar + gzip writer and a strict streaming reader, with no dependencies.
 * Deterministic: entries in the order given, mtime 0, uid/gid 0, no user or group names, mode
 * 0644, and the gzip header's OS byte fixed (zlib writes a platform-specific one), so the same
 * inputs give the same bytes on every machine. The reader accepts only plain file entries with
 * plain names (no folders, links or path separators), so a hostile archive cannot write outside
 * the folder it is extracted to.
 */

export type TarSource = { name: string; path: string } | { name: string; data: Buffer };

const BLOCK = 512;
const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function tarHeader(name: string, size: number): Buffer {
  if (!safeName.test(name) || name.includes('..')) throw new Error(`tar: entry name ${JSON.stringify(name)} is not a plain file name`);
  if (size > 0o77777777777) throw new Error(`tar: ${name} is larger than ustar allows (8 GiB)`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum is computed with this field as spaces
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK, 0);

async function* tarStream(sources: TarSource[]): AsyncGenerator<Buffer> {
  for (const s of sources) {
    if ('data' in s) {
      yield tarHeader(s.name, s.data.length);
      yield s.data;
      yield padding(s.data.length);
    } else {
      const size = statSync(s.path).size;
      yield tarHeader(s.name, size);
      let seen = 0;
      for await (const chunk of createReadStream(s.path) as AsyncIterable<Buffer>) {
        seen += chunk.length;
        yield chunk;
      }
      if (seen !== size) throw new Error(`tar: ${s.path} changed size while being archived`);
      yield padding(size);
    }
  }
  yield Buffer.alloc(BLOCK * 2, 0);
}

/** Set the gzip header's OS byte (offset 9) to 255 "unknown" on every platform. */
function fixGzipOs(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first && chunk.length > 9) {
        chunk = Buffer.from(chunk);
        chunk[9] = 0xff;
        first = false;
      }
      done(null, chunk);
    },
  });
}

/** Write a .tar.gz; returns its SHA-256 and size. */
export async function writeTarGz(out: string, sources: TarSource[]): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(tarStream(sources), createGzip({ level: constants.Z_BEST_COMPRESSION }), fixGzipOs(), tap, createWriteStream(out));
  return { sha256: hash.digest('hex'), bytes };
}

export interface TarEntryHandler {
  /** Called at the start of each entry; return the sink for its bytes. */
  open(name: string, size: number): { write(chunk: Buffer): void | Promise<void>; end(): Promise<void> };
}

/**
 * Read a .tar.gz entry by entry, checking every header's checksum and type. Throws with the
 * archive offset on anything that is not a plain ustar file entry.
 */
export async function readTarGz(input: Readable, handler: TarEntryHandler): Promise<string[]> {
  const names: string[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let offset = 0;
  let entry: { remaining: number; pad: number; sink: ReturnType<TarEntryHandler['open']> } | null = null;
  let ended = false;
  for await (const chunk of input.pipe(createGunzip()) as AsyncIterable<Buffer>) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (ended) break;
      if (entry) {
        if (entry.remaining > 0) {
          if (buf.length === 0) break;
          const take = Math.min(entry.remaining, buf.length);
          await entry.sink.write(buf.subarray(0, take));
          buf = buf.subarray(take);
          entry.remaining -= take;
          offset += take;
          continue;
        }
        if (buf.length < entry.pad) break;
        buf = buf.subarray(entry.pad);
        offset += entry.pad;
        await entry.sink.end();
        entry = null;
        continue;
      }
      if (buf.length < BLOCK) break;
      const header = buf.subarray(0, BLOCK);
      if (header.every((b) => b === 0)) {
        ended = true;
        break;
      }
      const stored = parseInt(header.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
      if (stored !== sum) throw new Error(`bundle: damaged archive (header checksum mismatch at byte ${offset})`);
      const type = header.toString('ascii', 156, 157);
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '');
      if ((type !== '0' && type !== '\0') || prefix !== '' || !safeName.test(name) || name.includes('..')) {
        throw new Error(`bundle: refused entry ${JSON.stringify(prefix ? `${prefix}/${name}` : name)} at byte ${offset} (only plain files with plain names)`);
      }
      const size = parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/, '').trim(), 8);
      if (!Number.isFinite(size) || size < 0) throw new Error(`bundle: bad size for ${name} at byte ${offset}`);
      buf = buf.subarray(BLOCK);
      offset += BLOCK;
      names.push(name);
      entry = { remaining: size, pad: (BLOCK - (size % BLOCK)) % BLOCK, sink: handler.open(name, size) };
    }
  }
  if (entry || !ended) throw new Error(`bundle: archive is truncated (ended at byte ${offset})`);
  return names;
}
