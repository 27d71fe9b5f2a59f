import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { LifecycleEditor } from "@/components/ecr/lifecycle/lifecycle-editor";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";
import { PolicyTextError, fromPolicyText } from "@/lib/ecr/lifecycle/policy";
import { getLifecyclePolicy } from "@/lib/ecr/lifecycle/reads";
import type { Rule } from "@/lib/ecr/lifecycle/schema";
import { repositoryPath } from "@/lib/ecr/repositories/paths";
import { getRepository } from "@/lib/ecr/repositories/reads";

type Props = { params: Promise<{ name: string[] }> };

// As on the repository page: more namespace levels than this is no repository name.
const MAX_PARTS = 32;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Lifecycle policy of ${name}`, (await params).name.slice(0, MAX_PARTS).join("%2F"));
}

export default async function LifecyclePage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const parts = (await params).name;
  if (parts.length > MAX_PARTS) notFound();
  const name = parts.map(pageSegment).join("/");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    if (!(await getRepository(conn, context.region, name))) return null;
    return { text: await getLifecyclePolicy(conn, context.region, name) };
  });
  if (!result.error && !result.data) notFound();
  let initial: Rule[] = [];
  let unreadable = "";
  if (result.data?.text) {
    try {
      initial = fromPolicyText(result.data.text);
    } catch (error) {
      if (!(error instanceof PolicyTextError)) throw error;
      unreadable = error.message;
    }
  }
  return (
    <>
      <PageHeader
        title="Lifecycle policy"
        description={`Rules that expire images of ${name} · ${context.region}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { href: repositoryPath(name), label: name }, { label: "Lifecycle policy" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-ink-muted">
            {result.data!.text ? "The rules below are the repository's current policy." : "This repository has no lifecycle policy yet: images stay until deleted. Start from the rule below."}
          </p>
          {unreadable && <Alert tone="warning" title="The current policy cannot be edited here">{unreadable} Its JSON: <code className="font-mono text-xs break-all">{result.data!.text}</code></Alert>}
          <LifecycleEditor context={{ connectionId: context.connectionId, region: context.region, repositoryName: name }} initial={initial} canEdit={roleAllows(user.role, "operator")} />
        </div>
      )}
    </>
  );
}
