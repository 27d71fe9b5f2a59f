import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLayout, featureOf, formatLayoutReport, sourceFiles } from "./layout-rules.mjs";

const repo = path.resolve(import.meta.dirname, "../..");
let tree;

/** A throwaway source tree: { "lib/core/x.ts": "…" }. */
function write(files) {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), "layout-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    fs.writeFileSync(path.join(tree, file), text);
  }
  return tree;
}
const rules = (root) => checkLayout(root).map((p) => `${p.rule}: ${p.file}${p.target ? ` → ${p.target}` : ""}`);

afterEach(() => tree && fs.rmSync(tree, { recursive: true, force: true }));

describe("the layout of lib/", () => {
  it("holds in this repository", () => {
    const files = sourceFiles(repo);
    expect(files.length).toBeGreaterThan(400);
    expect(checkLayout(repo, files), formatLayoutReport(checkLayout(repo, files), files.length)).toEqual([]);
  });

  it("names the feature of a file, for lib/ and its mirror in components/", () => {
    expect(featureOf("lib/core/plans/executor.ts")).toBe("core");
    expect(featureOf("lib/ecs/services/plan.ts")).toBe("ecs/services");
    expect(featureOf("lib/eks/compute/actions.ts")).toBe("eks/compute");
    expect(featureOf("lib/apprunner/plan.ts")).toBe("apprunner");
    expect(featureOf("lib/ecr/lifecycle/actions.ts")).toBe("ecr/lifecycle");
    expect(featureOf("components/ecs/services/actions/scale-form.tsx")).toBe("ecs/services");
    expect(featureOf("components/ui/button.tsx")).toBeNull();
    expect(featureOf("app/(panel)/page.tsx")).toBeNull();
  });

  it("catches core importing a feature, by alias or relative path, in code or a test", () => {
    const root = write({
      "lib/core/plans/executor.ts": 'import { x } from "@/lib/ecs/services/reads";\nexport const y = x;\n',
      "lib/core/plans/executor.test.ts": 'import { p } from "../../apprunner/plan";\n',
      "lib/core/aws/call.ts": 'import type { Plan } from "../plans/types";\nimport { z } from "zod";\n',
      "lib/core/plans/types.ts": "export type Plan = {};\n",
      "lib/ecs/services/reads.ts": "export const x = 1;\n",
      "lib/apprunner/plan.ts": "export const p = 1;\n",
    });
    expect(rules(root)).toEqual([
      "core imports no feature: lib/core/plans/executor.test.ts → lib/apprunner/plan.ts",
      "core imports no feature: lib/core/plans/executor.ts → lib/ecs/services/reads.ts",
    ]);
  });

  it("catches a feature or its components importing another feature's actions, not its reads", () => {
    const root = write({
      "lib/ecs/services/actions.ts": 'import { a } from "@/lib/ecs/scaling/actions";\nimport { r } from "@/lib/ecs/scaling/reads";\n',
      "lib/ecs/services/ops-actions.ts": 'import { s } from "./actions";\n',
      "lib/ecs/scaling/actions.ts": "export const a = 1;\n",
      "lib/ecs/scaling/reads.ts": "export const r = 1;\n",
      "components/ecs/services/actions/scale-form.tsx": 'import { a } from "@/lib/ecs/scaling/actions";\nimport { s } from "@/lib/ecs/services/ops-actions";\n',
      "components/ui/button.tsx": 'import { a } from "@/lib/core/actions/action";\n',
      "lib/core/actions/action.ts": "export const a = 1;\n",
      "app/(panel)/page.tsx": 'import { a } from "@/lib/ecs/scaling/actions";\n',
    });
    expect(rules(root)).toEqual([
      "a feature never imports another feature's actions: components/ecs/services/actions/scale-form.tsx → lib/ecs/scaling/actions.ts",
      "a feature never imports another feature's actions: lib/ecs/services/actions.ts → lib/ecs/scaling/actions.ts",
    ]);
  });

  it("catches barrels, names that repeat their folder, and tests away from their code", () => {
    const root = write({
      "lib/ecs/services/index.ts": 'export * from "./plan";\n',
      "lib/ecs/services/plan.ts": "export const p = 1;\n",
      "lib/ecs/services/all.ts": '// every export\nexport * from "./plan";\nexport { p as q } from "./plan";\n',
      "lib/ecs/services/service-plan.ts": "export const p = 1;\n",
      "lib/ecs/services/services-reads.ts": "export const p = 1;\n",
      "lib/ecs/services/plan.test.ts": "",
      "lib/ecs/services/plan.fuzz.test.ts": "",
      "lib/ecs/services/rollback.test.ts": "",
      "lib/ecs/services/tests/plan.test.ts": "",
      "lib/apprunner/deployments/plan.ts": "export const p = 1;\n",
    });
    expect(rules(root).slice(1)).toEqual([
      "no barrel files: lib/ecs/services/all.ts",
      "no barrel files: lib/ecs/services/index.ts",
      "tests stay beside the code they test: lib/ecs/services/rollback.test.ts",
      "a file is named for what it holds, not for its folder again: lib/ecs/services/service-plan.ts",
      "a file is named for what it holds, not for its folder again: lib/ecs/services/services-reads.ts",
      "tests stay beside the code they test: lib/ecs/services/tests/plan.test.ts",
    ]);
    expect(rules(root)[0]).toBe("an area with feature folders is listed in NESTED_AREAS, so its features are told apart: lib/apprunner/deployments/plan.ts");
  });
});
