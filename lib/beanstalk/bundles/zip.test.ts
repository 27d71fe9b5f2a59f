import { describe, expect, it } from "vitest";
import { readZip, safeEntryName, ZIP_LIMITS } from "./zip";
import { parseZipBundle } from "./zip-bundle";
import { makeZip } from "./zip-test-support";

const DOCKERRUN = JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27" }, Ports: [{ ContainerPort: 80 }] });

describe("readZip", () => {
  it("reads stored and deflated root files", () => {
    const zip = makeZip([{ name: "app/index.html", data: "<p>hi</p>" }, { name: "Dockerrun.aws.json", data: DOCKERRUN, deflate: true }]);
    const out = readZip(zip, new Set(["Dockerrun.aws.json"]));
    expect(out.ok && out.files.get("Dockerrun.aws.json")?.toString()).toBe(DOCKERRUN);
    expect(out.ok && out.entries).toBe(2);
  });

  it("refuses path traversal and absolute names", () => {
    for (const name of ["../evil", "a/../../b", "/etc/passwd", "C:/x", "a\\b"]) {
      expect(safeEntryName(name)).toBe(false);
      const out = readZip(makeZip([{ name, data: "x" }]), new Set());
      expect(out.ok).toBe(false);
    }
    expect(safeEntryName("src/app.js")).toBe(true);
  });

  it("refuses a zip bomb by its compression ratio and by its declared total", () => {
    const bomb = makeZip([{ name: "big.txt", data: Buffer.alloc(2 * 1024 * 1024), deflate: true }]);
    expect(readZip(bomb, new Set())).toMatchObject({ ok: false, message: expect.stringMatching(/compressed more than 100 to 1/) });
    const liar = makeZip([{ name: "a", data: "x".repeat(1000), claimSize: ZIP_LIMITS.totalBytes + 1 }]);
    expect(readZip(liar, new Set())).toMatchObject({ ok: false });
  });

  it("refuses too many entries, damaged data and checksum mismatches", () => {
    const many = makeZip(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}`, data: "" })));
    expect(readZip(many, new Set())).toMatchObject({ ok: false, message: expect.stringMatching(/entries/) });
    const zip = makeZip([{ name: "Dockerrun.aws.json", data: DOCKERRUN }]);
    zip[60] = zip[60]! ^ 0xff; // a byte of the stored Dockerrun.aws.json: its CRC no longer matches
    expect(readZip(zip, new Set(["Dockerrun.aws.json"])).ok).toBe(false);
    expect(readZip(Buffer.from("PK\u0003\u0004 not a zip"), new Set()).ok).toBe(false);
  });
});

describe("parseZipBundle", () => {
  it("takes a zip with a Dockerrun.aws.json at its root and keeps its bytes", () => {
    const zip = makeZip([{ name: "Dockerrun.aws.json", data: DOCKERRUN, deflate: true }, { name: "README", data: "x" }]);
    const out = parseZipBundle((zip));
    expect(out).toMatchObject({ ok: true, format: "dockerrun", contains: "Dockerrun.aws.json", images: ["nginx:1.27"], ports: [80] });
    expect(out.ok && out.bytes.equals(zip)).toBe(true);
  });

  it("takes a docker-compose.yml at the root", () => {
    const out = parseZipBundle((makeZip([{ name: "docker-compose.yml", data: "services:\n  web:\n    image: nginx\n" }])));
    expect(out).toMatchObject({ ok: true, format: "compose", contains: "docker-compose.yml" });
  });

  it("says what is wrong: no manifest at the root, a bad manifest, empty, too large", () => {
    expect(parseZipBundle((makeZip([{ name: "sub/Dockerrun.aws.json", data: DOCKERRUN }])))).toMatchObject({ ok: false, message: expect.stringMatching(/at its root/) });
    expect(parseZipBundle((makeZip([{ name: "Dockerrun.aws.json", data: "{}" }])))).toMatchObject({ ok: false, message: expect.stringMatching(/^In the zip: /) });
    expect(parseZipBundle(new Uint8Array())).toMatchObject({ ok: false, message: "Choose a zip bundle." });
    expect(parseZipBundle((Buffer.from("hello world!")))).toMatchObject({ ok: false, message: "The file is not a zip." });
    expect(parseZipBundle(Buffer.alloc(5 * 1024 * 1024 + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/at most 5 MB/) });
  });
});
