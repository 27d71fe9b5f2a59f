import { describe, expect, it } from "vitest";
import { describeImage, parseImageUri } from "./image-uri";

describe("parseImageUri", () => {
  it("reads private ECR images with account, region, tag and digest", () => {
    expect(parseImageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:v1.2")).toEqual({
      kind: "ecr", registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", account: "123456789012", region: "eu-west-1", repository: "team/api", tag: "v1.2", digest: undefined,
    });
    const digest = `sha256:${"a".repeat(64)}`;
    expect(parseImageUri(`123456789012.dkr.ecr.us-east-1.amazonaws.com/api@${digest}`)).toMatchObject({ kind: "ecr", digest, tag: undefined });
  });

  it("reads ECR Public and Docker Hub images", () => {
    expect(parseImageUri("public.ecr.aws/nginx/nginx:1.27")).toMatchObject({ kind: "ecr-public", repository: "nginx/nginx", tag: "1.27" });
    expect(parseImageUri("nginx")).toMatchObject({ kind: "docker-hub", repository: "nginx", tag: undefined });
    expect(parseImageUri("bitnami/redis:7.2")).toMatchObject({ kind: "docker-hub", repository: "bitnami/redis", tag: "7.2" });
    expect(parseImageUri("docker.io/library/httpd:2.4")).toMatchObject({ kind: "docker-hub", repository: "library/httpd" });
  });

  it("refuses malformed references and other registries", () => {
    for (const bad of [
      "",
      "Nginx:latest",
      "nginx latest",
      "nginx:",
      "nginx:-bad",
      "a/b/c",
      "ghcr.io/owner/app:1",
      "12345.dkr.ecr.us-east-1.amazonaws.com/api",
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/",
      "public.ecr.aws",
      "nginx@sha256:123",
      "repo//name",
    ]) {
      expect(parseImageUri(bad), bad).toBeNull();
    }
  });

  it("describes an image for people", () => {
    expect(describeImage(parseImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/api")!)).toBe("Amazon ECR (private) in us-east-1 · api · tag latest");
  });
});
