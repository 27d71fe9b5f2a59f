import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const roots = ["app", "components", "lib"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe("links", () => {
  it("go through components/ui/link, which never prefetches a page that reads AWS", () => {
    const direct = roots
      .flatMap(sources)
      .filter((f) => f !== join("components", "ui", "link.tsx"))
      .filter((f) => /from\s+["']next\/link["']/.test(readFileSync(f, "utf8")));
    expect(direct).toEqual([]);
  });
});
