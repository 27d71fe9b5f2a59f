import { describe, expect, it } from "vitest";
import { encodeAttempt, OIDC_ATTEMPT_MS, OidcAttemptError, parseAttempt, type OidcAttempt } from "./oidc-cookie";

const NOW = Date.UTC(2026, 11, 7, 3);
const attempt: OidcAttempt = {
  state: "s".repeat(43),
  nonce: "n".repeat(43),
  verifier: "v".repeat(43),
  redirectUri: "https://portside.example.com/api/auth/oidc/callback",
  next: "/ecs/clusters",
  reauth: false,
  expires: NOW + OIDC_ATTEMPT_MS,
};

describe("the SSO attempt cookie", () => {
  it("round-trips", () => {
    expect(parseAttempt(encodeAttempt(attempt), NOW)).toEqual(attempt);
  });

  it("round-trips a silent recheck", () => {
    expect(parseAttempt(encodeAttempt({ ...attempt, recheck: true }), NOW)).toEqual({ ...attempt, recheck: true });
    expect(parseAttempt(JSON.stringify({ ...attempt, recheck: false }), NOW)).toEqual(attempt);
  });

  it("refuses an expired attempt and one that claims to live too long", () => {
    expect(() => parseAttempt(encodeAttempt(attempt), attempt.expires + 1)).toThrow(/expired/);
    expect(() => parseAttempt(encodeAttempt({ ...attempt, expires: NOW + OIDC_ATTEMPT_MS * 10 }), NOW)).toThrow(/expired/);
  });

  it("refuses malformed fields", () => {
    for (const bad of [
      { state: "short" },
      { nonce: "has spaces in it and is long" },
      { verifier: "x".repeat(200) },
      { next: "//evil.example.com" },
      { next: "https://evil.example.com" },
      { redirectUri: "javascript:alert(1)" },
      { reauth: "yes" },
      { recheck: 1 },
      { expires: "soon" },
    ]) {
      expect(() => parseAttempt(JSON.stringify({ ...attempt, ...bad }), NOW), JSON.stringify(bad)).toThrow(OidcAttemptError);
    }
    expect(() => parseAttempt("[]", NOW)).toThrow(OidcAttemptError);
    expect(() => parseAttempt("not json", NOW)).toThrow(OidcAttemptError);
    expect(() => parseAttempt("x".repeat(5_000), NOW)).toThrow(/too long/);
  });
});
