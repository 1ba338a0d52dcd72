import { DAY, HOUR } from './format';
import { Rng } from './prng';

/** The fixed "now" of the sample case: the exports were pulled just after the window closed. */
export const WINDOW_FROM = Date.UTC(2026, 9, 7); // 2026-10-07T00:00Z
export const WINDOW_TO = Date.UTC(2026, 10, 20); // 2026-11-20T00:00Z
/** Everything before this is training history; every planted story happens after it. */
export const ANALYSIS_START = Date.UTC(2026, 10, 6); // 2026-11-06T00:00Z
export const DOMAIN = 'northwind-logistics.example';
export const ORG_SLUG = 'northwind-logistics';

export interface Network {
  readonly cidrBase: string; // first three octets, e.g. "198.51.100"
  readonly hostMin: number;
  readonly hostMax: number;
  readonly asn: number;
  readonly asOrg: string;
  readonly isp: string;
  readonly domain: string;
  readonly country: string; // ISO-3166 alpha-2
  readonly countryName: string;
  readonly state: string;
  readonly city: string;
  readonly lat: number;
  readonly lon: number;
  readonly zone: Zone;
}

export type Zone = 'America/Chicago' | 'America/New_York' | 'America/Denver' | 'Europe/Amsterdam' | 'Europe/London' | 'Asia/Singapore' | 'UTC' | 'America/Los_Angeles' | 'Asia/Jakarta';

/** UTC offset in hours at instant t (the 2026 DST changes that fall inside the window). */
export function utcOffset(zone: Zone, t: number): number {
  const usEnd = (hourUtc: number) => t < Date.UTC(2026, 10, 1, hourUtc);
  const euEnd = t < Date.UTC(2026, 9, 25, 1);
  switch (zone) {
    case 'America/Chicago': return usEnd(7) ? -5 : -6;
    case 'America/New_York': return usEnd(6) ? -4 : -5;
    case 'America/Denver': return usEnd(8) ? -6 : -7;
    case 'America/Los_Angeles': return usEnd(9) ? -7 : -8;
    case 'Europe/Amsterdam': return euEnd ? 2 : 1;
    case 'Europe/London': return euEnd ? 1 : 0;
    case 'Asia/Singapore': return 8;
    case 'Asia/Jakarta': return 7;
    case 'UTC': return 0;
  }
}

const net = (cidrBase: string, asn: number, asOrg: string, isp: string, domain: string, country: string, countryName: string, state: string, city: string, lat: number, lon: number, zone: Zone, hostMin = 2, hostMax = 254): Network =>
  ({ cidrBase, hostMin, hostMax, asn, asOrg, isp, domain, country, countryName, state, city, lat, lon, zone });

/** Company-owned egress uses documentation ranges and private-use ASNs; everything else is realistic public space. */
export const NET = {
  hqChicago: net('198.51.100', 64500, 'Northwind Logistics HQ', 'Northwind Logistics', DOMAIN, 'US', 'United States', 'Illinois', 'Chicago', 41.8781, -87.6298, 'America/Chicago', 10, 60),
  dcAtlanta: net('192.0.2', 64501, 'Northwind Logistics DC', 'Northwind Logistics', DOMAIN, 'US', 'United States', 'Georgia', 'Atlanta', 33.749, -84.388, 'America/New_York', 20, 40),
  officeRotterdam: net('203.0.113', 64502, 'Northwind Logistics EU', 'Northwind Logistics', DOMAIN, 'NL', 'Netherlands', 'South Holland', 'Rotterdam', 51.9244, 4.4777, 'Europe/Amsterdam', 30, 50),
  comcastChicago: net('73.44.118', 7922, 'COMCAST-7922', 'Comcast Cable Communications', 'comcast.net', 'US', 'United States', 'Illinois', 'Naperville', 41.7508, -88.1535, 'America/Chicago'),
  attChicago: net('99.61.42', 7018, 'ATT-INTERNET4', 'AT&T Services', 'sbcglobal.net', 'US', 'United States', 'Illinois', 'Evanston', 42.0451, -87.6877, 'America/Chicago'),
  comcastAtlanta: net('73.207.91', 7922, 'COMCAST-7922', 'Comcast Cable Communications', 'comcast.net', 'US', 'United States', 'Georgia', 'Marietta', 33.9526, -84.5499, 'America/New_York'),
  spectrumDenver: net('24.9.184', 20115, 'CHARTER-20115', 'Charter Communications', 'spectrum.com', 'US', 'United States', 'Colorado', 'Denver', 39.7392, -104.9903, 'America/Denver'),
  ziggoRotterdam: net('84.104.63', 33915, 'TNF-AS', 'Vodafone Libertel B.V.', 'ziggo.nl', 'NL', 'Netherlands', 'South Holland', 'Rotterdam', 51.9225, 4.4792, 'Europe/Amsterdam'),
  btLondon: net('86.171.12', 2856, 'BT-UK-AS', 'British Telecommunications PLC', 'bt.com', 'GB', 'United Kingdom', 'England', 'London', 51.5072, -0.1276, 'Europe/London'),
  heathrowWifi: net('212.58.233', 8560, 'IONOS-AS', 'Boingo Wireless', 'boingo.com', 'GB', 'United Kingdom', 'England', 'Hounslow', 51.47, -0.4543, 'Europe/London'),
  awsUsEast1: net('54.210.147', 14618, 'AMAZON-AES', 'Amazon.com, Inc.', 'amazonaws.com', 'US', 'United States', 'Virginia', 'Ashburn', 39.0438, -77.4874, 'America/New_York'),
  awsUsEast1b: net('3.219.66', 14618, 'AMAZON-AES', 'Amazon.com, Inc.', 'amazonaws.com', 'US', 'United States', 'Virginia', 'Ashburn', 39.0438, -77.4874, 'America/New_York'),
  awsUsWest2: net('52.36.201', 16509, 'AMAZON-02', 'Amazon.com, Inc.', 'amazonaws.com', 'US', 'United States', 'Oregon', 'Boardman', 45.8399, -119.7006, 'America/Los_Angeles'),
  azureRunners: net('20.171.46', 8075, 'MICROSOFT-CORP-MSN-AS-BLOCK', 'Microsoft Corporation', 'microsoft.com', 'US', 'United States', 'Virginia', 'Boydton', 36.6676, -78.3875, 'America/New_York'),
  azureRunners2: net('172.183.52', 8075, 'MICROSOFT-CORP-MSN-AS-BLOCK', 'Microsoft Corporation', 'microsoft.com', 'US', 'United States', 'Texas', 'San Antonio', 29.4241, -98.4936, 'America/Chicago'),
  gcpUsCentral: net('34.172.88', 396982, 'GOOGLE-CLOUD-PLATFORM', 'Google LLC', 'google.com', 'US', 'United States', 'Iowa', 'Council Bluffs', 41.2619, -95.8608, 'America/Chicago'),
  vultrNewJersey: net('149.28.224', 20473, 'AS-CHOOPA', 'The Constant Company, LLC', 'vultr.com', 'US', 'United States', 'New Jersey', 'Piscataway', 40.5511, -74.4606, 'America/New_York'),
  hetznerHelsinki: net('95.216.187', 24940, 'HETZNER-AS', 'Hetzner Online GmbH', 'hetzner.com', 'FI', 'Finland', 'Uusimaa', 'Helsinki', 60.1699, 24.9384, 'Europe/London'),
  telkomJakarta: net('36.85.217', 7713, 'TELKOMNET-AS-AP', 'PT Telekomunikasi Indonesia', 'telkom.net.id', 'ID', 'Indonesia', 'Jakarta', 'Jakarta', -6.2088, 106.8456, 'Asia/Jakarta'),
  digitalOceanNy: net('208.68.36', 14061, 'DIGITALOCEAN-ASN', 'DigitalOcean, LLC', 'digitalocean.com', 'US', 'United States', 'New York', 'New York', 40.7128, -74.006, 'America/New_York', 90, 90),
  torExit: net('185.220.101', 208294, 'CIA-TRIAD-SEC', 'Tor exit relay', 'torproject.org', 'DE', 'Germany', 'Berlin', 'Berlin', 52.52, 13.405, 'UTC', 133, 133),
  singtelSingapore: net('116.86.14', 9506, 'SINGTEL-FIBRE', 'Singtel Fibre Broadband', 'singnet.com.sg', 'SG', 'Singapore', 'Singapore', 'Singapore', 1.3521, 103.8198, 'Asia/Singapore'),
} satisfies Record<string, Network>;

export type NetName = keyof typeof NET;

/** A stable host address inside a network (callers keep the result when a client should stay on one IP). */
export function ipIn(rng: Rng, n: Network): string {
  return `${n.cidrBase}.${rng.int(n.hostMin, n.hostMax)}`;
}

export interface Employee {
  readonly employeeId: string;
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly displayName: string;
  readonly department: string;
  managerEmail: string;
  status: 'active' | 'leave' | 'terminated';
  readonly startDate: string;
  endDate: string;
  readonly office: NetName;
  readonly home: NetName;
  readonly homeIp: string;
  readonly officeIp: string;
  readonly zone: Zone;
  readonly browserUa: string;
  readonly oktaId: string;
  readonly entraId: string;
  readonly sfUserId: string; // 18 chars
  readonly googleProfileId: string;
  readonly githubLogin: string;
  readonly githubId: number;
  readonly slackId: string;
  readonly travels: boolean;
  /** Where the person is instead of home/office for a while; a stay without a network is a flight (no activity). */
  readonly stays: Stay[];
}

export interface Stay { readonly from: number; readonly to: number; readonly net: NetName | null; readonly ip: string }

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Benjamin', 'Harper', 'Daniel', 'Evelyn', 'Henry', 'Priya', 'Arjun', 'Sanne', 'Daan', 'Fleur', 'Bram', 'Chen', 'Wei', 'Aisha', 'Omar', 'Grace', 'Samuel', 'Chloe', 'David', 'Nora', 'Leo', 'Zoe', 'Marcus', 'Hannah', 'Diego', 'Lucia', 'Kenji', 'Yuki', 'Fatima', 'Tomasz', 'Ingrid', 'Rafael', 'Maya', 'Ethan', 'Julia', 'Kwame', 'Laura'];
const LAST = ['Okafor', 'Nguyen', 'Garcia', 'Kowalski', 'Johnson', 'Patel', 'de Vries', 'Jansen', 'Bakker', 'Smith', 'Martinez', 'Brown', 'Kim', 'Rossi', 'Schmidt', 'Novak', 'Walsh', 'Murphy', 'Haddad', 'Lindqvist', 'Okoro', 'Silva', 'Chen', 'Tanaka', 'Fischer', 'Visser', 'Reyes', 'Cohen', 'Andersen', 'Moreau', 'Hughes', 'Baker', 'Price', 'Rivera', 'Shah', 'Meyer', 'Dubois', 'Larsen', 'Ito', 'Mendes'];
const DEPARTMENTS: readonly (readonly [string, number])[] = [['Engineering', 34], ['Data Platform', 10], ['IT', 8], ['Security', 5], ['Sales', 22], ['Customer Success', 16], ['Operations', 24], ['Finance', 10], ['People', 5], ['Marketing', 8]];

const UAS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** ~160 employees; a handful of named ones are referenced by the stories (see stories in each platform). */
export function buildEmployees(rng: Rng): Employee[] {
  const out: Employee[] = [];
  const used = new Set<string>();
  const make = (first: string, last: string, department: string, office: NetName, home: NetName, zone: Zone, travels: boolean, startDate: string): Employee => {
    let email = `${slug(first)}.${slug(last)}@${DOMAIN}`;
    for (let n = 2; used.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${DOMAIN}`;
    used.add(email);
    const idNum = 10100 + out.length * 7 + rng.int(0, 6);
    const e: Employee = {
      employeeId: `NW-${idNum}`, first, last, email, displayName: `${first} ${last}`, department, managerEmail: '',
      status: 'active', startDate, endDate: '', office, home, homeIp: ipIn(rng, NET[home]), officeIp: ipIn(rng, NET[office]), zone,
      browserUa: rng.pick(UAS), oktaId: `00u${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}697`,
      entraId: rng.uuid(), sfUserId: `005Hs00000${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 5)}${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 3)}`,
      googleProfileId: String(100000000000000000000n + BigInt(rng.int(1, 999999999)) * 1000000000n + BigInt(rng.int(0, 999999999))),
      githubLogin: `${slug(first)}-${slug(last).slice(0, 6)}${rng.chance(0.4) ? rng.int(1, 99) : ''}`, githubId: rng.int(3000000, 190000000),
      slackId: `U0${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 9)}`, travels, stays: [],
    };
    out.push(e);
    return e;
  };
  // Named people the stories and look-alikes hang on (fixed so the README can name them).
  make('Dana', 'Whitfield', 'Executive', 'hqChicago', 'comcastChicago', 'America/Chicago', false, '2014-03-03');
  make('Ravi', 'Menon', 'IT', 'hqChicago', 'attChicago', 'America/Chicago', false, '2017-06-12');
  make('Marta', 'Kowalczyk', 'Security', 'hqChicago', 'comcastChicago', 'America/Chicago', false, '2019-09-02');
  make('Jonas', 'Berg', 'Engineering', 'hqChicago', 'spectrumDenver', 'America/Denver', false, '2021-02-15'); // departs mid-window
  make('Elena', 'Vasquez', 'Sales', 'hqChicago', 'comcastChicago', 'America/Chicago', true, '2020-04-20'); // flies to London
  make('Tyler', 'Brooks', 'Engineering', 'hqChicago', 'attChicago', 'America/Chicago', false, '2022-08-01'); // night owl
  make('Sofia', 'Lindgren', 'Data Platform', 'officeRotterdam', 'ziggoRotterdam', 'Europe/Amsterdam', false, '2020-11-09');
  make('Kevin', 'Osei', 'Data Platform', 'hqChicago', 'comcastChicago', 'America/Chicago', false, '2018-01-08'); // uses a service key by hand
  make('Hannah', 'Cho', 'Sales', 'hqChicago', 'attChicago', 'America/Chicago', false, '2023-02-06'); // impossible travel victim
  const homes: Record<string, NetName[]> = { hqChicago: ['comcastChicago', 'attChicago'], dcAtlanta: ['comcastAtlanta'], officeRotterdam: ['ziggoRotterdam'] };
  const zones: Record<string, Zone> = { hqChicago: 'America/Chicago', dcAtlanta: 'America/New_York', officeRotterdam: 'Europe/Amsterdam' };
  while (out.length < 162) {
    const department = rng.weighted(DEPARTMENTS);
    const office: NetName = department === 'Operations' ? rng.weighted([['dcAtlanta', 3], ['officeRotterdam', 1]] as const) : rng.weighted([['hqChicago', 5], ['officeRotterdam', 1], ['dcAtlanta', 1]] as const);
    const remoteDenver = department === 'Engineering' && rng.chance(0.15);
    const home: NetName = remoteDenver ? 'spectrumDenver' : rng.pick<NetName>(homes[office] ?? ['comcastChicago']);
    const zone = remoteDenver ? 'America/Denver' : (zones[office] ?? 'America/Chicago');
    const year = rng.int(2012, 2026);
    const start = `${year}-${String(rng.int(1, year === 2026 ? 8 : 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    make(rng.pick(FIRST), rng.pick(LAST), department, office, home, zone, department === 'Sales' && rng.chance(0.3), start);
  }
  // Managers: department heads report to the CEO.
  const ceo = out[0] as Employee;
  const heads = new Map<string, Employee>();
  // Story people (except the IT, Security and Data Platform leads) are never department heads.
  const notHeads = new Set(['Berg', 'Vasquez', 'Brooks', 'Osei', 'Cho']);
  for (const e of out.slice(1).filter((p) => !notHeads.has(p.last))) if (!heads.has(e.department)) heads.set(e.department, e);
  for (const e of out.slice(1)) {
    const head = heads.get(e.department);
    e.managerEmail = !head || head === e ? ceo.email : head.email;
  }
  // Elena Vasquez flies Chicago -> London on 9 November and back on 14 November (the travel look-alike).
  const elena = person(out, 'Elena', 'Vasquez');
  elena.stays.push(
    { from: Date.UTC(2026, 10, 9, 19), to: Date.UTC(2026, 10, 10, 8, 30), net: null, ip: '' },
    { from: Date.UTC(2026, 10, 10, 8, 30), to: Date.UTC(2026, 10, 10, 10), net: 'heathrowWifi', ip: ipIn(rng, NET.heathrowWifi) },
    { from: Date.UTC(2026, 10, 10, 10), to: Date.UTC(2026, 10, 14, 12), net: 'btLondon', ip: ipIn(rng, NET.btLondon) },
    { from: Date.UTC(2026, 10, 14, 12), to: Date.UTC(2026, 10, 14, 21), net: null, ip: '' },
  );
  // Jonas Berg left on 30 October (his PAT outlives him: see the GitHub story).
  const jonas = person(out, 'Jonas', 'Berg');
  jonas.status = 'terminated';
  jonas.endDate = '2026-10-30';
  // A few people left the company before the window, two are on leave.
  for (const e of out.slice(20)) {
    if (rng.chance(0.04)) { e.status = 'terminated'; e.endDate = `2026-${String(rng.int(3, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`; } else if (rng.chance(0.015)) e.status = 'leave';
  }
  return out;
}

/** Where a person's activity at instant t comes from: their stay (travel) if any, else office or home. Null while flying. */
export function placeAt(rng: Rng, e: Employee, t: number, officeShare = 0.6): { ip: string; net: Network } | null {
  const stay = e.stays.find((s) => t >= s.from && t < s.to);
  if (stay) return stay.net ? { ip: stay.ip, net: NET[stay.net] } : null;
  return rng.chance(officeShare) ? { ip: e.officeIp, net: NET[e.office] } : { ip: e.homeIp, net: NET[e.home] };
}

/** The named employees the stories hang on, by first and last name. */
export function person(people: readonly Employee[], first: string, last: string): Employee {
  const e = people.find((p) => p.first === first && p.last === last);
  if (!e) throw new Error(`no employee ${first} ${last}`);
  return e;
}

/** Local wall-clock hour (fractional) and weekday (0 = Sunday) of instant t for a zone. */
export function localClock(zone: Zone, t: number): { hour: number; weekday: number; dayStartUtc: number } {
  const off = utcOffset(zone, t) * HOUR;
  const local = t + off;
  const dayStartLocal = Math.floor(local / DAY) * DAY;
  return { hour: (local - dayStartLocal) / HOUR, weekday: new Date(dayStartLocal).getUTCDay(), dayStartUtc: dayStartLocal - off };
}

/** Every calendar day (UTC midnight) in [from, to). */
export function days(from = WINDOW_FROM, to = WINDOW_TO): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += DAY) out.push(t);
  return out;
}
