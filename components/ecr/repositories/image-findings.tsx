"use client";

import { VirtualTable } from "@/components/ecs/services/virtual-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Td, Th, Tr } from "@/components/ui/table";
import { utcMinute } from "@/lib/core/format/utc";
import type { ImageFindings as Findings } from "@/lib/ecr/repositories/reads";
import { SEVERITIES } from "@/lib/ecr/repositories/severity";

const tone = (s: string) => (s === "CRITICAL" || s === "HIGH" ? "red" : s === "MEDIUM" ? "yellow" : "neutral");

/** The image's last scan: counts by severity, then each finding worst first (virtualized past 100). */
export function ImageFindings({ scan }: { scan: Findings | null }) {
  if (!scan) {
    return <EmptyState title="Not scanned" description="Turn on scan on push for the repository, or start a scan from the AWS console or CLI (aws ecr start-image-scan); the findings appear here." />;
  }
  return (
    <Card>
      <CardHeader title="Vulnerabilities" description={`Basic scan${scan.completedAt ? ` completed ${utcMinute(scan.completedAt)}` : ""}.`} />
      <CardBody className="space-y-3">
        <ul aria-label="Findings by severity" className="flex flex-wrap gap-2">
          {SEVERITIES.filter((s) => s !== "UNDEFINED" || scan.counts[s]).map((s) => <li key={s}><Badge tone={tone(s)}>{scan.counts[s] ?? 0} {s.toLowerCase()}</Badge></li>)}
        </ul>
        {scan.findings.length === 0 ? (
          <p className="text-sm text-ink-muted">The scan found no known vulnerabilities.</p>
        ) : (
          <VirtualTable
            aria-label="Findings"
            rows={scan.findings}
            getKey={(f) => `${f.name}|${f.packageName}|${f.packageVersion}`}
            columns={5}
            estimate={52}
            threshold={100}
            head={<tr><Th>CVE</Th><Th>Severity</Th><Th>Package</Th><Th>Fixed in</Th><Th>Description</Th></tr>}
            renderRow={(f, rowProps) => (
              <Tr key={`${f.name}|${f.packageName}|${f.packageVersion}`} {...rowProps}>
                <Td className="font-mono text-xs whitespace-nowrap">{f.name}</Td>
                <Td><Badge tone={tone(f.severity)}>{f.severity.toLowerCase()}</Badge></Td>
                <Td className="whitespace-nowrap">{f.packageName} <span className="font-mono text-xs text-ink-muted">{f.packageVersion}</span></Td>
                <Td className="font-mono text-xs">{f.fixedIn || <span className="text-ink-faint">not given</span>}</Td>
                <Td className="text-xs text-ink-muted">{f.description}</Td>
              </Tr>
            )}
          />
        )}
        {scan.truncated && <p className="text-xs text-ink-muted">Only the first 5,000 findings are shown.</p>}
      </CardBody>
    </Card>
  );
}
