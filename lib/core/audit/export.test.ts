import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { csvCell, parseExportQuery, toCsvLine } from "./export";

describe("parseExportQuery", () => {
  it("takes the known filters, with JSON Lines by default", () => {
    expect(parseExportQuery("")).toEqual({ ok: true, query: { format: "jsonl" } });
    expect(parseExportQuery("format=csv&from=2026-12-01&to=2026-12-07&action=user.&actor=ann%40example.com")).toEqual({
      ok: true,
      query: { format: "csv", from: "2026-12-01", to: "2026-12-07", action: "user.", actor: "ann@example.com" },
    });
    expect(parseExportQuery("from=&to=&action=")).toEqual({ ok: true, query: { format: "jsonl" } }); // an empty form field is no filter
  });

  it("refuses what is not a filter, with a message", () => {
    for (const [search, message] of [
      ["format=xml", /format/],
      ["from=2026-13-45", /from: Use a real date/],
      ["from=yesterday", /from: Use a date as YYYY-MM-DD/],
      ["from=2026-12-07&to=2026-12-01", /start date is after the end date/],
      ["action=DROP%20TABLE", /action/],
      ["__proto__=1", /Unknown filter "__proto__"/],
      ["format=csv&format=jsonl", /given twice/],
      [`actor=${"a".repeat(300)}`, /actor: At most 254/],
      ["x".repeat(1001), /too long/],
    ] as const) {
      const parsed = parseExportQuery(search);
      expect(parsed.ok, search).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    }
  });

  it("ends quickly with a result on any query string", () => {
    fc.assert(
      fc.property(hostile, (search) => {
        const parsed = quick(() => parseExportQuery(search));
        expect(typeof parsed.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSV", () => {
  it("quotes what needs it and neutralises spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    for (const lead of ["+", "-", "@", "\t"]) expect(csvCell(`${lead}1`).startsWith("'") || csvCell(`${lead}1`).startsWith("\"'")).toBe(true);
    expect(csvCell(null)).toBe("");
    expect(csvCell({ role: "operator" })).toBe('"{""role"":""operator""}"');
  });

  it("writes one line per record, with the chain links", () => {
    const line = toCsvLine({ seq: "7", at: "2026-12-07T01:02:03.000Z", actor: "ann@example.com", action: "user.update", target: "bob@example.com", detail: { role: "viewer" }, prevHash: "aa", hash: "bb" });
    expect(line).toBe('7,2026-12-07T01:02:03.000Z,ann@example.com,user.update,bob@example.com,"{""role"":""viewer""}",aa,bb\n');
  });
});
