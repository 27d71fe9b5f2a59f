import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale, markBuilt } from "./build-state.mjs";

const roots = [];
function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "portside-build-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "app"));
  fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;");
  return root;
}
const touch = (file, ms) => fs.utimesSync(file, ms / 1000, ms / 1000);
/** What `next build` leaves: the build id and the standalone server `npm start` runs. */
function built(root) {
  fs.mkdirSync(path.join(root, ".next", "standalone"), { recursive: true });
  fs.writeFileSync(path.join(root, ".next", "standalone", "server.js"), "");
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
}

afterEach(() => roots.splice(0).forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

describe("buildIsStale", () => {
  it("wants a build when there is none", () => {
    expect(buildIsStale(project())).toBe("no build yet");
  });

  it("is fresh when no source changed after the build started", () => {
    const root = project();
    touch(path.join(root, "app", "page.tsx"), 1_000_000);
    built(root);
    markBuilt(root, 2_000_000);
    for (const dir of [path.join(root, "app"), root]) touch(dir, 1_000_000);
    expect(buildIsStale(root)).toBeNull();
  });

  it("wants a build when the last one has no standalone server (made before `output: standalone`)", () => {
    const root = project();
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    expect(buildIsStale(root)).toBe("the build has no standalone server");
  });

  it("counts a file edited while the build ran as changed", () => {
    const root = project();
    const started = Date.now() - 60_000;
    touch(path.join(root, "app", "page.tsx"), started + 30_000); // edited mid-build
    built(root); // build finished after the edit
    markBuilt(root, started);
    expect(buildIsStale(root)).toBe("app changed since the last build");
  });
});
