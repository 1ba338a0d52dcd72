import { isIP } from 'node:net';

/**
 * The IP in an IP field, or null when the field holds something else (FORMATS.md gotcha 8):
 * Salesforce "Salesforce.com IP", CloudTrail service names and "AWS Internal", Entra "" for
 * managed identities, UAL ClientIP with a port or as [::ffff:a.b.c.d]:port. The raw value is kept
 * separately (events.ip_raw). Pure.
 */
export function normaliseIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim();
  // Okta ipChain / X-Forwarded-For style lists: the first hop is the client.
  if (v.includes(',')) v = v.split(',')[0]!.trim();
  const bracket = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(v);
  if (bracket) v = bracket[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1]!;
  const kind = isIP(v);
  if (kind === 4) return v;
  if (kind === 6) return v.toLowerCase();
  return null;
}

/** IPv4 as an unsigned 32-bit number; IPv6 as a BigInt. */
export function ipToNumber(ip: string): number | bigint {
  if (isIP(ip) === 4) {
    const p = ip.split('.').map(Number);
    return ((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!;
  }
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, ''];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}
