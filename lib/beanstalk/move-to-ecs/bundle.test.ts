import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { MOVE_BUNDLE_LIMITS, readBundleRun, readCompose, readDockerrun } from "./bundle";

/** A zip of deflated files, as `zip` writes them (the reader does not check CRCs). */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(text.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const DOCKERRUN = JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.4" }, Ports: [{ ContainerPort: 3000 }] });
const COMPOSE = "services:\n  web:\n    image: 'nginx:1.27'\n    ports:\n      - \"80:8080\"\n  worker:\n    image: other:1\n";

describe("what a Beanstalk bundle runs", () => {
  it("reads Dockerrun v1, compose (first service) and zips of either", () => {
    expect(readDockerrun(DOCKERRUN)).toEqual({ ok: true, kind: "dockerrun", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.4", containerPort: 3000 });
    expect(readCompose(COMPOSE)).toEqual({ ok: true, kind: "compose", image: "nginx:1.27", containerPort: 8080 });
    expect(readCompose("services:\n  web:\n    image: a:1\n    ports: [\"9000\"]\n")).toMatchObject({ image: "a:1", containerPort: 9000 });
    expect(readBundleRun(zip({ "README.md": "x", "Dockerrun.aws.json": DOCKERRUN }))).toMatchObject({ ok: true, containerPort: 3000 });
    expect(readBundleRun(zip({ "docker-compose.yml": COMPOSE }))).toMatchObject({ ok: true, kind: "compose", image: "nginx:1.27" });
    expect(readBundleRun(Buffer.from(DOCKERRUN))).toMatchObject({ ok: true });
  });

  it("says why a bundle cannot move", () => {
    expect(readBundleRun(new Uint8Array())).toMatchObject({ ok: false });
    expect(readDockerrun('{"AWSEBDockerrunVersion":"2","containerDefinitions":[]}')).toMatchObject({ ok: false });
    expect(readCompose("services:\n  web:\n    build: .\n")).toMatchObject({ ok: false });
    expect(readBundleRun(zip({ Dockerfile: "FROM node:22" }))).toMatchObject({ ok: false });
    expect(readBundleRun(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)]))).toMatchObject({ ok: false });
    expect(readBundleRun(new Uint8Array(MOVE_BUNDLE_LIMITS.bundleBytes + 1))).toMatchObject({ ok: false });
  });

  it("stays bounded under fuzz: text, and zips cut or padded with garbage", () => {
    fc.assert(fc.property(hostile, (text) => quick(() => {
      for (const r of [readDockerrun(text), readCompose(text), readBundleRun(Buffer.from(text))]) {
        if (r.ok) expect(r.image.length).toBeLessThanOrEqual(MOVE_BUNDLE_LIMITS.image);
        else expect(typeof r.message).toBe("string");
      }
    })), { numRuns: 1_000 });
    const good = zip({ "Dockerrun.aws.json": DOCKERRUN });
    fc.assert(fc.property(fc.nat({ max: good.length }), fc.uint8Array({ maxLength: 200 }), (cut, junk) => quick(() => {
      expect(typeof readBundleRun(Buffer.concat([good.subarray(0, cut), Buffer.from(junk)])).ok).toBe("boolean");
    })), { numRuns: 500 });
  });
});
