// Amazon ECR image scanning in the sandbox gateway. moto 5.2.1 stores repositories and images but
// never scans: scan-on-push does nothing, DescribeImages has no imageScanStatus or finding counts,
// and DescribeImageScanFindings answers one canned "CVE-9999-9999" for any image once
// StartImageScan ran. The gateway keeps the scans itself, in memory (cleared by a reset):
//
// - PutImage into a repository with scanOnPush: the image is scanned at once (basic scanning).
// - StartImageScan: the image is scanned (answered IN_PROGRESS, as AWS does; COMPLETE on the next read).
// - DescribeImages: scanned images gain imageScanStatus and imageScanFindingsSummary.
// - DescribeImageScanFindings: the image's findings, paged (maxResults 1–1000, nextToken);
//   ScanNotFoundException for an image never scanned.
//
// Findings are deterministic. A manifest may name them in its annotations
// ("org.portside.sandbox.findings": "CRITICAL:1,HIGH:2"), which is how pushFakeImage makes a
// known vulnerable test image; otherwise they follow from the image digest (no CRITICAL ones).
import { createHash, randomUUID } from "node:crypto";
import { motoJson } from "./moto-query.mjs";

const ECR_JSON = { target: "AmazonEC2ContainerRegistry_V20150921", signing: "ecr" };
const CONTENT_TYPE = "application/x-amz-json-1.1";
export const FINDINGS_ANNOTATION = "org.portside.sandbox.findings";
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
const PACKAGES = ["openssl", "glibc", "zlib", "curl", "busybox", "libxml2", "expat", "ncurses"];
const MAX_PER_SEVERITY = 50;

function answer(status, value, errorType) {
  const body = Buffer.from(JSON.stringify(value));
  const headers = { "Content-Type": CONTENT_TYPE, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  return { status, headers, body };
}
const ok = (value) => answer(200, value);
const error = (code, message) => answer(400, { __type: code, message }, code);

/** "CRITICAL:1,HIGH:2" → { CRITICAL: 1, HIGH: 2 }; null when it is not that shape. */
export function parseSeverityCounts(text) {
  if (typeof text !== "string" || text.length > 200) return null;
  const counts = {};
  for (const part of text.split(",")) {
    const m = /^\s*([A-Z]+)\s*:\s*(\d{1,2})\s*$/.exec(part);
    if (!m || !SEVERITIES.includes(m[1]) || Number(m[2]) > MAX_PER_SEVERITY) return null;
    if (Number(m[2]) > 0) counts[m[1]] = Number(m[2]);
  }
  return counts;
}

/** Counts for an image without an annotation: a few HIGH / MEDIUM / LOW ones, from its digest. */
export function derivedCounts(digest) {
  const h = createHash("sha256").update(String(digest)).digest();
  const counts = { HIGH: h[0] % 3, MEDIUM: h[1] % 4, LOW: h[2] % 3 };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** The findings a basic scan reports for these counts, as AWS shapes them; the same digest gives the same list. */
export function findingsFor(digest, counts) {
  const out = [];
  for (const severity of SEVERITIES) {
    for (let i = 0; i < (counts[severity] ?? 0); i++) {
      const h = createHash("sha256").update(`${digest}:${severity}:${i}`).digest();
      const name = `CVE-20${20 + (h[0] % 7)}-${1000 + h.readUInt16BE(1) % 60000}`;
      const pkg = PACKAGES[h[3] % PACKAGES.length];
      out.push({
        name,
        description: `${pkg} before ${1 + (h[4] % 3)}.${h[5] % 10}.${h[6] % 20} has a flaw rated ${severity.toLowerCase()} (sandbox finding).`,
        uri: `https://security-tracker.debian.org/tracker/${name}`,
        severity,
        attributes: [
          { key: "package_version", value: `${h[4] % 3}.${h[5] % 10}.${h[6] % 20}-r${h[7] % 5}` },
          { key: "package_name", value: pkg },
          { key: "CVSS3_SCORE", value: String({ CRITICAL: 9.8, HIGH: 7.5, MEDIUM: 5.3, LOW: 3.1, INFORMATIONAL: 0 }[severity]) },
        ],
      });
    }
  }
  return out;
}

const summed = (findings) => findings.reduce((acc, f) => ({ ...acc, [f.severity]: (acc[f.severity] ?? 0) + 1 }), {});

export class EcrScans {
  constructor({ upstream }) {
    this.upstream = upstream;
    /** `${region}|${repository}|${digest}` → { completedAt (epoch s), findings } */
    this.scans = new Map();
  }

  reset() {
    this.scans.clear();
  }

  handles(ident) {
    return ident.service === "ecr" && (ident.operation === "StartImageScan" || ident.operation === "DescribeImageScanFindings");
  }

  /** moto's ECR over JSON, bypassing the gateway's counters (the sandbox's own reads). */
  moto(region, operation, input) {
    return motoJson(this.upstream, region, ECR_JSON, operation, input);
  }

  record(region, repository, digest, counts) {
    this.scans.set(`${region}|${repository}|${digest}`, { completedAt: Math.floor(Date.now() / 1000), findings: findingsFor(digest, counts) });
  }

  /** The one image an imageId names (tag or digest), as moto describes it; or an error answer. */
  async image(region, input) {
    const r = await this.moto(region, "DescribeImages", { repositoryName: input.repositoryName, imageIds: [input.imageId ?? {}] });
    const detail = r.data.imageDetails?.[0];
    if (!r.ok || !detail) {
      const id = JSON.stringify(input.imageId ?? {});
      return { failure: error(r.data.__type ?? "ImageNotFoundException", r.data.message ?? `The image with imageId ${id} does not exist within the repository with name '${input.repositoryName}'`) };
    }
    return { detail };
  }

  async handle(ident, body) {
    let input;
    try {
      input = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return error("SerializationException", "The request body is not JSON.");
    }
    if (typeof input.repositoryName !== "string" || !input.imageId || typeof input.imageId !== "object") {
      return error("InvalidParameterException", "repositoryName and imageId are required.");
    }
    const { detail, failure } = await this.image(ident.region, input);
    if (failure) return failure;
    const key = `${ident.region}|${input.repositoryName}|${detail.imageDigest}`;
    const imageId = { imageDigest: detail.imageDigest, ...(input.imageId.imageTag ? { imageTag: input.imageId.imageTag } : {}) };
    if (ident.operation === "StartImageScan") {
      if (!this.scans.has(key)) this.record(ident.region, input.repositoryName, detail.imageDigest, derivedCounts(detail.imageDigest));
      return ok({ registryId: detail.registryId, repositoryName: input.repositoryName, imageId, imageScanStatus: { status: "IN_PROGRESS" } });
    }
    const scan = this.scans.get(key);
    if (!scan) {
      return error("ScanNotFoundException", `Image scan does not exist for the image with '${JSON.stringify(imageId)}' in the repository with name '${input.repositoryName}' in the registry with id '${detail.registryId}'`);
    }
    const max = input.maxResults === undefined ? 100 : Number(input.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 1000) return error("InvalidParameterException", "maxResults must be between 1 and 1000.");
    const start = input.nextToken === undefined ? 0 : Number.parseInt(String(input.nextToken), 10);
    if (!Number.isInteger(start) || start < 0 || start > scan.findings.length) return error("InvalidParameterException", "Invalid nextToken.");
    const page = scan.findings.slice(start, start + max);
    return ok({
      registryId: detail.registryId,
      repositoryName: input.repositoryName,
      imageId,
      imageScanStatus: { status: "COMPLETE", description: "The scan was completed successfully." },
      imageScanFindings: {
        imageScanCompletedAt: scan.completedAt,
        vulnerabilitySourceUpdatedAt: scan.completedAt,
        findingSeverityCounts: summed(scan.findings),
        findings: page,
      },
      ...(start + max < scan.findings.length ? { nextToken: String(start + max) } : {}),
    });
  }

  /** A rewrite of moto's answer: scans recorded on push, scan fields added to DescribeImages. */
  transformFor(ident, body) {
    if (ident.service !== "ecr") return undefined;
    if (ident.operation === "PutImage") {
      return async (data) => {
        const image = data.image;
        if (!image?.imageId?.imageDigest) return data;
        const repos = await this.moto(ident.region, "DescribeRepositories", { repositoryNames: [image.repositoryName] });
        if (!repos.data.repositories?.[0]?.imageScanningConfiguration?.scanOnPush) return data;
        let annotated = null;
        try {
          annotated = parseSeverityCounts(JSON.parse(JSON.parse(body.toString("utf8")).imageManifest).annotations?.[FINDINGS_ANNOTATION]);
        } catch {}
        this.record(ident.region, image.repositoryName, image.imageId.imageDigest, annotated ?? derivedCounts(image.imageId.imageDigest));
        return data;
      };
    }
    if (ident.operation === "DescribeImages") {
      let asked = "";
      try {
        asked = JSON.parse(body.toString("utf8")).repositoryName ?? "";
      } catch {}
      return (data) => {
        for (const detail of data.imageDetails ?? []) {
          const scan = this.scans.get(`${ident.region}|${detail.repositoryName ?? asked}|${detail.imageDigest}`);
          if (!scan) continue;
          detail.imageScanStatus = { status: "COMPLETE", description: "The scan was completed successfully." };
          detail.imageScanFindingsSummary = { imageScanCompletedAt: scan.completedAt, vulnerabilitySourceUpdatedAt: scan.completedAt, findingSeverityCounts: summed(scan.findings) };
        }
        return data;
      };
    }
    return undefined;
  }
}
