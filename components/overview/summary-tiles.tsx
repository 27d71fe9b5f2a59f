import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { FleetOverview } from "@/lib/ecs/services/fleet";

function Tile({ id, label, value, detail, tone }: { id: string; label: string; value: ReactNode; detail?: ReactNode; tone?: "red" | "yellow" | "blue" }) {
  return (
    <div data-testid={`summary-${id}`} className="rounded-lg border border-line bg-surface px-4 py-3 shadow-xs">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd
        className={cn(
          "mt-1 text-xl font-semibold tabular-nums",
          tone === "red" ? "text-red-700" : tone === "yellow" ? "text-amber-700" : tone === "blue" ? "text-blue-700" : "text-ink",
        )}
      >
        {value}
      </dd>
      {detail && <dd className="mt-0.5 text-xs text-ink-muted">{detail}</dd>}
    </div>
  );
}

/** The fleet at a glance: totals, then what needs a look (red when anything failed). */
export function SummaryTiles({ totals }: { totals: FleetOverview["totals"] }) {
  const failing = totals.counts.failed + totals.counts.failing;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Fleet summary">
      <Tile id="clusters" label="Clusters" value={totals.clusters} />
      <Tile id="services" label="Services" value={totals.services} />
      <Tile id="tasks" label="Tasks running" value={`${totals.running} / ${totals.desired}`} detail={totals.pending ? `${totals.pending} pending` : "desired"} />
      <Tile
        id="failing"
        label="Failing deployments"
        value={failing}
        tone={failing ? "red" : undefined}
        detail={failing ? `${totals.counts.failed} failed · ${totals.counts.failing} with failing tasks` : "none"}
      />
      <Tile
        id="moving"
        label="Deploying or below desired"
        value={totals.counts.rolling + totals.counts.degraded}
        tone={totals.counts.degraded ? "yellow" : totals.counts.rolling ? "blue" : undefined}
        detail={`${totals.counts.rolling} deploying · ${totals.counts.degraded} below desired`}
      />
    </dl>
  );
}
