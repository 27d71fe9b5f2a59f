import type { Metadata } from "next";
import { ConnectionForm } from "@/components/settings/connection-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getConnectionView } from "@/lib/core/connections/store";
import { NotFoundError } from "@/lib/core/errors";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Edit connection" };

export default async function EditConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const c = await getConnectionView((await params).id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={`Edit ${c.name}`} breadcrumbs={[{ href: "/settings/connections", label: "Connections" }, { label: c.name }]} />
      <ConnectionForm
        initial={{
          id: c.id, name: c.name, kind: c.kind, defaultRegion: c.defaultRegion, regions: c.regions,
          endpointUrl: c.endpointUrl ?? "", profile: c.profile ?? "", roleArn: c.roleArn ?? "", externalId: c.externalId ?? "",
          accessKeyId: c.accessKeyId ?? "", hasSecret: c.hasSecret,
        }}
      />
    </>
  );
}
