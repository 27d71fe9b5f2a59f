import { requireUser } from "@/lib/core/auth/guard";
import { getEksCluster } from "@/lib/eks/clusters/reads";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { buildKubeconfig, kubeconfigFileName } from "@/lib/eks/clusters/kubeconfig";
import { AwsOperationError, isDomainError } from "@/lib/core/errors";
import { decodeSegment } from "@/lib/core/security/segments";

export const dynamic = "force-dynamic";

/**
 * The cluster's kubeconfig as a file. It holds no secret (the token comes from
 * `aws eks get-token` on the person's machine), but it names the account's
 * endpoint, so only signed-in users get it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  try {
    await requireUser("viewer", "download kubeconfigs");
  } catch (error) {
    const status = isDomainError(error) && error.name === "UnauthenticatedError" ? 401 : 403;
    return new Response((error as Error).message, { status });
  }
  const name = decodeSegment((await params).name);
  if (name === null) return new Response("Not found.", { status: 404 });
  const working = await loadWorkingConnection();
  if (!working) return new Response("No AWS connection is set up.", { status: 409 });
  const { context, conn } = working;
  try {
    const cluster = await getEksCluster(conn, context.region, name);
    if (!cluster) return new Response(`There is no EKS cluster named ${name} in ${context.region}.`, { status: 404 });
    if (!cluster.endpoint) return new Response(`Cluster ${name} has no endpoint yet; try again once it is ACTIVE.`, { status: 409 });
    const body = buildKubeconfig({ name: cluster.name, arn: cluster.arn, region: context.region, endpoint: cluster.endpoint, certificateAuthority: cluster.certificateAuthority });
    return new Response(body, {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${kubeconfigFileName(cluster.name)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const message = error instanceof AwsOperationError ? error.message : "AWS did not answer.";
    if (!(error instanceof AwsOperationError)) console.error("[kubeconfig] download failed", error);
    return new Response(message, { status: 502 });
  }
}
