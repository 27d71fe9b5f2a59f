"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { rolloutProgress } from "@/lib/beanstalk/environments/progress";
import type { EnvironmentView } from "@/lib/beanstalk/environments/reads";
import { HealthBadge } from "./health-badge";

type Props = { application: string; environment: string; initial: EnvironmentView };

const failed = (v: unknown): v is { failure: string } => typeof v === "object" && v !== null && "failure" in v;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** The environment page's live part: overview, health and its causes, instances with their deployment, events. */
export function EnvironmentLive({ application, environment, initial }: Props) {
  const url = `/api/live/beanstalk/${encodeURIComponent(application)}/${encodeURIComponent(environment)}`;
  const { value, status, error, at, pause, resume } = useLiveStream<EnvironmentView>(url, initial);
  const env = value.environment;
  const router = useRouter();
  // The rest of the page (header badge, which actions are open, the versions to deploy) was rendered
  // with the status it had then: render it again when the status or health changes, not on every poll.
  const shown = `${initial.environment?.status}|${initial.environment?.health}|${initial.environment?.versionLabel}`;
  const now = `${env?.status}|${env?.health}|${env?.versionLabel}`;
  useEffect(() => {
    if (env && at !== null && now !== shown) router.refresh();
  }, [env, at, now, shown, router]);
  const instances = failed(value.instances) ? null : value.instances;
  const progress = instances ? rolloutProgress(instances) : null;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <LiveIndicator status={status} at={at} onPause={pause} onResume={resume} />
        {error && <span className="text-xs text-red-700" role="status">{error.message}</span>}
      </div>
      {!env ? (
        <Alert tone="info">This environment is gone (terminated). <Link href="/beanstalk" className="underline">Back to Elastic Beanstalk</Link></Alert>
      ) : (
        <Card>
          <CardHeader title="Overview" actions={<HealthBadge color={env.health} status={env.healthStatus} />} />
          <CardBody>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Fact label="Status"><span data-testid="environment-status"><StatusBadge status={env.status} /></span></Fact>
              <Fact label="URL">{env.url ? <Link href={env.url} target="_blank" rel="noreferrer noopener" className="text-accent-700 hover:underline">{env.cname}</Link> : "—"}</Fact>
              <Fact label="Running version"><span className="font-mono" data-testid="running-version">{env.versionLabel ?? "—"}</span></Fact>
              <Fact label="Platform">{env.platform}</Fact>
              <Fact label="Environment id"><span className="font-mono">{env.id}</span></Fact>
              <Fact label="Last updated">{env.updatedAt ? <RelativeTime date={env.updatedAt} /> : "—"}</Fact>
            </dl>
            {progress && progress.versions.length > 1 && (
              <p className="mt-4 text-sm" role="status" data-testid="rollout-progress">
                Deploying {progress.versionLabel}: {progress.done} of {progress.total} instances done ({progress.versions.map((v) => `${v.count} on ${v.label}`).join(", ")}).
              </p>
            )}
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title="Health and causes" description="Enhanced health: what Elastic Beanstalk sees on the environment and each instance." />
        <CardBody className="space-y-3">
          {failed(value.health) ? (
            <p className="text-sm text-ink-muted">{value.health.failure}</p>
          ) : (
            <>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <HealthBadge color={value.health.color} status={value.health.status} label="Environment health" />
                {Object.entries(value.health.counts).filter(([, n]) => n > 0).map(([k, n]) => <span key={k} className="text-ink-muted">{n} {k}</span>)}
              </div>
              {value.health.causes.length > 0 ? (
                <ul aria-label="Causes" className="list-disc space-y-1 pl-5 text-sm">{value.health.causes.slice(0, 20).map((c, i) => <li key={i}>{c}</li>)}</ul>
              ) : (
                <p className="text-sm text-ink-muted">No causes reported.</p>
              )}
            </>
          )}
          {failed(value.instances) ? (
            <p className="text-sm text-ink-muted">{value.instances.failure}</p>
          ) : value.instances.length === 0 ? (
            <p className="text-sm text-ink-muted">No instances report yet: they appear once Elastic Beanstalk launches them.</p>
          ) : (
            <Table aria-label="Instances">
              <THead>
                <Tr><Th>Instance</Th><Th>Health</Th><Th>Version</Th><Th>Deployment</Th><Th>Causes</Th></Tr>
              </THead>
              <TBody>
                {value.instances.slice(0, 200).map((i) => (
                  <Tr key={i.id}>
                    <Td className="font-mono text-xs">{i.id}<div className="text-ink-muted">{[i.instanceType, i.az].filter(Boolean).join(" · ")}</div></Td>
                    <Td><HealthBadge color={i.color} status={i.status} label={`Health of ${i.id}`} /></Td>
                    <Td className="font-mono text-xs">{i.versionLabel ?? "—"}</Td>
                    <Td className="text-xs">{i.deploymentId !== undefined ? `#${i.deploymentId} ${i.deploymentStatus ?? ""}` : "—"}</Td>
                    <Td className="text-xs">{i.causes.length ? i.causes.join(" ") : "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Events" description="The newest 50, as Elastic Beanstalk writes them; they update live." />
        <CardBody>
          {failed(value.events) ? (
            <p className="text-sm text-ink-muted">{value.events.failure}</p>
          ) : value.events.length === 0 ? (
            <p className="text-sm text-ink-muted">No events yet.</p>
          ) : (
            <ol aria-label="Events" className="space-y-1 text-sm">
              {value.events.map((e, i) => (
                <li key={`${e.at}-${i}`} className="flex gap-3">
                  <span className="w-28 shrink-0 text-xs text-ink-muted"><RelativeTime date={e.at} /></span>
                  <span className={e.severity === "ERROR" || e.severity === "FATAL" ? "text-red-700" : e.severity === "WARN" ? "text-amber-800" : ""}>
                    <span className="sr-only">{e.severity}: </span>{e.message}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
