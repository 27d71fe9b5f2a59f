import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { EventRulesTable } from "@/components/ecs/event-rules/event-rules-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { METRIC_HOURS } from "@/lib/ecs/event-rules/metrics";
import { getRuleMetrics, listEventRules } from "@/lib/ecs/event-rules/reads";

export const metadata: Metadata = { title: "Event rules" };

export default async function EventsPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const rules = await listEventRules(conn, context.region);
    // The counts are a help, not the page: without CloudWatch access the rules still show.
    const metrics = await getRuleMetrics(conn, context.region, rules.map((r) => r.name)).catch(() => null);
    return { rules, metrics };
  });
  return (
    <>
      <PageHeader title="Event rules" description={`EventBridge rules that run ECS tasks or send ECS alerts · ${context.region} · ${context.connectionName}`} />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <EventRulesTable
          rules={result.data!.rules}
          metrics={result.data!.metrics}
          metricHours={METRIC_HOURS}
          canOperate={roleAllows(user.role, "operator")}
          context={{ connectionId: context.connectionId, region: context.region }}
        />
      )}
    </>
  );
}
