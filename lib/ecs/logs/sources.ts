/**
 * Where a task's containers log, read from the task definition's awslogs configuration.
 * The awslogs driver names a stream `prefix/container/taskId`, so a task's stream is known exactly
 * and a service's streams share the prefix `prefix/container/` (its stopped tasks' streams included).
 */
export type ContainerLogSource = {
  container: string;
  group: string;
  /** awslogs-region; null when the driver uses the task's own region. */
  region: string | null;
  /** awslogs-stream-prefix; without it the stream is named after the Docker container id. */
  prefix: string | null;
  essential: boolean;
};

export type ContainerDefinitionLike = {
  name?: string;
  essential?: boolean;
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
};

/** Which logs a viewer reads: one task's stream, or every stream a service's tasks wrote. */
export type LogScope = { kind: "service" } | { kind: "task"; taskId: string };

/** What FilterLogEvents / StartLiveTail are asked for within a group. */
export type StreamSelection = { names?: string[]; prefix?: string };

/** The containers that log with awslogs, essential ones first (what an operator usually wants). */
export function logSourcesOf(containerDefinitions: ContainerDefinitionLike[] | undefined): ContainerLogSource[] {
  const out: ContainerLogSource[] = [];
  for (const c of containerDefinitions ?? []) {
    const options = c.logConfiguration?.options ?? {};
    if (c.logConfiguration?.logDriver !== "awslogs" || !options["awslogs-group"] || !c.name) continue;
    out.push({
      container: c.name,
      group: options["awslogs-group"],
      region: options["awslogs-region"] || null,
      prefix: options["awslogs-stream-prefix"] || null,
      essential: c.essential !== false,
    });
  }
  return out.sort((a, b) => Number(b.essential) - Number(a.essential));
}

/** Containers that log elsewhere (another driver or none): named in the picker's explanation. */
export function containersWithoutAwslogs(containerDefinitions: ContainerDefinitionLike[] | undefined): string[] {
  const logged = new Set(logSourcesOf(containerDefinitions).map((s) => s.container));
  return (containerDefinitions ?? []).map((c) => c.name ?? "").filter((n) => n && !logged.has(n));
}

/** The id at the end of a task ARN (or the id itself). */
export function taskIdOf(taskArnOrId: string): string {
  return taskArnOrId.split("/").pop() ?? taskArnOrId;
}

/**
 * The streams of one container for a scope. Without a stream prefix a task's stream cannot be
 * named (it is the Docker container id), so the whole group is read.
 */
export function streamSelection(source: ContainerLogSource, scope: LogScope): StreamSelection {
  if (!source.prefix) return {};
  if (scope.kind === "task") return { names: [`${source.prefix}/${source.container}/${scope.taskId}`] };
  return { prefix: `${source.prefix}/${source.container}/` };
}

/** Whether a stream belongs to the selection (some endpoints ignore logStreamNamePrefix). */
export function streamMatches(selection: StreamSelection, stream: string): boolean {
  if (selection.names) return selection.names.includes(stream);
  if (selection.prefix) return stream.startsWith(selection.prefix);
  return true;
}

/** Short label of a stream in a viewer: the task id for awslogs streams, else the stream name. */
export function streamLabel(stream: string): string {
  const parts = stream.split("/");
  return parts.length >= 3 ? parts[parts.length - 1]! : stream;
}
