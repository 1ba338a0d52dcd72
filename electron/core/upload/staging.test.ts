import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadStore, safeFileName } from './staging';

describe('evidence uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-upload-'));
  const casePath = join(dir, 'c.tokenscope');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a recognisable, safe file name', () => {
    expect(safeFileName('okta-system-log.json.gz')).toBe('okta-system-log.json.gz');
    expect(safeFileName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeFileName('a\u0000b<c>.csv')).toBe('a_b_c_.csv');
    expect(safeFileName('')).toBe('upload');
  });

  it('writes chunks in order, refuses gaps and overruns, and discards on cancel', async () => {
    const store = new UploadStore();
    const upload = store.begin(casePath, 'audit.json', 6);
    expect(basename(upload.path)).toBe('audit.json');
    await store.append(upload.id, 0, Buffer.from('abc'));
    await expect(store.append(upload.id, 5, Buffer.from('x'))).rejects.toThrow(/expected a chunk at byte 3/);
    expect(() => store.complete([upload.id], casePath)).toThrow(/incomplete/);
    await expect(store.append(upload.id, 3, Buffer.from('defg'))).rejects.toThrow(/more bytes/);
    await store.append(upload.id, 3, Buffer.from('def'));
    expect(store.complete([upload.id], casePath).map((u) => readFileSync(u.path, 'utf8'))).toEqual(['abcdef']);
    expect(() => store.complete([upload.id], join(dir, 'other.tokenscope'))).toThrow(/another case/);
    store.discardAll();
    expect(existsSync(upload.path)).toBe(false);
    // A leftover from an earlier backend process is cleared by the next upload.
    const leftover = join(dir, 'c.tokenscope.work', 'uploads', 'stale', 'old.json');
    mkdirSync(dirname(leftover), { recursive: true });
    writeFileSync(leftover, '{}');
    new UploadStore().begin(casePath, 'new.json', 1);
    expect(existsSync(leftover)).toBe(false);
    expect(() => store.complete([upload.id], casePath)).toThrow(/No upload/);
  });
});
