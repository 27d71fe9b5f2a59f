import { describe, expect, it } from "vitest";
import { isProxyEntry, MAX_ENTRIES, parseTrustedProxies } from "./trusted-proxies";

describe("PORTSIDE_TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges, IPv4 and IPv6, comma-separated", () => {
    expect(parseTrustedProxies(" 10.0.0.0/16, 10.1.2.3 ,fd00::/8,2001:db8:0:0:0:0:0:1")).toEqual({ entries: ["10.0.0.0/16", "10.1.2.3", "fd00::/8", "2001:db8:0:0:0:0:0:1"] });
    expect(parseTrustedProxies("")).toEqual({ entries: [] });
  });

  it("refuses what the reader would silently skip", () => {
    for (const bad of ["10.0.0.0/33", "256.1.1.1", "10.0.0", "alb.internal", "fd00::/129", "1::2::3", "1:2:3:4:5:6:7:8:9", "10.0.0.0/", "10.0.0.0/+1"]) {
      expect(isProxyEntry(bad), bad).toBe(false);
    }
    expect(parseTrustedProxies("10.0.0.0/16,vpc-123")).toEqual({ error: expect.stringContaining('"vpc-123" is not an IP address or CIDR range') });
  });

  it("is bounded", () => {
    expect(parseTrustedProxies(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `10.0.${i}.0/24`).join(","))).toHaveProperty("error");
    expect(parseTrustedProxies("1".repeat(5000))).toHaveProperty("error");
  });
});
