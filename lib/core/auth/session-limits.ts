/**
 * How long a session lasts (OWASP ASVS 3.3): it ends after `idleMinutes` without a request, and
 * `maxHours` after sign-in whatever happens. PORTSIDE_SESSION_IDLE_MINUTES (default 30, 1–1440)
 * and PORTSIDE_SESSION_MAX_HOURS (default 12, 1–720); a value out of range or not a whole number
 * falls back to the default, so a typo never makes sessions endless.
 */
export type SessionLimits = { idleMs: number; maxMs: number };

function bounded(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return fallback;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : fallback;
}

export function sessionLimits(env: Record<string, string | undefined> = process.env): SessionLimits {
  return {
    idleMs: bounded(env.PORTSIDE_SESSION_IDLE_MINUTES, 30, 1, 1440) * 60_000,
    maxMs: bounded(env.PORTSIDE_SESSION_MAX_HOURS, 12, 1, 720) * 3_600_000,
  };
}

/** Whether a session is over at `now`: past its absolute end, or idle too long. */
export function sessionEnded(session: { expiresAt: Date; lastSeenAt: Date }, now: Date, limits: SessionLimits): boolean {
  return session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > limits.idleMs;
}

/** Checked in order: Edge and Chrome both say "Chrome", Chrome and Safari both say "Safari". */
const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, "Edge"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/(?:HeadlessChrome|Chrome|Chromium)\/(\d+)/, "Chrome"],
  [/Version\/(\d+).*Safari/, "Safari"],
  [/^curl\//, "curl"],
];

/** "Chrome 156 on Linux" from a User-Agent header, for telling sessions apart; bounded input. */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const ua = userAgent.slice(0, 512);
  let browser = "Browser";
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(ua);
    if (m) {
      browser = m[1] ? `${name} ${m[1]}` : name;
      break;
    }
  }
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : null;
  return os ? `${browser} on ${os}` : browser;
}
