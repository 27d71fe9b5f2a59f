import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseRunLine, shellWords } from "./run-line";
import { renderUserData, type ContainerSpec } from "./user-data";

const spec: ContainerSpec = {
  name: "web",
  image: "nginx:1.27",
  hostPort: 8080,
  containerPort: 80,
  environment: [{ name: "A", value: "it's\nmultiline $X" }, { name: "B", value: "" }],
  restartPolicy: "always",
  logGroup: "/portside/hosts/web",
  region: "us-east-1",
};

describe("reading back the container of a host's user data", () => {
  it("gives back what renderUserData wrote", () => {
    expect(parseRunLine(renderUserData(spec))).toEqual({
      image: "nginx:1.27",
      environment: spec.environment,
      restartPolicy: "always",
      hostPort: 8080,
      containerPort: 80,
      logGroup: "/portside/hosts/web",
    });
  });

  it("reads nothing from scripts Portside did not write", () => {
    expect(parseRunLine("#!/bin/bash\nyum install -y httpd\n")).toBeNull();
    expect(parseRunLine("docker 'run' $(id) 'x'")).toBeNull();
    expect(shellWords("'unclosed")).toBeNull();
  });

  it("round-trips any environment value", () => {
    fc.assert(
      fc.property(hostile.map((s) => s.replace(/\0/g, "").slice(0, 500)), (value) => {
        const parsed = parseRunLine(renderUserData({ ...spec, environment: [{ name: "V", value }] }));
        expect(parsed?.environment).toEqual([{ name: "V", value }]);
      }),
      { numRuns: 500 },
    );
  });

  it("ends quickly with a value or null under fuzz", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        quick(() => parseRunLine(`docker 'run' ${text}`));
        quick(() => parseRunLine(text));
      }),
      { numRuns: 1000 },
    );
  });
});
