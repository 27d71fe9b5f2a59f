import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FORM_LIMITS, FormFieldError, formDataToObject } from "./form-data";

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const baseline = protoKeys();

afterEach(() => {
  // Whatever a test sent, the process's Object.prototype is exactly as it was.
  expect(protoKeys()).toEqual(baseline);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function refusal(entries: [string, string][]): FormFieldError {
  try {
    formDataToObject(form(entries));
  } catch (error) {
    expect(error).toBeInstanceOf(FormFieldError);
    return error as FormFieldError;
  }
  throw new Error(`accepted ${JSON.stringify(entries.map(([k]) => k))}`);
}

describe("formDataToObject", () => {
  it("builds nested objects and arrays from dotted names", () => {
    const fd = form([
      ["clusterName", "web"],
      ["tags.0.key", "team"],
      ["tags.0.value", "ops"],
      ["tags.2.key", "env"],
      ["tags.2.value", "prod"],
      ["$ACTION_ID_abc", ""],
    ]);
    expect(formDataToObject(fd)).toEqual({
      clusterName: "web",
      tags: [
        { key: "team", value: "ops" },
        { key: "env", value: "prod" },
      ],
    });
  });

  it("orders list rows by position, not by the order they were sent", () => {
    expect(formDataToObject(form([["a.10", "ten"], ["a.2", "two"], ["a.0", "zero"]]))).toEqual({ a: ["zero", "two", "ten"] });
  });

  it("returns plain objects and arrays that React can send back to the browser", () => {
    const out = formDataToObject(form([["a.b", "1"], ["l.0.x", "2"]]));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
    expect(Array.isArray(out.l)).toBe(true);
  });

  it.each(["__proto__.polluted", "constructor.prototype.polluted", "a.__proto__.polluted", "x.constructor", "prototype", "tags.0.__proto__"])(
    "refuses %s",
    (name) => {
      expect(refusal([[name, "yes"]]).message).toMatch(/^Invalid field name/);
    },
  );

  it("refuses list positions past the limit without allocating them", () => {
    const started = performance.now();
    for (const name of ["x.100000000.y", "x.4294967294.y", `x.${FORM_LIMITS.index + 1}`, "x.01", "x.00"]) {
      expect(refusal([[name, "v"]]).field).toBe(name);
    }
    expect(performance.now() - started).toBeLessThan(50);
    expect(formDataToObject(form([[`x.${FORM_LIMITS.index}`, "last"]]))).toEqual({ x: ["last"] });
  });

  it("refuses deep, long, odd and too many names", () => {
    expect(refusal([[Array.from({ length: 4_000 }, () => "a").join("."), "v"]]).message).toMatch(/longer than|deeper than/);
    expect(refusal([[Array.from({ length: FORM_LIMITS.depth + 1 }, () => "a").join("."), "v"]]).message).toMatch(/deeper than/);
    expect(refusal([["a".repeat(FORM_LIMITS.nameLength + 1), "v"]]).message).toMatch(/longer than/);
    for (const name of ["a..b", ".a", "a.", "a b", "a[0]", "ä"]) refusal([[name, "v"]]);
    const many = Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, "v"] as [string, string]);
    expect(refusal(many).message).toMatch(/more than/);
  });

  it("reports a name that is both a value and a group, in either order", () => {
    expect(refusal([["a", "x"], ["a.b", "y"]]).message).toMatch(/both a value and a group/);
    expect(refusal([["a.b", "y"], ["a", "x"]]).message).toMatch(/both a value and a group/);
    expect(refusal([["a.0", "x"], ["a.b", "y"]]).message).toMatch(/mixes list positions/);
    expect(refusal([["a.0.b", "x"], ["a.0.0", "y"]]).message).toMatch(/mixes list positions/);
  });

  it("keeps the last of repeated names", () => {
    expect(formDataToObject(form([["a", "1"], ["a", "2"]]))).toEqual({ a: "2" });
  });

  it("fuzz: any field names give an object or a FormFieldError, quickly, and never touch Object.prototype", () => {
    const segment = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "0", "1", "999", "1000", "1001", "4294967295", "", "a", "b", "toString", "valueOf", "hasOwnProperty"),
      fc.nat({ max: 5_000_000_000 }).map(String),
      fc.string({ maxLength: 12 }),
    );
    const name = fc.array(segment, { minLength: 1, maxLength: 14 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 40 }), (entries) => {
        const fd = form(entries);
        const parse = () => {
          const started = performance.now();
          try {
            expect(typeof formDataToObject(fd)).toBe("object");
          } catch (error) {
            expect(error).toBeInstanceOf(FormFieldError);
          }
          return performance.now() - started;
        };
        // A hostile name costs seconds every time; a garbage-collection pause on a busy machine
        // once: a slow call is timed again before it counts.
        const ms = parse();
        if (ms >= 50) expect(parse()).toBeLessThan(50);
        expect(protoKeys()).toEqual(baseline);
      }),
      { numRuns: 2_000 },
    );
  });
});
