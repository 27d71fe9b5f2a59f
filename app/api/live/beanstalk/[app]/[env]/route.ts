import { requireUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { authFailure, watchStream } from "@/lib/core/live/sse";
import { decodeSegment } from "@/lib/core/security/segments";
import { applicationNameSchema, environmentNameSchema } from "@/lib/beanstalk/environments/names";
import { environmentViewKey, environmentViewSource } from "@/lib/beanstalk/environments/reads";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ app: string; env: string }> };

/** SSE: one Elastic Beanstalk environment's status, health, instances and events, shared by every viewer. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireUser("viewer", "watch Elastic Beanstalk environments");
  } catch (error) {
    return authFailure(error);
  }
  const working = await loadWorkingConnection();
  if (!working) return new Response("Choose a connection first.", { status: 409 });
  const raw = await params;
  const app = applicationNameSchema.safeParse(decodeSegment(raw.app) ?? "");
  const env = environmentNameSchema.safeParse(decodeSegment(raw.env) ?? "");
  if (!app.success || !env.success) return new Response("Not found.", { status: 404 });
  const { conn, context } = working;
  return watchStream(request, environmentViewKey(conn, context.region, app.data, env.data), environmentViewSource(conn, context.region, app.data, env.data));
}
