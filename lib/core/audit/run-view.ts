import { visibleEmail } from "@/lib/core/auth/privacy";
import type { SessionUser } from "@/lib/core/auth/session";
import type { RunWithSteps } from "./runs";

/** A run as the browser receives it: plain JSON, no secrets (runs never hold any). */
export type RunStepView = {
  index: number;
  key: string;
  service: string;
  operation: string;
  description: string;
  status: string;
  request: unknown;
  response: unknown;
  requestId: string | null;
  errorCode: string | null;
  error: string | null;
  progress: string | null;
  startedAt: string | null;
  durationMs: number | null;
};

export type RunView = {
  id: string;
  title: string;
  wizard: string;
  status: string;
  error: string | null;
  region: string;
  connectionName: string;
  userName: string;
  /** Only for admins and the run's own author (lib/core/auth/privacy.ts). */
  userEmail: string | null;
  resources: string[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cleanupOfId: string | null;
  landing: string | null;
  steps: RunStepView[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRunView(run: RunWithSteps, viewer: Pick<SessionUser, "id" | "role">): RunView {
  return {
    id: run.id,
    title: run.title,
    wizard: run.wizard,
    status: run.status,
    error: run.error,
    region: run.region,
    connectionName: run.connection.name,
    userName: run.user.name,
    userEmail: visibleEmail(viewer, run.user),
    resources: run.resources,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    cleanupOfId: run.cleanupOfId,
    landing: (run.plan as { landing?: string }).landing ?? null,
    steps: run.steps.map((s) => ({
      index: s.index,
      key: s.stepKey,
      service: s.service,
      operation: s.operation,
      description: s.description,
      status: s.status,
      request: s.request,
      response: s.response,
      requestId: s.requestId,
      errorCode: s.errorCode,
      error: s.error,
      progress: s.progress,
      startedAt: iso(s.startedAt),
      durationMs: s.durationMs,
    })),
  };
}

export const isFinished = (status: string) => ["succeeded", "failed", "interrupted"].includes(status);
