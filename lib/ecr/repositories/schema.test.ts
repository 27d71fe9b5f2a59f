import { describe, expect, it } from "vitest";
import { createRepositorySchema, deleteImagesSchema, repositoryNameSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", repositoryName: "team/web" };
const messageOf = (value: string) => {
  const r = repositoryNameSchema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("repositoryNameSchema", () => {
  it("accepts names and namespaces as ECR does", () => {
    for (const name of ["web", "team/web", "a/b/c-d_e.f", "ab", "x1/y2"]) expect(messageOf(name), name).toBeNull();
  });

  it("says why a name is refused", () => {
    expect(messageOf("a")).toMatch(/at least 2/);
    expect(messageOf("Web")).toMatch(/lowercase/);
    expect(messageOf("/web")).toMatch(/single slashes/);
    expect(messageOf("team//web")).toMatch(/single slashes/);
    expect(messageOf("team/")).toMatch(/single slashes/);
    expect(messageOf("-web")).toMatch(/\. _ or - between them/);
    expect(messageOf("we..b")).toMatch(/\. _ or - between them/);
    expect(messageOf("web app")).toMatch(/\. _ or - between them/);
    expect(messageOf("a".repeat(257))).toMatch(/at most 256/);
  });
});

describe("createRepositorySchema", () => {
  it("defaults as the console does: mutable tags, no scan on push, AES-256", () => {
    const v = createRepositorySchema.parse(base);
    expect(v).toMatchObject({ tagMutability: "MUTABLE", scanOnPush: false, encryption: "AES256", kmsKey: "", tags: [], mutabilityExclusions: [] });
  });

  it("checks exclusion filters and KMS keys", () => {
    const r = createRepositorySchema.safeParse({ ...base, mutabilityExclusions: ["release-*", "bad filter", "release-*"], kmsKey: "not-a-key", encryption: "KMS" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["mutabilityExclusions.1", "mutabilityExclusions.2", "kmsKey"]));
    expect(createRepositorySchema.safeParse({ ...base, mutabilityExclusions: ["a", "b", "c", "d", "e", "f"] }).success).toBe(false);
    for (const kmsKey of ["alias/my-key", "1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]) {
      expect(createRepositorySchema.safeParse({ ...base, encryption: "KMS", kmsKey }).success, kmsKey).toBe(true);
    }
  });

  it("reads the scan-on-push checkbox", () => {
    expect(createRepositorySchema.parse({ ...base, scanOnPush: "on" }).scanOnPush).toBe(true);
    expect(createRepositorySchema.parse({ ...base, scanOnPush: "false" }).scanOnPush).toBe(false);
  });
});

describe("deleteImagesSchema", () => {
  it("takes 1 to 100 digests", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect(deleteImagesSchema.safeParse({ ...base, digests: [digest] }).success).toBe(true);
    expect(deleteImagesSchema.safeParse({ ...base, digests: [] }).success).toBe(false);
    expect(deleteImagesSchema.safeParse({ ...base, digests: Array(101).fill(digest) }).success).toBe(false);
    expect(deleteImagesSchema.safeParse({ ...base, digests: ["sha256:xyz"] }).success).toBe(false);
  });
});
