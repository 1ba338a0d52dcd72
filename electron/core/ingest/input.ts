import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { limits } from './limits';

/** An error that names what went wrong with a whole file (recorded as the file's reason). */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * SHA-256 of the file exactly as it is on disk, computed streaming before any parsing
 * (SECURITY.md T9.1). The file is opened read-only ('r'): evidence is never written.
 */
export async function hashFile(path: string, signal?: AbortSignal, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { flags: 'r', highWaterMark: 1 << 20, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    onBytes?.(chunk.length);
  }
  return hash.digest('hex');
}

/** First bytes of the file, to tell gzip from plain text. */
export async function readHead(path: string, bytes = 4): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The file's content as chunks, gunzipped transparently. A decompression bomb (output beyond the
 * absolute cap, or beyond the ratio cap once past the grace size) stops with DECOMPRESSION_LIMIT
 * before it fills memory or disk. `onRawBytes` reports progress in on-disk bytes.
 */
export async function* contentChunks(
  path: string,
  options: { gzip: boolean; fileBytes: number; signal?: AbortSignal; onRawBytes?: (n: number) => void },
): AsyncGenerator<Buffer> {
  const raw = createReadStream(path, { flags: 'r', highWaterMark: 1 << 20, signal: options.signal });
  if (!options.gzip) {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      options.onRawBytes?.(chunk.length);
      yield chunk;
    }
    return;
  }
  raw.on('data', (c: string | Buffer) => options.onRawBytes?.(c.length));
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  let out = 0;
  const ratioCap = Math.max(limits.ratioGraceBytes, options.fileBytes * limits.maxCompressionRatio);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > limits.maxDecompressedBytes || out > ratioCap) {
        throw new FileError(
          'DECOMPRESSION_LIMIT',
          `gzip expands beyond the safety cap (${out} bytes from ${options.fileBytes} on disk); not imported (possible decompression bomb)`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof FileError) throw error;
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new FileError('GZIP_CORRUPT', `gzip stream is damaged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}
