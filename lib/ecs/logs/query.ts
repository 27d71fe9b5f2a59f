import "server-only";
import { liveErrorOf } from "@/lib/core/live/sse";
import type { LogViewQuery } from "@/lib/ecs/logs/params";
import { streamSelection, taskIdOf } from "@/lib/ecs/logs/sources";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { serviceLogTarget, taskLogTarget } from "./targets";
import type { LogQuery } from "./live";

export type ResolvedLogQuery =
  | { ok: true; region: string; query: LogQuery; container: string }
  | { ok: false; status: number; message: string };

/**
 * Turns a view (cluster, service or task, container, pattern) into the log group and streams to read,
 * from the task definition's awslogs settings — the browser never names a log group itself.
 */
export async function resolveLogQuery(conn: ConnectionSettings, region: string, view: LogViewQuery): Promise<ResolvedLogQuery> {
  let target;
  try {
    target = view.task ? await taskLogTarget(conn, region, view.cluster, view.task) : await serviceLogTarget(conn, region, view.cluster, view.service!);
  } catch (error) {
    const { message, requestId } = liveErrorOf(error);
    return { ok: false, status: 502, message: requestId ? `${message} (request id ${requestId})` : message };
  }
  if (!target) return { ok: false, status: 404, message: view.task ? `Task ${view.task} is not known in cluster ${view.cluster}.` : `Service ${view.service} does not exist in cluster ${view.cluster}.` };
  const source = view.container ? target.sources.find((s) => s.container === view.container) : target.sources[0];
  if (!source) {
    return { ok: false, status: 404, message: view.container ? `Container ${view.container} does not log to CloudWatch (awslogs) in ${target.taskDefinition}.` : `No container of ${target.taskDefinition} logs to CloudWatch (awslogs).` };
  }
  const scope = view.task ? { kind: "task" as const, taskId: taskIdOf(view.task) } : { kind: "service" as const };
  return { ok: true, region: source.region ?? region, container: source.container, query: { group: source.group, selection: streamSelection(source, scope), pattern: view.pattern } };
}
