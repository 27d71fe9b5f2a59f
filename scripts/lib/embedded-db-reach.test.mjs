import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unreachableFolder } from "./embedded-db.mjs";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portside-reach-"));
const stranger = { uid: 54_321, gid: 54_321 };

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("unreachableFolder", () => {
  it("names the first folder the postgres user cannot enter, as under /root", () => {
    const closed = path.join(root, "home");
    fs.mkdirSync(path.join(closed, "checkout", ".portside"), { recursive: true });
    fs.chmodSync(root, 0o755);
    fs.chmodSync(closed, 0o700);
    expect(unreachableFolder(path.join(closed, "checkout", ".portside", "pg"), stranger)).toBe(closed);
  });

  it("finds none when every folder on the way may be entered", () => {
    const open = path.join(root, "srv", "portside");
    fs.mkdirSync(open, { recursive: true });
    fs.chmodSync(path.join(root, "srv"), 0o755);
    fs.chmodSync(open, 0o755);
    expect(unreachableFolder(path.join(open, ".portside", "pg"), stranger)).toBeNull();
  });

  it("counts the owner's own permission for folders the postgres user owns", () => {
    const own = path.join(root, "own");
    fs.mkdirSync(own);
    fs.chmodSync(own, 0o700);
    const me = { uid: fs.statSync(own).uid, gid: 54_321 };
    expect(unreachableFolder(path.join(own, "pg"), me)).toBeNull();
  });
});
