import { describe, expect, it } from "vitest";
import { localLoginAllowed, oidcConfigFrom, OidcConfigError, parseRoleMap, publicOidcConfig, roleFromClaim } from "./oidc-config";

describe("the claim → role map", () => {
  const map = parseRoleMap("portside-admins=admin, ops=operator ,*=viewer");

  it("maps groups, takes the highest role, and falls back to *", () => {
    expect(roleFromClaim(map, ["ops"])).toBe("operator");
    expect(roleFromClaim(map, ["ops", "portside-admins"])).toBe("admin");
    expect(roleFromClaim(map, "ops")).toBe("operator");
    expect(roleFromClaim(map, ["staff"])).toBe("viewer");
    expect(roleFromClaim(map, undefined)).toBe("viewer");
    expect(roleFromClaim(map, [{ ops: 1 }, 42, null])).toBe("viewer");
  });

  it("without * an unmapped user gets no role", () => {
    const strict = parseRoleMap("ops=operator");
    expect(roleFromClaim(strict, ["staff"])).toBeNull();
    expect(roleFromClaim(strict, [])).toBeNull();
  });

  it("group names may contain = (the role is after the last one), not commas", () => {
    expect(() => parseRoleMap("cn=ops,ou=groups=operator")).toThrow(OidcConfigError);
    expect(roleFromClaim(parseRoleMap("team=a=operator"), "team=a")).toBe("operator");
  });

  it("refuses unknown roles, empty groups and oversized maps", () => {
    expect(() => parseRoleMap("ops=root")).toThrow(OidcConfigError);
    expect(() => parseRoleMap("=admin")).toThrow(OidcConfigError);
    expect(() => parseRoleMap("ops")).toThrow(OidcConfigError);
    expect(() => parseRoleMap(`${"g=viewer,".repeat(101)}`)).toThrow(/more than 100/);
    expect(() => parseRoleMap("x".repeat(5_000))).toThrow(/longer than/);
    expect(() => parseRoleMap(`${"g".repeat(300)}=viewer`)).toThrow(OidcConfigError);
  });

  it("reads only the first 500 values of a huge claim", () => {
    const claim = [...Array.from({ length: 600 }, (_, i) => `g${i}`), "ops"];
    expect(roleFromClaim(map, claim)).toBe("viewer");
  });
});

describe("the SSO settings from the environment", () => {
  const env = { PORTSIDE_OIDC_ISSUER: "https://idp.example.com", PORTSIDE_OIDC_CLIENT_ID: "portside", PORTSIDE_OIDC_CLIENT_SECRET: "s3cret" };

  it("is off without an issuer, with defaults otherwise", () => {
    expect(oidcConfigFrom({})).toBeNull();
    const config = oidcConfigFrom(env)!;
    expect(config).toMatchObject({ scopes: "openid email profile", roleClaim: "groups", redirectUrl: null, requireVerifiedEmail: true });
    expect(roleFromClaim(config.roleMap, ["x"])).toBe("viewer");
  });

  it("refuses plain http except on this machine, and a missing client id", () => {
    expect(() => oidcConfigFrom({ ...env, PORTSIDE_OIDC_ISSUER: "http://idp.example.com" })).toThrow(/https/);
    expect(oidcConfigFrom({ ...env, PORTSIDE_OIDC_ISSUER: "http://127.0.0.1:9000" })?.issuer).toBe("http://127.0.0.1:9000");
    expect(() => oidcConfigFrom({ ...env, PORTSIDE_OIDC_CLIENT_ID: "" })).toThrow(/CLIENT_ID/);
    expect(() => oidcConfigFrom({ ...env, PORTSIDE_OIDC_ISSUER: "not a url" })).toThrow(/not a URL/);
  });

  it("shows everything but the secret", () => {
    const shown = JSON.stringify(publicOidcConfig(oidcConfigFrom(env)!, env));
    expect(shown).not.toContain("s3cret");
    expect(shown).toContain('"clientSecret":"set"');
  });

  it("PORTSIDE_LOCAL_LOGIN=off keeps password sign-in for admins only (break-glass)", () => {
    expect(localLoginAllowed({}, "viewer")).toBe(true);
    expect(localLoginAllowed({ PORTSIDE_LOCAL_LOGIN: "off" }, "operator")).toBe(false);
    expect(localLoginAllowed({ PORTSIDE_LOCAL_LOGIN: "OFF" }, "admin")).toBe(true);
  });
});
