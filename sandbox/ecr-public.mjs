// Amazon ECR Public in the sandbox gateway. moto 5.2.1 has no ECR Public at all (signing name
// "ecr-public", X-Amz-Target "SpencerFrontendService.*"). The gateway serves it itself, in memory
// (cleared by a reset), with the real API's shapes, and like AWS only in us-east-1 (the API has no
// endpoint in any other region: the gateway drops the connection, as a missing host would):
//
// - CreateRepository (name rules, catalogData, tags), DescribeRepositories (paged, by name),
//   DeleteRepository (RepositoryNotEmptyException without force), GetRepositoryCatalogData,
//   PutRepositoryCatalogData, DescribeRegistries, PutImage / DescribeImages (so a repository can
//   hold images and "force" matters).
import { createHash, randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";

const CONTENT_TYPE = "application/x-amz-json-1.1";
export const PUBLIC_ALIAS = "portside-sandbox";
export const PUBLIC_REGION = "us-east-1";
// ECR Public's rules: 2–205 characters, lowercase parts joined by . _ -, namespaces by /.
const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const ARCHITECTURES = ["ARM", "ARM 64", "x86", "x86-64"];
const OPERATING_SYSTEMS = ["Linux", "Windows"];

function answer(status, value, errorType) {
  const body = Buffer.from(JSON.stringify(value));
  const headers = { "Content-Type": CONTENT_TYPE, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  return { status, headers, body };
}
const ok = (value) => answer(200, value);
const error = (code, message) => answer(400, { __type: code, message }, code);
const notFound = (name) => error("RepositoryNotFoundException", `The repository with name '${name}' does not exist in the registry with id '${SANDBOX_ACCOUNT}'`);

/** A catalogData input checked as ECR Public checks it; an error answer or the stored shape. */
export function checkCatalogData(input = {}) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { failure: error("InvalidParameterException", "catalogData must be an object.") };
  const { description, aboutText, usageText, architectures, operatingSystems } = input;
  const text = (v, max, field) => (v === undefined || (typeof v === "string" && v.length <= max) ? null : `${field} must be a string of at most ${max} characters.`);
  const list = (v, allowed, field) => (v === undefined || (Array.isArray(v) && v.length <= 50 && v.every((x) => allowed.includes(x))) ? null : `${field} must hold only ${allowed.join(", ")}.`);
  const problem = text(description, 1024, "description") ?? text(aboutText, 25600, "aboutText") ?? text(usageText, 25600, "usageText")
    ?? list(architectures, ARCHITECTURES, "architectures") ?? list(operatingSystems, OPERATING_SYSTEMS, "operatingSystems");
  if (problem) return { failure: error("InvalidParameterException", problem) };
  return { data: { description, aboutText, usageText, architectures, operatingSystems } };
}

export class EcrPublicSandbox {
  constructor() {
    /** repositoryName → { repository, catalogData, tags, images: Map<digest, detail> } */
    this.repos = new Map();
  }

  reset() {
    this.repos.clear();
  }

  handles(ident) {
    return ident.service === "ecr-public";
  }

  offeredIn(region) {
    return region === PUBLIC_REGION;
  }

  catalogOut(entry) {
    const c = entry.catalogData;
    return Object.fromEntries(Object.entries({ ...c, marketplaceCertified: false }).filter(([, v]) => v !== undefined));
  }

  repoOut(entry) {
    return { ...entry.repository };
  }

  handle(ident, body) {
    let input;
    try {
      input = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return error("SerializationException", "The request body is not JSON.");
    }
    const name = input.repositoryName;
    const entry = typeof name === "string" ? this.repos.get(name) : undefined;
    switch (ident.operation) {
      case "CreateRepository": {
        if (typeof name !== "string" || name.length < 2 || name.length > 205 || !NAME.test(name)) {
          return error("InvalidParameterException", `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*' and length 2–205'`);
        }
        if (entry) return error("RepositoryAlreadyExistsException", `The repository with name '${name}' already exists in the registry with id '${SANDBOX_ACCOUNT}'`);
        const catalog = checkCatalogData(input.catalogData);
        if (catalog.failure) return catalog.failure;
        const created = {
          repository: {
            repositoryArn: `arn:aws:ecr-public::${SANDBOX_ACCOUNT}:repository/${name}`,
            registryId: SANDBOX_ACCOUNT,
            repositoryName: name,
            repositoryUri: `public.ecr.aws/${PUBLIC_ALIAS}/${name}`,
            createdAt: Math.floor(Date.now() / 1000),
          },
          catalogData: catalog.data,
          tags: Array.isArray(input.tags) ? input.tags : [],
          images: new Map(),
        };
        this.repos.set(name, created);
        return ok({ repository: this.repoOut(created), catalogData: this.catalogOut(created) });
      }
      case "DescribeRepositories": {
        const max = input.maxResults === undefined ? 100 : Number(input.maxResults);
        if (!Number.isInteger(max) || max < 1 || max > 1000) return error("InvalidParameterException", "maxResults must be between 1 and 1000.");
        if (Array.isArray(input.repositoryNames)) {
          const missing = input.repositoryNames.find((n) => !this.repos.has(n));
          if (missing !== undefined) return notFound(missing);
          return ok({ repositories: input.repositoryNames.map((n) => this.repoOut(this.repos.get(n))) });
        }
        const all = [...this.repos.values()].sort((a, b) => a.repository.repositoryName.localeCompare(b.repository.repositoryName));
        const start = input.nextToken === undefined ? 0 : Number.parseInt(String(input.nextToken), 10);
        if (!Number.isInteger(start) || start < 0 || start > all.length) return error("InvalidParameterException", "Invalid nextToken.");
        const page = all.slice(start, start + max).map((e) => this.repoOut(e));
        return ok({ repositories: page, ...(start + max < all.length ? { nextToken: String(start + max) } : {}) });
      }
      case "DeleteRepository": {
        if (!entry) return notFound(name);
        if (entry.images.size > 0 && input.force !== true) {
          return error("RepositoryNotEmptyException", `The repository with name '${name}' in registry with id '${SANDBOX_ACCOUNT}' cannot be deleted because it still contains images`);
        }
        this.repos.delete(name);
        return ok({ repository: this.repoOut(entry) });
      }
      case "GetRepositoryCatalogData":
        return entry ? ok({ catalogData: this.catalogOut(entry) }) : notFound(name);
      case "PutRepositoryCatalogData": {
        if (!entry) return notFound(name);
        const catalog = checkCatalogData(input.catalogData);
        if (catalog.failure) return catalog.failure;
        entry.catalogData = catalog.data;
        return ok({ catalogData: this.catalogOut(entry) });
      }
      case "DescribeRegistries":
        return ok({
          registries: [{
            registryId: SANDBOX_ACCOUNT,
            registryArn: `arn:aws:ecr-public::${SANDBOX_ACCOUNT}:registry/${SANDBOX_ACCOUNT}`,
            registryUri: `public.ecr.aws/${PUBLIC_ALIAS}`,
            verified: false,
            aliases: [{ name: PUBLIC_ALIAS, status: "ACTIVE", primaryRegistryAlias: true, defaultRegistryAlias: true }],
          }],
        });
      case "PutImage": {
        if (!entry) return notFound(name);
        if (typeof input.imageManifest !== "string" || input.imageManifest.length > 4_194_304) return error("InvalidParameterException", "imageManifest is required.");
        const digest = `sha256:${createHash("sha256").update(input.imageManifest).digest("hex")}`;
        const prior = entry.images.get(digest);
        const tags = new Set(prior?.imageTags ?? []);
        if (typeof input.imageTag === "string") {
          for (const other of entry.images.values()) other.imageTags = other.imageTags.filter((t) => t !== input.imageTag);
          tags.add(input.imageTag);
        }
        const detail = { registryId: SANDBOX_ACCOUNT, repositoryName: name, imageDigest: digest, imageTags: [...tags], imageSizeInBytes: input.imageManifest.length * 1000, imagePushedAt: Math.floor(Date.now() / 1000), imageManifestMediaType: input.imageManifestMediaType ?? "application/vnd.oci.image.manifest.v1+json" };
        entry.images.set(digest, detail);
        return ok({ image: { registryId: SANDBOX_ACCOUNT, repositoryName: name, imageId: { imageDigest: digest, ...(input.imageTag ? { imageTag: input.imageTag } : {}) }, imageManifest: input.imageManifest, imageManifestMediaType: detail.imageManifestMediaType } });
      }
      case "DescribeImages":
        return entry ? ok({ imageDetails: [...entry.images.values()] }) : notFound(name);
      default:
        return error("UnsupportedCommandException", `The sandbox does not serve ECR Public ${ident.operation}.`);
    }
  }
}
