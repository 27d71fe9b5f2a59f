export type ImageUri =
  | { kind: "ecr"; registry: string; account: string; region: string; repository: string; tag?: string; digest?: string }
  | { kind: "ecr-public"; registry: "public.ecr.aws"; repository: string; tag?: string; digest?: string }
  | { kind: "docker-hub"; registry: "docker.io"; repository: string; tag?: string; digest?: string };

// Repository path components: lowercase alphanumerics separated by . _ __ or dashes (OCI distribution spec).
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/**
 * Splits an image reference into registry, repository, tag and digest, accepting the
 * registries a task can pull from without extra credentials setup: private ECR,
 * ECR Public and Docker Hub. Anything else (a typo, another registry, spaces) is null.
 */
export function parseImageUri(input: string): ImageUri | null {
  const uri = input.trim();
  if (!uri || uri.length > 2048 || /\s/.test(uri)) return null;
  let rest = uri;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  const parts = rest.split("/");
  const first = parts[0]!;
  const looksLikeHost = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  const repoOf = (components: string[]) => (components.length > 0 && components.every((c) => COMPONENT.test(c)) ? components.join("/") : null);
  if (looksLikeHost) {
    const ecr = ECR_HOST.exec(first);
    if (ecr) {
      const repository = repoOf(parts.slice(1));
      return repository ? { kind: "ecr", registry: first, account: ecr[1]!, region: ecr[2]!, repository, tag, digest } : null;
    }
    if (first === "public.ecr.aws") {
      const repository = repoOf(parts.slice(1));
      return repository && parts.length >= 2 ? { kind: "ecr-public", registry: "public.ecr.aws", repository, tag, digest } : null;
    }
    if (first === "docker.io" || first === "registry-1.docker.io") {
      const repository = repoOf(parts.slice(1));
      return repository && parts.length <= 3 ? { kind: "docker-hub", registry: "docker.io", repository, tag, digest } : null;
    }
    return null;
  }
  // Docker Hub: name, or namespace/name.
  if (parts.length > 2 || first === "public.ecr.aws" || ECR_HOST.test(first)) return null;
  const repository = repoOf(parts);
  return repository ? { kind: "docker-hub", registry: "docker.io", repository, tag, digest } : null;
}

export const IMAGE_KIND_LABEL: Record<ImageUri["kind"], string> = {
  ecr: "Amazon ECR (private)",
  "ecr-public": "Amazon ECR Public",
  "docker-hub": "Docker Hub",
};

/** "Amazon ECR (private) · repo · tag latest" for a hint under the field. */
export function describeImage(image: ImageUri): string {
  const ref = image.digest ? `digest ${image.digest.slice(0, 19)}…` : `tag ${image.tag ?? "latest"}`;
  const where = image.kind === "ecr" ? ` in ${image.region}` : "";
  return `${IMAGE_KIND_LABEL[image.kind]}${where} · ${image.repository} · ${ref}`;
}
