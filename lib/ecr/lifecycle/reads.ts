import "server-only";
import { GetLifecyclePolicyCommand, GetLifecyclePolicyPreviewCommand, StartLifecyclePolicyPreviewCommand } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { AwsOperationError } from "@/lib/core/errors";
import { live, liveKey } from "@/lib/core/live/shared";

export type ExpiringImage = { digest: string; tags: string[]; pushedAt: string | null; rule: number | null };

/** The repository's lifecycle policy text, or null when it has none. */
export function getLifecyclePolicy(conn: ConnectionSettings, region: string, name: string): Promise<string | null> {
  return live.cache.get(liveKey(conn, region, "ecr", "lifecycle", name), 2_000, async () => {
    try {
      return (await awsClient(conn, region, "ecr").send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? null;
    } catch (error) {
      if ((error as { name?: string }).name === "LifecyclePolicyNotFoundException") return null;
      return guarded(conn, "ecr", "GetLifecyclePolicy", () => Promise.reject(error));
    }
  });
}

// ECR evaluates a preview in the background: read it until COMPLETE, a few seconds at most.
const PREVIEW_POLLS = 20;
const PREVIEW_INTERVAL_MS = 500;

/**
 * Which images a policy text would expire, from ECR's own evaluation (Start then
 * GetLifecyclePolicyPreview). Changes nothing in the repository.
 */
export async function previewLifecyclePolicy(conn: ConnectionSettings, region: string, name: string, policyText: string): Promise<ExpiringImage[]> {
  const client = awsClient(conn, region, "ecr");
  await guarded(conn, "ecr", "StartLifecyclePolicyPreview", () => client.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: name, lifecyclePolicyText: policyText })));
  for (let i = 0; i < PREVIEW_POLLS; i++) {
    const out = await guarded(conn, "ecr", "GetLifecyclePolicyPreview", () => client.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: name, maxResults: 100 })));
    if (out.status === "COMPLETE") {
      const images = [...(out.previewResults ?? [])];
      let token = out.nextToken;
      while (token && images.length < 10_000) {
        const page = await guarded(conn, "ecr", "GetLifecyclePolicyPreview", () => client.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: name, maxResults: 100, nextToken: token })));
        images.push(...(page.previewResults ?? []));
        token = page.nextToken;
      }
      return images.map((r) => ({ digest: r.imageDigest ?? "", tags: r.imageTags ?? [], pushedAt: r.imagePushedAt?.toISOString() ?? null, rule: r.appliedRulePriority ?? null }));
    }
    if (out.status === "FAILED" || out.status === "EXPIRED") {
      throw new AwsOperationError(`ECR could not preview the policy (${out.status.toLowerCase()}). Try again.`, { code: "PreviewNotComplete", service: "ecr", operation: "GetLifecyclePolicyPreview", retryable: true });
    }
    await new Promise((r) => setTimeout(r, PREVIEW_INTERVAL_MS));
  }
  throw new AwsOperationError("ECR is still evaluating the preview. Try again in a moment.", { code: "PreviewNotComplete", service: "ecr", operation: "GetLifecyclePolicyPreview", retryable: true });
}
