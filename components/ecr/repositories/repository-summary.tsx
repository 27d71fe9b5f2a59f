import { Card, CardBody } from "@/components/ui/card";
import { formatBytes } from "@/lib/core/format/bytes";
import { utcMinute } from "@/lib/core/format/utc";
import type { RepositorySummary as Repository } from "@/lib/ecr/repositories/reads";
import { mutabilityLabel } from "./repository-table";

/** The repository's settings as the console's General information panel shows them. */
export function RepositorySummary({ repository, imageCount, totalSize }: { repository: Repository; imageCount: number; totalSize: number }) {
  const rows: [string, React.ReactNode][] = [
    ["URI", <span key="uri" className="font-mono text-xs wrap-anywhere">{repository.uri}</span>],
    ["Created", utcMinute(repository.createdAt)],
    ["Tag mutability", `${mutabilityLabel(repository.tagMutability)}${repository.exclusionFilters.length ? ` (except ${repository.exclusionFilters.join(", ")})` : ""}`],
    ["Scan on push", repository.scanOnPush ? "On" : "Off"],
    ["Encryption", repository.encryption === "KMS" ? `AWS KMS${repository.kmsKey ? ` · ${repository.kmsKey}` : ""}` : "AES-256"],
    ["Images", `${imageCount} · ${formatBytes(totalSize)}`],
  ];
  return (
    <Card>
      <CardBody>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Repository settings">
          {rows.map(([term, value]) => (
            <div key={term} className="min-w-0">
              <dt className="text-xs text-ink-muted">{term}</dt>
              <dd className="text-sm">{value}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
