import { isIP } from "node:net";

/**
 * Where a notification may be sent. Channels are configured by admins but the requests leave from
 * the Portside host, so an address inside its network (the instance metadata service at
 * 169.254.169.254, a database on 10.0.0.5, Portside itself on 127.0.0.1) would turn a channel into
 * a way to reach it (SSRF). Pure: checked at the field, and again on every resolved address
 * when a message is sent (a name may resolve elsewhere later).
 */
export type AddressClass = "public" | "private" | "loopback" | "link-local" | "reserved";

export type TargetPolicy = {
  /** The admin allowed this channel to reach private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). */
  allowPrivate: boolean;
  /** Sandbox or test mode only: loopback, and plain http to it. */
  allowLoopback: boolean;
};

export const URL_MAX = 2048;
export const HOST_MAX = 253;

function v4Class(ip: string): AddressClass {
  const [a, b] = ip.split(".").map(Number) as [number, number, number, number];
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return "private";
  // 0/8 "this network", 192.0.0/24 protocol assignments, 198.18/15 benchmarking, 224/4 multicast, 240/4 and broadcast.
  if (a === 0 || (a === 192 && b === 0 && ip.split(".")[2] === "0") || (a === 198 && (b === 18 || b === 19)) || a >= 224) return "reserved";
  return "public";
}

/** The 8 groups of an IPv6 address as numbers (:: expanded, an embedded IPv4 tail converted). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split("%")[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

function v6Class(ip: string): AddressClass {
  const g = v6Groups(ip);
  if (g.length !== 8 || g.some((n) => Number.isNaN(n))) return "reserved";
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (compatible) reach the IPv4 address: judge that one.
  if (zeroUntil(5) && g[5] === 0xffff) return v4Class(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  if (zeroUntil(7)) return g[7] === 1 ? "loopback" : "reserved";
  if (zeroUntil(6) && g[6] !== 0) return v4Class(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xfe00) === 0xfc00) return "private"; // includes fd00:ec2::254, the metadata service over IPv6
  if ((g[0]! & 0xff00) === 0xff00) return "reserved"; // multicast
  if (g[0] === 0x64 && g[1] === 0xff9b) return "reserved"; // NAT64 would reach any IPv4 address
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "reserved"; // documentation
  return "public";
}

/** The class of an IP literal, or null when it is not one. */
export function addressClass(ip: string): AddressClass | null {
  const kind = isIP(ip);
  if (kind === 4) return v4Class(ip);
  if (kind === 6) return v6Class(ip);
  return null;
}

/** Why an address is refused under a policy, or null when it may be reached. */
export function refusedAddress(ip: string, policy: TargetPolicy): string | null {
  const cls = addressClass(ip);
  if (cls === null) return "is not an IP address";
  if (cls === "public") return null;
  if (cls === "loopback") return policy.allowLoopback ? null : "is a loopback address (Portside's own host)";
  if (cls === "private") return policy.allowPrivate ? null : "is in a private range; an admin can allow private targets for this channel";
  if (cls === "link-local") return "is link-local (the instance metadata service lives there)";
  return "is a reserved address";
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** A host name or IP literal as typed into a field: null when acceptable, else why not. */
export function checkHost(host: string, policy: TargetPolicy): string | null {
  if (host.length === 0 || host.length > HOST_MAX) return `Enter a host name of 1 to ${HOST_MAX} characters.`;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (addressClass(bare) !== null) {
    const why = refusedAddress(bare, policy);
    return why ? `${host} ${why}.` : null;
  }
  if (!HOSTNAME.test(host)) return "Enter a host name (letters, digits, dots and hyphens) or an IP address.";
  const lower = host.toLowerCase().replace(/\.$/, "");
  if (lower === "localhost" || lower.endsWith(".localhost")) return policy.allowLoopback ? null : `${host} is Portside's own host.`;
  if (lower === "metadata.google.internal" || (lower.endsWith(".internal") && !policy.allowPrivate)) return `${host} is an internal name; an admin can allow private targets for this channel.`;
  return null;
}

/** Is this host the machine itself (for the sandbox's plain-http exception)? */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  return lower === "localhost" || addressClass(lower) === "loopback";
}

/** A webhook URL as typed: null when acceptable, else a message for the field. */
export function checkTargetUrl(raw: string, policy: TargetPolicy): string | null {
  if (raw.length === 0) return "Enter the URL.";
  if (raw.length > URL_MAX) return `The URL can be at most ${URL_MAX} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, e.g. https://hooks.slack.com/services/…";
  }
  if (url.username || url.password) return "The URL must not carry a user name or password.";
  const host = url.hostname;
  if (url.protocol === "http:") {
    if (!(policy.allowLoopback && isLoopbackHost(host))) return "The URL must start with https:// (plain http only to this machine in sandbox mode).";
  } else if (url.protocol !== "https:") {
    return "The URL must start with https://.";
  }
  return checkHost(host, policy);
}
