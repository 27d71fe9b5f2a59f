// Last-pulled times for ECR images in the sandbox gateway. moto 5.2.1 never sets
// lastRecordedPullTime. The gateway records a pull when the runtime agent starts a task (RUNNING)
// whose container image is in the sandbox's private ECR (<account>.dkr.ecr.<region>.amazonaws.com/
// <repository>:<tag> or @<digest>), and adds lastRecordedPullTime to DescribeImages answers.
// In memory, cleared by a reset.

// A registry host, the repository path, then :tag or @sha256:digest.
const URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9._/-]+?)(?::([\w.-]{1,128})|@(sha256:[0-9a-f]{64}))?$/;

/** An image URI's ECR parts, or null when it is not a private ECR image. */
export function ecrImageOf(uri) {
  if (typeof uri !== "string" || uri.length > 1024) return null;
  const m = URI.exec(uri);
  if (!m) return null;
  return { account: m[1], region: m[2], repository: m[3], tag: m[5] ? null : (m[4] ?? "latest"), digest: m[5] ?? null };
}

export class EcrPulls {
  constructor() {
    /** `${region}|${repository}|tag:${tag}` or `…|digest:${digest}` → epoch seconds */
    this.pulls = new Map();
  }

  reset() {
    this.pulls.clear();
  }

  /** Listener for the agent's task changes: a task that reaches RUNNING pulled its images. */
  taskChanged(_region, task) {
    if (task?.lastStatus !== "RUNNING") return;
    const at = Math.floor(Date.now() / 1000);
    for (const c of task.containers ?? []) this.record(c.image, at);
  }

  record(uri, at = Math.floor(Date.now() / 1000)) {
    const image = ecrImageOf(uri);
    if (!image) return;
    const key = `${image.region}|${image.repository}|${image.digest ? `digest:${image.digest}` : `tag:${image.tag}`}`;
    this.pulls.set(key, Math.max(at, this.pulls.get(key) ?? 0));
  }

  lastPull(region, repository, detail) {
    let last = this.pulls.get(`${region}|${repository}|digest:${detail.imageDigest}`) ?? 0;
    for (const tag of detail.imageTags ?? []) last = Math.max(last, this.pulls.get(`${region}|${repository}|tag:${tag}`) ?? 0);
    return last || null;
  }

  /** A rewrite of DescribeImages: lastRecordedPullTime on every image a task pulled. */
  transformFor(ident, body) {
    if (ident.service !== "ecr" || ident.operation !== "DescribeImages") return undefined;
    let asked = "";
    try {
      asked = JSON.parse(body.toString("utf8")).repositoryName ?? "";
    } catch {}
    return (data) => {
      for (const detail of data.imageDetails ?? []) {
        const last = this.lastPull(ident.region, detail.repositoryName ?? asked, detail);
        if (last) detail.lastRecordedPullTime = last;
      }
      return data;
    };
  }
}
