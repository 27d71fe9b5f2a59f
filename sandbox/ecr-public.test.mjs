// ECR Public, pull-through cache rules and last-pulled times: pure parts, then the gateway over moto.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRepositoryCommand as CreatePublic, DeleteRepositoryCommand as DeletePublic, DescribeRepositoriesCommand as DescribePublic, ECRPUBLICClient, GetRepositoryCatalogDataCommand, PutImageCommand as PutPublicImage } from "@aws-sdk/client-ecr-public";
import { CreatePullThroughCacheRuleCommand, CreateRepositoryCommand, DeletePullThroughCacheRuleCommand, DescribeImagesCommand, DescribePullThroughCacheRulesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { checkCatalogData } from "./ecr-public.mjs";
import { EcrPulls, ecrImageOf } from "./ecr-pulls.mjs";
import { pushFakeImage } from "./ecr-images.mjs";

describe("ecrImageOf", () => {
  it("reads tag and digest URIs of the private registry and nothing else", () => {
    expect(ecrImageOf("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:v1")).toEqual({ account: "123456789012", region: "us-east-1", repository: "team/web", tag: "v1", digest: null });
    expect(ecrImageOf(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:${"a".repeat(64)}`)?.digest).toBe(`sha256:${"a".repeat(64)}`);
    expect(ecrImageOf("123456789012.dkr.ecr.us-east-1.amazonaws.com/web")?.tag).toBe("latest");
    expect(ecrImageOf("nginx:latest")).toBeNull();
    expect(ecrImageOf("x".repeat(5000))).toBeNull();
  });

  it("adds the newest pull of a tag or digest to DescribeImages", () => {
    const pulls = new EcrPulls();
    pulls.taskChanged("us-east-1", { lastStatus: "PENDING", containers: [{ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1" }] });
    pulls.taskChanged("us-east-1", { lastStatus: "RUNNING", containers: [{ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2" }] });
    const t = pulls.transformFor({ service: "ecr", operation: "DescribeImages", region: "us-east-1" }, Buffer.from('{"repositoryName":"web"}'));
    const out = t({ imageDetails: [{ imageDigest: "sha256:1", imageTags: ["v1"] }, { imageDigest: "sha256:2", imageTags: ["v2"] }] });
    expect(out.imageDetails[0].lastRecordedPullTime).toBeUndefined();
    expect(typeof out.imageDetails[1].lastRecordedPullTime).toBe("number");
  });
});

describe("checkCatalogData", () => {
  it("takes the console's architectures and operating systems and refuses others", () => {
    expect(checkCatalogData({ architectures: ["ARM 64", "x86-64"], operatingSystems: ["Linux"] }).data).toBeTruthy();
    expect(checkCatalogData({ architectures: ["amd64"] }).failure).toBeTruthy();
    expect(checkCatalogData({ description: "x".repeat(1025) }).failure).toBeTruthy();
  });
});

describe.runIf(hasMoto)("ECR Public and pull-through rules through the gateway", () => {
  let sandbox;
  let pub;
  let ecr;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    pub = new ECRPUBLICClient(clientConfig(sandbox.endpoint, "us-east-1"));
    ecr = new ECRClient(clientConfig(sandbox.endpoint, "eu-west-1"));
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  it("creates, lists and deletes public repositories with catalog data, force for a non-empty one", async () => {
    const created = await pub.send(new CreatePublic({ repositoryName: "team/tool", catalogData: { description: "A tool", architectures: ["x86-64"], operatingSystems: ["Linux"] } }));
    expect(created.repository?.repositoryUri).toMatch(/^public\.ecr\.aws\/[a-z0-9-]+\/team\/tool$/);
    expect(created.repository?.createdAt).toBeInstanceOf(Date);
    expect((await pub.send(new GetRepositoryCatalogDataCommand({ repositoryName: "team/tool" }))).catalogData?.architectures).toEqual(["x86-64"]);
    expect((await rejection(pub.send(new CreatePublic({ repositoryName: "team/tool" })))).name).toBe("RepositoryAlreadyExistsException");
    expect((await rejection(pub.send(new CreatePublic({ repositoryName: "Bad_Name" })))).name).toBe("InvalidParameterException");
    await pub.send(new PutPublicImage({ repositoryName: "team/tool", imageManifest: '{"schemaVersion":2}', imageTag: "v1" }));
    expect((await rejection(pub.send(new DeletePublic({ repositoryName: "team/tool" })))).name).toBe("RepositoryNotEmptyException");
    await pub.send(new DeletePublic({ repositoryName: "team/tool", force: true }));
    expect((await pub.send(new DescribePublic({}))).repositories).toEqual([]);
  });

  it("serves ECR Public in us-east-1 only", async () => {
    const elsewhere = new ECRPUBLICClient(clientConfig(sandbox.endpoint, "eu-west-1"));
    await expect(elsewhere.send(new DescribePublic({}))).rejects.toThrow();
  });

  it("keeps pull-through cache rules per region with AWS's checks", async () => {
    const rule = await ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "ecr-public", upstreamRegistryUrl: "public.ecr.aws" }));
    expect(rule.upstreamRegistry).toBe("ecr-public");
    expect((await rejection(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "ecr-public", upstreamRegistryUrl: "quay.io" })))).name).toBe("PullThroughCacheRuleAlreadyExistsException");
    expect((await rejection(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "hub", upstreamRegistryUrl: "registry-1.docker.io" })))).name).toBe("InvalidParameterException");
    expect((await rejection(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "x", upstreamRegistryUrl: "quay.io" })))).name).toBe("InvalidParameterException");
    expect((await rejection(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "evil", upstreamRegistryUrl: "evil.example" })))).name).toBe("UnsupportedUpstreamRegistryException");
    await ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "hub", upstreamRegistryUrl: "registry-1.docker.io", credentialArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/hub-AbCdEf" }));
    const listed = (await ecr.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules ?? [];
    expect(listed.map((r) => r.ecrRepositoryPrefix)).toEqual(["ecr-public", "hub"]);
    const other = new ECRClient(clientConfig(sandbox.endpoint, "us-west-2"));
    expect((await other.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules).toEqual([]);
    await ecr.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "hub" }));
    expect((await rejection(ecr.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: "hub" })))).name).toBe("PullThroughCacheRuleNotFoundException");
  });

  it("leaves lastRecordedPullTime unset until a task pulls the image", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "pulled" }));
    await pushFakeImage(sandbox.endpoint, { repositoryName: "pulled", tag: "v1", region: "eu-west-1" });
    const before = (await ecr.send(new DescribeImagesCommand({ repositoryName: "pulled" }))).imageDetails ?? [];
    expect(before[0]?.lastRecordedPullTime).toBeUndefined();
  });
});
