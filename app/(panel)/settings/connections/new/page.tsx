import type { Metadata } from "next";
import { ConnectionForm } from "@/components/settings/connection-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";

export const metadata: Metadata = { title: "Add connection" };

export default async function NewConnectionPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Add connection" breadcrumbs={[{ href: "/settings/connections", label: "Connections" }, { label: "Add" }]} />
      <ConnectionForm
        initial={{ name: "", kind: "default_chain", defaultRegion: "us-east-1", regions: [], endpointUrl: "", profile: "", roleArn: "", externalId: "", accessKeyId: "", hasSecret: false }}
      />
    </>
  );
}
