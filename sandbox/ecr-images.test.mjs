// The fake image helper against a started sandbox: what PutImage stores is what DescribeImages lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRepositoryCommand, DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { fakeImageManifest, pushFakeImage } from "./ecr-images.mjs";

describe("fakeImageManifest", () => {
  it("gives the same manifest for the same seed and another for another seed", () => {
    expect(fakeImageManifest("a")).toBe(fakeImageManifest("a"));
    expect(fakeImageManifest("a")).not.toBe(fakeImageManifest("b"));
  });

  it("sets the config size to the layers' total and refuses an image without layers", () => {
    const manifest = JSON.parse(fakeImageManifest("a", [100, 23]));
    expect(manifest.config.size).toBe(123);
    expect(manifest.layers).toHaveLength(2);
    expect(() => fakeImageManifest("a", [])).toThrow(/1 to 16 layers/);
  });
});

describe.runIf(hasMoto)("pushFakeImage", () => {
  let sandbox;
  let ecr;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ecr = new ECRClient(clientConfig(sandbox.endpoint, "eu-west-1"));
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  it("pushes tagged images to a repository of the region asked for", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "team/web" }));
    const first = await pushFakeImage(sandbox.endpoint, { repositoryName: "team/web", tag: "v1", region: "eu-west-1", sizes: [1000, 500] });
    await pushFakeImage(sandbox.endpoint, { repositoryName: "team/web", tag: "v2", region: "eu-west-1" });
    expect(first.imageId.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const images = (await ecr.send(new DescribeImagesCommand({ repositoryName: "team/web" }))).imageDetails ?? [];
    expect(images.map((i) => i.imageTags?.[0]).sort()).toEqual(["v1", "v2"]);
    expect(images.find((i) => i.imageTags?.includes("v1"))?.imageSizeInBytes).toBe(1500);
    expect(images.every((i) => i.imagePushedAt instanceof Date)).toBe(true);
  });

  it("fails with ECR's error for a repository that does not exist", async () => {
    await expect(pushFakeImage(sandbox.endpoint, { repositoryName: "missing", tag: "v1", region: "eu-west-1" })).rejects.toThrow(/PutImage missing:v1/);
  });
});
