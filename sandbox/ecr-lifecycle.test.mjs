// Lifecycle policy previews: the evaluation as ECR documents it, and the gateway's API over moto.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRepositoryCommand, ECRClient, GetLifecyclePolicyPreviewCommand, PutLifecyclePolicyCommand, StartLifecyclePolicyPreviewCommand } from "@aws-sdk/client-ecr";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { evaluateLifecyclePolicy, wildcardMatches } from "./ecr-lifecycle.mjs";
import { pushFakeImage } from "./ecr-images.mjs";

const DAY = 86_400;
const NOW = 1_800_000_000;
const img = (digest, tags, daysAgo) => ({ imageDigest: digest, imageTags: tags, imagePushedAt: NOW - daysAgo * DAY });
const expired = (policy, images) => evaluateLifecyclePolicy(policy, images, NOW).map((r) => `${r.imageDigest}@${r.appliedRulePriority}`);

describe("evaluateLifecyclePolicy", () => {
  const images = [img("a", ["v1"], 30), img("b", ["v2"], 20), img("c", ["v3"], 10), img("d", [], 40), img("e", ["dev-1"], 5)];

  it("keeps the newest N of what a count rule selects", () => {
    const policy = { rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["v"], countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }] };
    expect(expired(policy, images)).toEqual(["b@1", "a@1"]);
  });

  it("expires by age, untagged only", () => {
    const policy = { rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }] };
    expect(expired(policy, images)).toEqual(["d@1"]);
  });

  it("lets an earlier rule claim images, kept or not, before a later any-rule", () => {
    const policy = {
      rules: [
        { rulePriority: 2, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
        { rulePriority: 1, selection: { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } },
      ],
    };
    // v1–v3 are claimed (and kept) by rule 1; of d and e, rule 2 keeps the newest (e).
    expect(expired(policy, images)).toEqual(["d@2"]);
  });

  it("matches wildcards literally apart from *", () => {
    expect(wildcardMatches("v*-prod", "v1.2-prod")).toBe(true);
    expect(wildcardMatches("v.*", "vx")).toBe(false);
    expect(wildcardMatches("release", "release-1")).toBe(false);
  });
});

describe.runIf(hasMoto)("lifecycle policy previews in the gateway", () => {
  let sandbox;
  let ecr;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ecr = new ECRClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  it("previews a policy text, or the stored policy, over the repository's images", async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "kept" }));
    for (const tag of ["v1", "v2", "v3"]) await pushFakeImage(sandbox.endpoint, { repositoryName: "kept", tag });
    expect((await rejection(ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: "kept" })))).name).toBe("LifecyclePolicyPreviewNotFoundException");
    const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } }] });
    expect((await ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "kept", lifecyclePolicyText: policy }))).status).toBe("IN_PROGRESS");
    const none = await ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: "kept" }));
    expect(none).toMatchObject({ status: "COMPLETE", previewResults: [], summary: { expiringImageTotalCount: 0 } });

    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: "kept", lifecyclePolicyText: policy.replace('"countNumber":5', '"countNumber":1') }));
    await ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "kept" }));
    const some = await ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: "kept" }));
    expect(some.summary.expiringImageTotalCount).toBe(2);
    expect(some.previewResults[0]).toMatchObject({ action: { type: "EXPIRE" }, appliedRulePriority: 1 });
    expect(some.previewResults[0].imagePushedAt).toBeInstanceOf(Date);
  });

  it("fails as ECR does for a missing repository or policy", async () => {
    expect((await rejection(ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "missing" })))).name).toBe("RepositoryNotFoundException");
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "nopolicy" }));
    expect((await rejection(ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "nopolicy" })))).name).toBe("LifecyclePolicyNotFoundException");
  });
});
