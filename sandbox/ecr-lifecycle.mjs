// ECR lifecycle policy previews in the sandbox gateway. moto 5.2.1 stores lifecycle policies
// (Put/Get/DeleteLifecyclePolicy) but has no StartLifecyclePolicyPreview or
// GetLifecyclePolicyPreview (HTML 500). The gateway evaluates the policy against moto's images as
// ECR documents it and keeps the result until the next preview of that repository or a reset:
//
// - rules run in rulePriority order, lowest first; an image a rule selects (by tag status and tag
//   prefixes or wildcard patterns, every listed one matched by one of its tags) is not considered
//   by later rules, whether this rule expires it or keeps it;
// - imageCountMoreThan N keeps the N most recently pushed of the images a rule selects and expires
//   the rest; sinceImagePushed N days expires those pushed more than N days ago.
import { randomUUID } from "node:crypto";
import { motoJson } from "./moto-query.mjs";

const ECR_JSON = { target: "AmazonEC2ContainerRegistry_V20150921", signing: "ecr" };
const CONTENT_TYPE = "application/x-amz-json-1.1";
const DAY_S = 86_400;

function answer(status, value, errorType) {
  const body = Buffer.from(JSON.stringify(value));
  const headers = { "Content-Type": CONTENT_TYPE, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  return { status, headers, body };
}
const error = (code, message) => answer(400, { __type: code, message }, code);

/** "v*-prod" matches "v1-prod": * is any run of characters, the rest literal. */
export function wildcardMatches(pattern, tag) {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(tag);
}

function selects(selection, tags) {
  const status = selection.tagStatus;
  if (status === "untagged") return tags.length === 0;
  if (status === "any") return true;
  if (tags.length === 0) return false;
  const prefixes = selection.tagPrefixList ?? [];
  const patterns = selection.tagPatternList ?? [];
  return prefixes.every((p) => tags.some((t) => t.startsWith(p))) && patterns.every((p) => tags.some((t) => wildcardMatches(p, t)));
}

/**
 * Which images a policy expires: `images` as { imageDigest, imageTags, imagePushedAt (epoch s) };
 * returns ECR's previewResults (imageDigest, imageTags, imagePushedAt, action, appliedRulePriority).
 */
export function evaluateLifecyclePolicy(policy, images, nowS = Date.now() / 1000) {
  const rules = [...(policy?.rules ?? [])].sort((a, b) => a.rulePriority - b.rulePriority);
  const claimed = new Set();
  const results = [];
  for (const rule of rules) {
    const sel = rule.selection ?? {};
    const chosen = images.filter((i) => !claimed.has(i.imageDigest) && selects(sel, i.imageTags ?? []));
    for (const i of chosen) claimed.add(i.imageDigest);
    const newestFirst = [...chosen].sort((a, b) => b.imagePushedAt - a.imagePushedAt);
    const expired = sel.countType === "imageCountMoreThan"
      ? newestFirst.slice(sel.countNumber)
      : newestFirst.filter((i) => nowS - i.imagePushedAt > sel.countNumber * DAY_S);
    for (const i of expired) {
      results.push({ imageDigest: i.imageDigest, imageTags: i.imageTags ?? [], imagePushedAt: i.imagePushedAt, action: { type: "EXPIRE" }, appliedRulePriority: rule.rulePriority });
    }
  }
  return results;
}

export class EcrLifecyclePreviews {
  constructor({ upstream }) {
    this.upstream = upstream;
    /** `${region}|${repository}` → { registryId, lifecyclePolicyText, previewResults } */
    this.previews = new Map();
  }

  reset() {
    this.previews.clear();
  }

  handles(ident) {
    return ident.service === "ecr" && (ident.operation === "StartLifecyclePolicyPreview" || ident.operation === "GetLifecyclePolicyPreview");
  }

  /** moto's ECR over JSON, bypassing the gateway's counters (the sandbox's own reads). */
  moto(region, operation, input) {
    return motoJson(this.upstream, region, ECR_JSON, operation, input);
  }

  async handle(ident, body) {
    let input;
    try {
      input = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return error("SerializationException", "The request body is not JSON.");
    }
    const name = input.repositoryName;
    if (typeof name !== "string") return error("InvalidParameterException", "repositoryName is required.");
    const repos = await this.moto(ident.region, "DescribeRepositories", { repositoryNames: [name] });
    const repo = repos.data.repositories?.[0];
    if (!repo) return error("RepositoryNotFoundException", `The repository with name '${name}' does not exist in the registry with id '${input.registryId ?? "123456789012"}'`);
    const key = `${ident.region}|${name}`;

    if (ident.operation === "GetLifecyclePolicyPreview") {
      const preview = this.previews.get(key);
      if (!preview) return error("LifecyclePolicyPreviewNotFoundException", `There is no lifecycle policy preview for the repository with name '${name}' in the registry with id '${repo.registryId}'`);
      return answer(200, {
        registryId: repo.registryId,
        repositoryName: name,
        lifecyclePolicyText: preview.lifecyclePolicyText,
        status: "COMPLETE",
        previewResults: preview.previewResults,
        summary: { expiringImageTotalCount: preview.previewResults.length },
      });
    }

    let text = input.lifecyclePolicyText;
    if (text === undefined) {
      const stored = await this.moto(ident.region, "GetLifecyclePolicy", { repositoryName: name });
      if (!stored.ok) return error("LifecyclePolicyNotFoundException", `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${repo.registryId}'`);
      text = stored.data.lifecyclePolicyText;
    }
    let policy;
    try {
      policy = JSON.parse(text);
    } catch {
      return error("InvalidParameterException", "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Could not map policyString into LifecyclePolicy.'");
    }
    if (!Array.isArray(policy?.rules) || policy.rules.length === 0) {
      return error("InvalidParameterException", "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: object has missing required properties ([\"rules\"])'");
    }
    const images = [];
    let nextToken;
    do {
      const page = await this.moto(ident.region, "DescribeImages", { repositoryName: name, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
      images.push(...(page.data.imageDetails ?? []));
      nextToken = page.data.nextToken;
    } while (nextToken);
    this.previews.set(key, { lifecyclePolicyText: text, previewResults: evaluateLifecyclePolicy(policy, images) });
    return answer(200, { registryId: repo.registryId, repositoryName: name, lifecyclePolicyText: text, status: "IN_PROGRESS" });
  }
}
