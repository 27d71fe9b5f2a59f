import { ROLES, type RoleName } from "./roles";

/**
 * Single sign-on settings, read from the environment (PORTSIDE_OIDC_*). Pure: no secrets are
 * logged or shown; `publicOidcConfig` is what Settings may display.
 */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Null: derived from the request as <origin>/api/auth/oidc/callback. */
  redirectUrl: string | null;
  scopes: string;
  roleClaim: string;
  roleMap: RoleMap;
  /** Require `email_verified: true` in the claims (PORTSIDE_OIDC_REQUIRE_VERIFIED_EMAIL=off turns it off). */
  requireVerifiedEmail: boolean;
};

export type RoleMap = { groups: Map<string, RoleName>; fallback: RoleName | null };

export class OidcConfigError extends Error {}

const MAX_MAP_CHARS = 4_000;
const MAX_ENTRIES = 100;
const MAX_GROUP_CHARS = 256;
const RANK: Record<RoleName, number> = { viewer: 0, operator: 1, admin: 2 };

/**
 * "portside-admins=admin,ops=operator,*=viewer" → group → role, `*` for everyone else. Bounded:
 * at most 100 entries of at most 256 characters; anything else is a typed error naming the entry.
 */
export function parseRoleMap(text: string): RoleMap {
  if (text.length > MAX_MAP_CHARS) throw new OidcConfigError(`The role map is longer than ${MAX_MAP_CHARS} characters.`);
  const entries = text.split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length > MAX_ENTRIES) throw new OidcConfigError(`The role map has more than ${MAX_ENTRIES} entries.`);
  const groups = new Map<string, RoleName>();
  let fallback: RoleName | null = null;
  for (const entry of entries) {
    const at = entry.lastIndexOf("=");
    const group = at > 0 ? entry.slice(0, at).trim() : "";
    const role = at > 0 ? entry.slice(at + 1).trim() : "";
    if (!group || group.length > MAX_GROUP_CHARS) throw new OidcConfigError(`Role map entry "${entry.slice(0, 40)}" is not group=role.`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new OidcConfigError(`Role map entry "${entry.slice(0, 40)}": the role must be one of ${ROLES.join(", ")}.`);
    }
    if (group === "*") fallback = role as RoleName;
    else groups.set(group, role as RoleName);
  }
  return { groups, fallback };
}

/** Read at most this many values of the role claim: an ID token is no place for thousands of groups. */
const MAX_CLAIM_VALUES = 500;

/**
 * The role a sign-in gets: the highest role among the claim's mapped values, else the `*` role,
 * else null (no Portside access). The claim may be a string or an array of strings.
 */
export function roleFromClaim(map: RoleMap, claim: unknown): RoleName | null {
  const values = (Array.isArray(claim) ? claim.slice(0, MAX_CLAIM_VALUES) : [claim]).filter((v): v is string => typeof v === "string");
  let best: RoleName | null = null;
  for (const v of values) {
    const role = map.groups.get(v);
    if (role && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best ?? map.fallback;
}

/** The SSO settings in force, or null when PORTSIDE_OIDC_ISSUER is not set. Throws on a bad setting. */
export function oidcConfigFrom(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.PORTSIDE_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.PORTSIDE_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new OidcConfigError("PORTSIDE_OIDC_CLIENT_ID is not set.");
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new OidcConfigError("PORTSIDE_OIDC_ISSUER is not a URL.");
  }
  if (url.protocol !== "https:" && !isLoopback(url)) throw new OidcConfigError("PORTSIDE_OIDC_ISSUER must be https (http only on this machine, for tests).");
  const redirectUrl = env.PORTSIDE_OIDC_REDIRECT_URL?.trim() || null;
  return {
    issuer,
    clientId,
    clientSecret: env.PORTSIDE_OIDC_CLIENT_SECRET ?? "",
    redirectUrl,
    scopes: env.PORTSIDE_OIDC_SCOPES?.trim() || "openid email profile",
    roleClaim: env.PORTSIDE_OIDC_ROLE_CLAIM?.trim() || "groups",
    roleMap: parseRoleMap(env.PORTSIDE_OIDC_ROLE_MAP ?? "*=viewer"),
    requireVerifiedEmail: env.PORTSIDE_OIDC_REQUIRE_VERIFIED_EMAIL?.trim().toLowerCase() !== "off",
  };
}

export function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

/**
 * PORTSIDE_LOCAL_LOGIN=off: password sign-in is closed except for admins (the break-glass
 * accounts: for when the IdP is down or misconfigured). Accounts created by SSO have no password.
 */
export function localLoginAllowed(env: Record<string, string | undefined>, role: RoleName): boolean {
  if (env.PORTSIDE_LOCAL_LOGIN?.trim().toLowerCase() !== "off") return true;
  return role === "admin";
}

/** What Settings shows: never the secret, only whether one is set. */
export function publicOidcConfig(config: OidcConfig, env: Record<string, string | undefined>) {
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret ? "set" : "not set",
    redirectUrl: config.redirectUrl ?? "derived: <this address>/api/auth/oidc/callback",
    scopes: config.scopes,
    roleClaim: config.roleClaim,
    roleMap: [...config.roleMap.groups].map(([g, r]) => `${g}=${r}`).concat(config.roleMap.fallback ? [`*=${config.roleMap.fallback}`] : []).join(", ") || "(none: nobody gets a role)",
    requireVerifiedEmail: config.requireVerifiedEmail ? "required" : "not required",
    localLogin: env.PORTSIDE_LOCAL_LOGIN?.trim().toLowerCase() === "off" ? "admins only (break-glass)" : "on",
  };
}
