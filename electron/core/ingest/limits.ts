/**
 * Caps applied BEFORE DuckDB (or JSON.parse) sees a record (SECURITY.md §4, T4). DuckDB 1.5.6
 * read_json segfaults on ~17,500 levels of nesting, and lenient reader options lose data, so the
 * scanner quarantines anything outside these limits and loads the rest.
 */
export const limits = {
  /** One record (NDJSON line, CSV row, JSON array element) larger than this is rejected. Kept at 8 MiB so
   * even a worst-case JSON-escaped staged row fits the 64 MB read_json object limit in load.ts. */
  maxRecordBytes: 8 * 1024 * 1024,
  /** Arrays and objects both count; deeper records are rejected with DEPTH_EXCEEDED. */
  maxDepth: 64,
  /** Raw bytes kept per rejected record; raw_sha256 and raw_length always describe all of it. */
  rejectRawCap: 64 * 1024,
  /** A whole-document JSON file (array, envelope, pretty-printed object) is parsed in memory up to this size. */
  maxDocumentBytes: 1024 * 1024 * 1024,
  /** gzip: decompressed size above this, and above `maxCompressionRatio` times the input, is a bomb. */
  maxDecompressedBytes: 8 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  /** Ratio checks start only past this many decompressed bytes (tiny files compress very well). */
  ratioGraceBytes: 64 * 1024 * 1024,
  /** CSV: a file whose header has more columns than this is not treated as CSV. */
  maxCsvColumns: 4096,
} as const;

export type Limits = typeof limits;
