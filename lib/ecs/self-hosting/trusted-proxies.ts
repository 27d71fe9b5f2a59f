/**
 * PORTSIDE_TRUSTED_PROXIES as scripts/lib/request-stamp.cjs reads it: comma-separated addresses
 * and CIDR ranges of the load balancers in front of Portside. The reader skips what it cannot
 * read; the form refuses it instead, so a typo is seen before a task starts distrusting its ALB.
 * Bounded: at most MAX_ENTRIES entries in MAX_LENGTH characters.
 */
export const MAX_ENTRIES = 32;
export const MAX_LENGTH = 1024;

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv6(text: string): boolean {
  if (text.length > 39) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  const count = groups.flat().length;
  if (!groups.flat().every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** One address or CIDR range (`10.0.0.0/16`, `fd00::/8`), or false. */
export function isProxyEntry(entry: string): boolean {
  const slash = entry.indexOf("/");
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const prefix = slash === -1 ? null : entry.slice(slash + 1);
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === null) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/** The entries of a PORTSIDE_TRUSTED_PROXIES value, or the message a person sees next to the field. */
export function parseTrustedProxies(text: string): { entries: string[] } | { error: string } {
  if (text.length > MAX_LENGTH) return { error: `At most ${MAX_LENGTH} characters.` };
  const entries = text.split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length > MAX_ENTRIES) return { error: `At most ${MAX_ENTRIES} addresses or ranges.` };
  const bad = entries.find((e) => !isProxyEntry(e));
  if (bad !== undefined) return { error: `"${bad.slice(0, 60)}" is not an IP address or CIDR range (e.g. 10.0.0.0/16), comma-separated.` };
  return { entries };
}
