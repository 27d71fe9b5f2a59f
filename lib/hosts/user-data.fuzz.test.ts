import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile } from "@/lib/core/testing/fuzz";
import { dockerRunArgs, dockerRunLine, type ContainerSpec } from "./user-data";

// bash cannot hold NUL in a word; the schema refuses it, so the fuzz does not send it.
const value = hostile.map((s) => s.replace(/\0/g, "").slice(0, 2000));
const base: ContainerSpec = { name: "web", image: "nginx", hostPort: 80, containerPort: 80, environment: [], restartPolicy: "always", logGroup: "/portside/hosts/web", region: "us-east-1" };

/**
 * Runs the rendered line in a real bash with `docker` as a function that prints each argument
 * NUL-separated: whatever an environment value holds, Docker must receive it as one argument,
 * unchanged, and nothing else may run.
 */
function argsBashSees(line: string): string[] {
  const script = `docker() { printf '%s\\0' "$@"; }\n${line}\n`;
  const out = spawnSync("bash", ["-c", script], { encoding: "buffer", timeout: 10_000 });
  expect(out.status).toBe(0);
  return out.stdout.toString("utf8").split("\0").slice(0, -1);
}

describe("docker run line under fuzz", () => {
  it("hands every environment value to Docker as exactly one argument", () => {
    const cases = fc.sample(fc.array(value, { minLength: 1, maxLength: 4 }), { numRuns: 60, seed: 15 });
    // One bash per batch of cases keeps this quick: each case's line is separated by a marker call.
    const specs = cases.map((values) => ({ ...base, environment: values.map((v, i) => ({ name: `V${i}`, value: v })) }));
    const script = specs.map((s) => `${dockerRunLine(s)}\ndocker '--end--'`).join("\n");
    const seen = argsBashSees(script);
    const expected = specs.flatMap((s) => [...dockerRunArgs(s), "--end--"]);
    expect(seen).toEqual(expected);
  });

  it("keeps hostile text in a value from running anything", () => {
    for (const v of ["'; touch /tmp/pwned; '", "$(id)", "`id`", "a\nid", "\\'", "'\\''", "${IFS}"]) {
      const spec = { ...base, environment: [{ name: "X", value: v }] };
      expect(argsBashSees(dockerRunLine(spec))).toEqual(dockerRunArgs(spec));
    }
  });
});
