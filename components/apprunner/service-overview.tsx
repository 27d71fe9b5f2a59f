import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import type { AppRunnerServiceDetail } from "@/lib/apprunner/reads";
import { cpuUnits, memoryMiB } from "@/lib/apprunner/to-express";
import { cpuLabel, memoryLabel } from "@/lib/apprunner/schema";
import { AppRunnerStatus } from "./status";
import { DomainLink } from "./service-table";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="break-words" data-testid={testId}>{children}</dd>
    </div>
  );
}

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));
const size = (raw: string | null, toUnits: (v: string) => string | undefined, label: (v: string) => string) => {
  const units = raw ? toUnits(raw) : undefined;
  return units ? label(units) : orDash(raw);
};

/** The console's service overview and configuration tabs, as cards. */
export function AppRunnerServiceOverview({ service }: { service: AppRunnerServiceDetail }) {
  const hc = service.healthCheck;
  const sc = service.scaling;
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Service overview" />
        <CardBody>
          <dl className="grid gap-4 md:grid-cols-3">
            <Item label="Status"><AppRunnerStatus status={service.status} data-testid="apprunner-status" /></Item>
            <Item label="Default domain" testId="apprunner-domain"><DomainLink url={service.url} /></Item>
            <Item label="Service ARN"><span className="font-mono text-xs">{service.arn}</span></Item>
            <Item label="Source image" testId="apprunner-image"><span className="font-mono text-xs">{orDash(service.image)}</span></Item>
            <Item label="Port" testId="apprunner-port">{orDash(service.port)}</Item>
            <Item label="Deployment trigger">
              {service.autoDeployments ? "Automatic (on every push to the repository)" : "Manual"}
              {service.imageRepositoryType && <span className="text-ink-muted"> · {service.imageRepositoryType === "ECR_PUBLIC" ? "ECR Public" : "ECR"}</span>}
            </Item>
            <Item label="Created">{service.createdAt ? <RelativeTime date={service.createdAt} /> : "—"}</Item>
            <Item label="Updated">{service.updatedAt ? <RelativeTime date={service.updatedAt} /> : "—"}</Item>
            {service.accessRoleArn && <Item label="ECR access role"><span className="font-mono text-xs">{service.accessRoleArn}</span></Item>}
          </dl>
        </CardBody>
      </Card>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card>
          <CardHeader title="Instance configuration" />
          <CardBody>
            <dl className="space-y-3">
              <Item label="vCPU" testId="apprunner-cpu">{size(service.cpu, cpuUnits, cpuLabel)}</Item>
              <Item label="Memory" testId="apprunner-memory">{size(service.memory, memoryMiB, memoryLabel)}</Item>
              <Item label="Instance role"><span className="font-mono text-xs">{orDash(service.instanceRoleArn)}</span></Item>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Auto scaling" description="Instances App Runner keeps and adds as concurrent requests grow." />
          <CardBody>
            {sc ? (
              <dl className="space-y-3" data-testid="apprunner-scaling">
                <Item label="Configuration">{sc.name}{sc.revision !== null && <span className="text-ink-muted"> · revision {sc.revision}</span>}</Item>
                <Item label="Instances">{orDash(sc.minSize)} to {orDash(sc.maxSize)}</Item>
                <Item label="Concurrency">{orDash(sc.maxConcurrency)} requests per instance</Item>
              </dl>
            ) : (
              <p className="text-ink-muted">No auto scaling configuration reported.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Health check" />
          <CardBody>
            {hc ? (
              <dl className="space-y-3" data-testid="apprunner-health">
                <Item label="Protocol">{hc.protocol}{hc.protocol === "HTTP" && <span className="font-mono"> {hc.path ?? "/"}</span>}</Item>
                <Item label="Interval · timeout">{orDash(hc.interval)} s · {orDash(hc.timeout)} s</Item>
                <Item label="Healthy · unhealthy threshold">{orDash(hc.healthyThreshold)} · {orDash(hc.unhealthyThreshold)}</Item>
              </dl>
            ) : (
              <p className="text-ink-muted">App Runner's default: TCP on the service port.</p>
            )}
          </CardBody>
        </Card>
      </div>

      {service.environment.length > 0 && (
        <Card>
          <CardHeader title="Environment variables" />
          <CardBody>
            <dl className="grid gap-2 md:grid-cols-2">
              {service.environment.map((e) => (
                <div key={e.name} className="flex gap-2 font-mono text-xs">
                  <dt className="font-semibold">{e.name}</dt>
                  <dd className="break-all text-ink-muted">{e.value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
