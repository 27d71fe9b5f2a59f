"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCallerIdentity } from "@/lib/core/aws/sts";
import { getConnectionSettings, recordConnectionTest, saveConnection } from "@/lib/core/connections/store";
import { setWorkingContext } from "@/lib/core/connections/context";
import { AwsOperationError } from "@/lib/core/errors";
import { connectionSchema } from "@/lib/core/connections/schema";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { db } from "@/lib/core/db/client";
import { defineAction } from "../actions/action";
import { connectionChange } from "./change";

export const saveConnectionAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage connections",
  schema: connectionSchema,
  run: async (input, { user }) => {
    const before = input.id ? await db().connection.findUnique({ where: { id: input.id } }) : null;
    const saved = await saveConnection(input);
    await recordAccountEvent({
      actor: user,
      action: before ? "connection.update" : "connection.create",
      target: saved.name,
      detail: connectionChange(before, saved, saved.secretCipher !== (before?.secretCipher ?? null)),
    });
    revalidatePath("/settings/connections");
    return { ok: true, message: `Saved connection "${saved.name}".`, data: { id: saved.id } };
  },
});

export const testConnectionAction = defineAction({
  role: "viewer",
  does: "test connections",
  schema: z.object({ connectionId: z.string().min(1), region: z.string().optional() }),
  run: async ({ connectionId, region }) => {
    const conn = await getConnectionSettings(connectionId);
    try {
      const who = await getCallerIdentity(conn, region || conn.defaultRegion);
      const info = `Account ${who.account} · ${who.arn}`;
      await recordConnectionTest(conn.id, true, info);
      revalidatePath("/settings/connections");
      return { ok: true, message: info, data: who };
    } catch (error) {
      if (error instanceof AwsOperationError) await recordConnectionTest(conn.id, false, error.message);
      revalidatePath("/settings/connections");
      throw error;
    }
  },
});

export const switchContextAction = defineAction({
  role: "viewer",
  does: "switch connection",
  schema: z.object({ connectionId: z.string().min(1), region: z.string().min(1), returnTo: z.string().default("/") }),
  run: async ({ connectionId, region }) => {
    await setWorkingContext(connectionId, region);
    revalidatePath("/", "layout");
    return { ok: true };
  },
});
