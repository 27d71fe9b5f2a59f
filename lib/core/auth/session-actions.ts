"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { endOtherSessions, endOwnSession } from "@/lib/core/auth/session";
import { plural } from "@/lib/core/format/plural";
import { defineAction } from "../actions/action";

/** Ends one of your own sessions (a browser left signed in elsewhere). */
export const endSessionAction = defineAction({
  role: "viewer",
  does: "end your sessions",
  schema: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { user }) => {
    const ended = await endOwnSession(user.id, sessionId);
    if (ended) await recordAccountEvent({ actor: user, action: "session.end", target: user.email, detail: { endedSessions: 1 } });
    revalidatePath("/settings/account");
    return { ok: true, message: ended ? "Signed that session out." : "That session had already ended." };
  },
});

/** Ends every session of yours but this one. */
export const endOtherSessionsAction = defineAction({
  role: "viewer",
  does: "end your sessions",
  schema: z.object({}),
  run: async (_input, { user }) => {
    const ended = await endOtherSessions(user.id);
    if (ended > 0) await recordAccountEvent({ actor: user, action: "session.end", target: user.email, detail: { endedSessions: ended } });
    revalidatePath("/settings/account");
    return { ok: true, message: ended === 0 ? "No other session was signed in." : `Signed out ${plural(ended, "other session")}.` };
  },
});
