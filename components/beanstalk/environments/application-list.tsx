import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { environmentPage } from "@/lib/beanstalk/environments/names";
import type { Application } from "@/lib/beanstalk/environments/reads";
import { HealthBadge } from "./health-badge";

type Props = { applications: Application[]; canCreate: boolean };

const createHref = (app?: string) => `/beanstalk/new${app ? `?application=${encodeURIComponent(app)}` : ""}`;

/** Every application with its environments: health in words and colour, status, platform, URL, version. */
export function ApplicationList({ applications, canCreate }: Props) {
  if (applications.length === 0) {
    return (
      <EmptyState
        title="No Elastic Beanstalk applications in this region"
        description={canCreate ? "Create an environment: Portside creates the application, its first version from your image and a Docker environment." : "Ask an operator to create an environment, or switch region."}
        action={canCreate && <ButtonLink variant="primary" href={createHref()}>Create environment</ButtonLink>}
      />
    );
  }
  return (
    <div className="space-y-4">
      {applications.map((app) => (
        <Card key={app.name}>
          <CardHeader
            title={app.name}
            description={app.description ?? "Elastic Beanstalk application"}
            actions={canCreate && <ButtonLink variant="secondary" size="sm" href={createHref(app.name)} aria-label={`Create environment in ${app.name}`}>Create environment</ButtonLink>}
          />
          {app.environments.length === 0 ? (
            <EmptyState className="m-4" title="No environments" description={canCreate ? "Create one to run a version of this application." : "Ask an operator to create one."} />
          ) : (
            <Table aria-label={`Environments of ${app.name}`}>
              <THead>
                <Tr>
                  <Th>Environment</Th>
                  <Th>Health</Th>
                  <Th>Status</Th>
                  <Th>Platform</Th>
                  <Th>URL</Th>
                  <Th>Running version</Th>
                  <Th>Last updated</Th>
                </Tr>
              </THead>
              <TBody>
                {app.environments.map((e) => (
                  <Tr key={e.id || e.name}>
                    <Td>
                      <Link href={environmentPage(app.name, e.name)} className="font-medium text-accent-700 hover:underline">{e.name}</Link>
                      <div className="font-mono text-xs text-ink-muted">{e.id}</div>
                    </Td>
                    <Td><HealthBadge color={e.health} status={e.healthStatus} label={`Health of ${e.name}`} /></Td>
                    <Td><StatusBadge status={e.status} /></Td>
                    <Td className="text-xs">{e.platform}</Td>
                    <Td className="text-xs [overflow-wrap:anywhere]">{e.url ? <Link href={e.url} target="_blank" rel="noreferrer noopener" className="text-accent-700 hover:underline">{e.cname}</Link> : "—"}</Td>
                    <Td className="font-mono text-xs">{e.versionLabel ?? "—"}</Td>
                    <Td className="text-xs">{e.updatedAt ? <RelativeTime date={new Date(e.updatedAt)} /> : "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      ))}
    </div>
  );
}
