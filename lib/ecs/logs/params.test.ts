import { describe, expect, it } from "vitest";
import { logViewSearch, parseLogView } from "./params";

const now = Date.parse("2026-11-22T06:00:00Z");

describe("parseLogView", () => {
  it("round-trips a view through its query string", () => {
    const view = { cluster: "prod", service: "api", container: "web", range: "1h", pattern: '"GET /api"' };
    const parsed = parseLogView(new URLSearchParams(logViewSearch(view)), now);
    expect(parsed).toEqual({ ok: true, view: { ...view, task: undefined, start: undefined, end: undefined }, startMs: now - 3600_000, endMs: null });
  });

  it("needs a cluster and exactly one of service or task, and a pattern AWS accepts", () => {
    expect(parseLogView(new URLSearchParams("service=api"), now)).toMatchObject({ ok: false, field: "cluster" });
    expect(parseLogView(new URLSearchParams("cluster=c"), now)).toMatchObject({ ok: false, field: "service" });
    expect(parseLogView(new URLSearchParams("cluster=c&service=a&task=t"), now)).toMatchObject({ ok: false, field: "service" });
    expect(parseLogView(new URLSearchParams('cluster=c&task=t&pattern="open'), now)).toMatchObject({ ok: false, field: "pattern" });
    expect(parseLogView(new URLSearchParams("cluster=c&task=t&range=custom"), now)).toMatchObject({ ok: false, field: "start" });
  });
});
