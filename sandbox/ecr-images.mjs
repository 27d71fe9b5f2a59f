// Fake container images for the sandbox's ECR (moto): no Docker engine runs here, so tests and the
// first-run experience push an image the way `docker push` ends, with PutImage of a Docker v2
// manifest (config + layers). The layers are never uploaded: moto does not check them, and what
// Portside shows (tags, digest, pushed at, size) comes from the manifest.
import { createHash } from "node:crypto";
import { FINDINGS_ANNOTATION } from "./ecr.mjs";

const MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
const sha = (text) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/**
 * A Docker v2 manifest whose digests follow from `seed`: the same seed gives the same image (and
 * digest), another seed another image. `sizes` are the layers' compressed sizes in bytes.
 * moto 5.2.1 reports an image's size as the manifest's config.size (AWS: the layers' total), so the
 * config size is set to the layers' total here, for sizes that read as AWS's would.
 */
export function fakeImageManifest(seed, sizes = [2_811_478, 1_048_576], findings) {
  if (!Array.isArray(sizes) || sizes.length < 1 || sizes.length > 16) throw new Error("an image has 1 to 16 layers");
  const total = sizes.reduce((sum, n) => sum + n, 0);
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MANIFEST,
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: total, digest: sha(`config:${seed}`) },
    layers: sizes.map((size, i) => ({ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size, digest: sha(`layer:${seed}:${i}`) })),
    // What the sandbox's scan reports for this image (sandbox/ecr.mjs), e.g. { CRITICAL: 1, HIGH: 2 }.
    ...(findings ? { annotations: { [FINDINGS_ANNOTATION]: Object.entries(findings).map(([s, n]) => `${s}:${n}`).join(",") } } : {}),
  });
}

/**
 * Pushes a fake image to a sandbox repository through the ECR API (PutImage), as a test or a
 * first-run script would: `{ repositoryName, tag, seed?, region?, sizes?, findings? }` → ECR's `image`.
 * `findings` ({ CRITICAL: 1 }) is what a scan of it reports, in a repository that scans on push.
 * The gateway reads the region from the credential scope; the signature itself is not checked.
 */
export async function pushFakeImage(endpoint, { repositoryName, tag, seed = `${repositoryName}:${tag}`, region = "us-east-1", sizes, findings }) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.PutImage",
      authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ecr/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ repositoryName, imageTag: tag, imageManifest: fakeImageManifest(seed, sizes, findings), imageManifestMediaType: MANIFEST }),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`PutImage ${repositoryName}:${tag} → HTTP ${res.status}: ${data.message ?? data.__type ?? ""}`);
  return data.image;
}
