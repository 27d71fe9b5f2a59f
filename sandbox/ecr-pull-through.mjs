// ECR pull-through cache rules in the sandbox gateway. moto 5.2.1 has no
// Create/Describe/DeletePullThroughCacheRule (HTML 500). The gateway keeps the rules itself, per
// region, in memory (cleared by a reset), with the API's shapes and checks:
//
// - ecrRepositoryPrefix: 2–30 characters, lowercase parts joined by . _ - (namespaces by /), or ROOT;
//   one rule per prefix (PullThroughCacheRuleAlreadyExistsException).
// - upstreamRegistryUrl: a registry ECR supports (public.ecr.aws, registry-1.docker.io, quay.io,
//   registry.k8s.io, ghcr.io, …) → its upstreamRegistry name; anything else is
//   UnsupportedUpstreamRegistryException.
// - credentialArn: required for Docker Hub and GitHub, a Secrets Manager secret whose name starts
//   with ecr-pullthroughcache/ (the sandbox does not look the secret up).
// Nothing is ever pulled through: the rules are stored and listed, no image is cached.
import { randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";

const CONTENT_TYPE = "application/x-amz-json-1.1";
const PREFIX = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const UPSTREAMS = {
  "public.ecr.aws": { registry: "ecr-public", credential: false },
  "registry-1.docker.io": { registry: "docker-hub", credential: true },
  "quay.io": { registry: "quay", credential: false },
  "registry.k8s.io": { registry: "k8s", credential: false },
  "ghcr.io": { registry: "github-container-registry", credential: true },
  "registry.gitlab.com": { registry: "gitlab-container-registry", credential: true },
};
const CREDENTIAL = /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:ecr-pullthroughcache\/[a-zA-Z0-9/_+=.@-]+$/;

function answer(status, value, errorType) {
  const body = Buffer.from(JSON.stringify(value));
  const headers = { "Content-Type": CONTENT_TYPE, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  return { status, headers, body };
}
const ok = (value) => answer(200, value);
const error = (code, message) => answer(400, { __type: code, message }, code);

const OPERATIONS = new Set(["CreatePullThroughCacheRule", "DescribePullThroughCacheRules", "DeletePullThroughCacheRule"]);

export class EcrPullThroughRules {
  constructor() {
    /** `${region}|${prefix}` → rule */
    this.rules = new Map();
  }

  reset() {
    this.rules.clear();
  }

  handles(ident) {
    return ident.service === "ecr" && OPERATIONS.has(ident.operation);
  }

  handle(ident, body) {
    let input;
    try {
      input = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return error("SerializationException", "The request body is not JSON.");
    }
    const region = ident.region;
    const prefix = input.ecrRepositoryPrefix;
    const key = `${region}|${prefix}`;
    const missing = () => error("PullThroughCacheRuleNotFoundException", `The pull through cache rule with prefix '${prefix}' does not exist in the registry with id '${SANDBOX_ACCOUNT}'`);
    if (ident.operation === "CreatePullThroughCacheRule") {
      if (typeof prefix !== "string" || prefix.length < 2 || prefix.length > 30 || (prefix !== "ROOT" && !PREFIX.test(prefix))) {
        return error("InvalidParameterException", "Invalid parameter at 'ecrRepositoryPrefix' failed to satisfy constraint: 'must have length 2–30 and match (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'");
      }
      const upstream = UPSTREAMS[input.upstreamRegistryUrl];
      if (!upstream) return error("UnsupportedUpstreamRegistryException", `The specified upstream registry '${input.upstreamRegistryUrl}' is not supported.`);
      if (upstream.credential && input.credentialArn === undefined) return error("InvalidParameterException", `A credentialArn is required for the upstream registry ${input.upstreamRegistryUrl}.`);
      if (input.credentialArn !== undefined && (typeof input.credentialArn !== "string" || !CREDENTIAL.test(input.credentialArn))) {
        return error("InvalidParameterException", "The credentialArn must be a Secrets Manager secret whose name starts with ecr-pullthroughcache/.");
      }
      if (this.rules.has(key)) return error("PullThroughCacheRuleAlreadyExistsException", `A pull through cache rule with prefix '${prefix}' already exists in the registry with id '${SANDBOX_ACCOUNT}'`);
      const rule = {
        ecrRepositoryPrefix: prefix,
        upstreamRegistryUrl: input.upstreamRegistryUrl,
        createdAt: Math.floor(Date.now() / 1000),
        registryId: SANDBOX_ACCOUNT,
        upstreamRegistry: upstream.registry,
        ...(input.credentialArn ? { credentialArn: input.credentialArn } : {}),
      };
      this.rules.set(key, rule);
      return ok(rule);
    }
    if (ident.operation === "DeletePullThroughCacheRule") {
      const rule = this.rules.get(key);
      if (!rule) return missing();
      this.rules.delete(key);
      return ok(rule);
    }
    const max = input.maxResults === undefined ? 100 : Number(input.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 1000) return error("InvalidParameterException", "maxResults must be between 1 and 1000.");
    const inRegion = [...this.rules.entries()].filter(([k]) => k.startsWith(`${region}|`)).map(([, r]) => r);
    if (Array.isArray(input.ecrRepositoryPrefixes)) {
      const absent = input.ecrRepositoryPrefixes.find((p) => !this.rules.has(`${region}|${p}`));
      if (absent !== undefined) return error("PullThroughCacheRuleNotFoundException", `The pull through cache rule with prefix '${absent}' does not exist in the registry with id '${SANDBOX_ACCOUNT}'`);
    }
    const chosen = Array.isArray(input.ecrRepositoryPrefixes) ? inRegion.filter((r) => input.ecrRepositoryPrefixes.includes(r.ecrRepositoryPrefix)) : inRegion;
    chosen.sort((a, b) => a.ecrRepositoryPrefix.localeCompare(b.ecrRepositoryPrefix));
    const start = input.nextToken === undefined ? 0 : Number.parseInt(String(input.nextToken), 10);
    if (!Number.isInteger(start) || start < 0 || start > chosen.length) return error("InvalidParameterException", "Invalid nextToken.");
    return ok({ pullThroughCacheRules: chosen.slice(start, start + max), ...(start + max < chosen.length ? { nextToken: String(start + max) } : {}) });
  }
}
