import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { HostFilter } from "@/components/hosts/host-filter";
import { HostTable } from "@/components/hosts/host-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listHosts } from "@/lib/hosts/reads";
import { hostFilterSchema } from "@/lib/hosts/schema";

export const metadata: Metadata = { title: "EC2 hosts" };

type Props = { searchParams: Promise<{ tagKey?: string; tagValue?: string }> };

export default async function HostsPage({ searchParams }: Props) {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const raw = await searchParams;
  const parsed = hostFilterSchema.safeParse({ tagKey: typeof raw.tagKey === "string" ? raw.tagKey : "", tagValue: typeof raw.tagValue === "string" ? raw.tagValue : "" });
  const filter = parsed.success ? parsed.data : { tagKey: "", tagValue: "" };
  const result = await attempt(() => listHosts(conn, context.region, filter));
  const canLaunch = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="EC2 Docker hosts"
        description={`Single instances running one container with Docker · ${context.region}`}
        actions={canLaunch && <ButtonLink variant="primary" href="/ec2/hosts/new">Launch host</ButtonLink>}
      />
      <HostFilter tagKey={filter.tagKey} tagValue={filter.tagValue} />
      {!parsed.success && <p role="alert" className="mb-4 text-sm text-red-700">That tag is not one AWS accepts (keys up to 128, values up to 256 letters, digits, spaces and _ . : / = + - @); showing Portside&apos;s hosts only.</p>}
      {result.error ? <AwsErrorAlert error={result.error} /> : <HostTable hosts={result.data!} canLaunch={canLaunch} filter={filter} />}
    </>
  );
}
