/** ECS's answers as the timeline reads them (DescribeServiceDeployments, DescribeServiceRevisions). */
type RawSummary = { arn?: string; requestedTaskCount?: number; runningTaskCount?: number; pendingTaskCount?: number; requestedProductionTrafficWeight?: number };
export type RawDeployment = {
  serviceDeploymentArn?: string;
  status?: string;
  statusReason?: string;
  lifecycleStage?: string;
  createdAt?: Date | string;
  startedAt?: Date | string;
  finishedAt?: Date | string;
  targetServiceRevision?: RawSummary;
  sourceServiceRevisions?: RawSummary[];
  deploymentConfiguration?: {
    strategy?: string;
    bakeTimeInMinutes?: number;
    canaryConfiguration?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
    linearConfiguration?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
    [key: string]: unknown;
  };
  alarms?: { status?: string; alarmNames?: string[]; triggeredAlarmNames?: string[] };
  lifecycleHookDetails?: { hookId?: string; targetType?: string; status?: string; expiresAt?: Date | string; timeoutAction?: string }[];
  rollback?: { reason?: string; startedAt?: Date | string; serviceRevisionArn?: string };
};
export type RawRevision = {
  serviceRevisionArn?: string;
  taskDefinition?: string;
  containerImages?: { containerName?: string; image?: string }[];
  loadBalancers?: { targetGroupArn?: string; advancedConfiguration?: { productionListenerRule?: string; alternateTargetGroupArn?: string } }[];
};

export type RevisionView = { arn: string; taskDefinition: string; taskDefinitionArn: string; images: { container: string; image: string }[]; requested: number; running: number; pending: number; weight?: number };
export type TrafficSplit = { ruleArn: string; groups: { targetGroupArn: string; name: string; percent: number }[] };
export type TimelineEntry = {
  arn: string;
  id: string;
  status: string;
  statusReason?: string;
  stage?: string;
  inProgress: boolean;
  createdAt?: string;
  finishedAt?: string;
  strategy: string;
  strategyLabel: string;
  target: RevisionView;
  sources: RevisionView[];
  /** What the deployment changed: the task definition, then each container image that differs. */
  changes: string[];
  rollback?: { reason: string; at?: string; toTaskDefinition?: string };
  productionRule?: string;
  traffic?: TrafficSplit;
  /** deploymentConfiguration as the deployment started with it (what "Roll back to this revision" puts back). */
  deploymentConfiguration: Record<string, unknown>;
  alarms?: { status: string; names: string[]; triggered: string[]; states?: Record<string, string> };
  /** The split's steps as Portside observed them (traffic-store.ts, in Postgres), for the deployment in progress. */
  trafficHistory?: { at: string; green: number; stage: string }[];
  bakeEndsAt?: string;
  /** A pause hook holding the deployment (ContinueServiceDeployment continues it or rolls it back). */
  awaiting?: { hookId: string; expiresAt?: string; timeoutAction: string };
  /** The task definitions' differences beyond the image (diff.ts), when both could be read. */
  diff?: string[];
};

const IN_PROGRESS = new Set(["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED"]);
const iso = (d?: Date | string) => (d ? new Date(d).toISOString() : undefined);
const short = (arn?: string) => (arn ?? "").split("/").pop() ?? "";

/** "Canary 10 % then the rest after 1 min", as the timeline says a deployment's strategy. */
export function strategyLabel(dc: RawDeployment["deploymentConfiguration"]): string {
  switch (dc?.strategy) {
    case "BLUE_GREEN":
      return `Blue/green, bake ${dc.bakeTimeInMinutes ?? 0} min`;
    case "CANARY":
      return `Canary ${dc.canaryConfiguration?.canaryPercent ?? 5} % then the rest after ${dc.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10} min, bake ${dc.bakeTimeInMinutes ?? 0} min`;
    case "LINEAR":
      return `Linear ${dc.linearConfiguration?.stepPercent ?? 10} % every ${dc.linearConfiguration?.stepBakeTimeInMinutes ?? 6} min, bake ${dc.bakeTimeInMinutes ?? 0} min`;
    default:
      return "Rolling update";
  }
}

function revisionView(summary: RawSummary | undefined, revisions: Map<string, RawRevision>): RevisionView {
  const rev = revisions.get(summary?.arn ?? "");
  return {
    arn: summary?.arn ?? "",
    taskDefinition: short(rev?.taskDefinition),
    taskDefinitionArn: rev?.taskDefinition ?? "",
    images: (rev?.containerImages ?? []).map((c) => ({ container: c.containerName ?? "", image: c.image ?? "" })),
    requested: summary?.requestedTaskCount ?? 0,
    running: summary?.runningTaskCount ?? 0,
    pending: summary?.pendingTaskCount ?? 0,
    ...(summary?.requestedProductionTrafficWeight != null ? { weight: summary.requestedProductionTrafficWeight } : {}),
  };
}

/** The changes from `from` to `to`: "web:3 → web:4", "web: nginx:1.26 → nginx:1.27". */
export function changesBetween(from: RevisionView | undefined, to: RevisionView): string[] {
  if (!from) return [`First deployment: ${to.taskDefinition || "unknown revision"}`];
  const out: string[] = [];
  if (from.taskDefinition !== to.taskDefinition) out.push(`${from.taskDefinition} → ${to.taskDefinition}`);
  else out.push(`${to.taskDefinition}, tasks replaced`);
  for (const c of to.images) {
    const before = from.images.find((b) => b.container === c.container)?.image;
    if (before && before !== c.image) out.push(`${c.container}: ${before} → ${c.image}`);
  }
  return out;
}

function awaitingOf(d: RawDeployment): Pick<TimelineEntry, "awaiting"> {
  const hook = IN_PROGRESS.has(d.status ?? "") ? d.lifecycleHookDetails?.find((h) => h.status === "AWAITING_ACTION" && h.hookId) : undefined;
  return hook ? { awaiting: { hookId: hook.hookId!, expiresAt: iso(hook.expiresAt), timeoutAction: hook.timeoutAction ?? "ROLLBACK" } } : {};
}

/** The deployments newest first, each with its revisions, what changed and why it rolled back. */
export function toTimeline(deployments: RawDeployment[], revisions: RawRevision[]): TimelineEntry[] {
  const byArn = new Map(revisions.map((r) => [r.serviceRevisionArn ?? "", r]));
  return deployments
    .map((d) => {
      const target = revisionView(d.targetServiceRevision, byArn);
      const sources = (d.sourceServiceRevisions ?? []).map((s) => revisionView(s, byArn));
      const rule = byArn.get(d.targetServiceRevision?.arn ?? "")?.loadBalancers?.find((l) => l.advancedConfiguration?.productionListenerRule)?.advancedConfiguration?.productionListenerRule;
      const strategy = d.deploymentConfiguration?.strategy ?? "ROLLING";
      return {
        arn: d.serviceDeploymentArn ?? "",
        id: short(d.serviceDeploymentArn),
        status: d.status ?? "UNKNOWN",
        statusReason: d.statusReason,
        stage: d.lifecycleStage,
        inProgress: IN_PROGRESS.has(d.status ?? ""),
        createdAt: iso(d.createdAt),
        finishedAt: iso(d.finishedAt),
        strategy,
        strategyLabel: strategyLabel(d.deploymentConfiguration),
        target,
        sources,
        changes: changesBetween(sources[0], target),
        ...(d.rollback?.reason
          ? { rollback: { reason: d.rollback.reason, at: iso(d.rollback.startedAt), toTaskDefinition: short(byArn.get(d.rollback.serviceRevisionArn ?? "")?.taskDefinition) || undefined } }
          : {}),
        ...(strategy !== "ROLLING" && rule ? { productionRule: rule } : {}),
        deploymentConfiguration: (d.deploymentConfiguration ?? {}) as Record<string, unknown>,
        ...awaitingOf(d),
        ...(d.alarms?.alarmNames?.length ? { alarms: { status: d.alarms.status ?? "MONITORING", names: d.alarms.alarmNames, triggered: d.alarms.triggeredAlarmNames ?? [] } } : {}),
      };
    })
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}
