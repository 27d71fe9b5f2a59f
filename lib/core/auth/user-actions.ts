"use server";

import { revalidatePath } from "next/cache";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { hashPassword } from "@/lib/core/auth/password";
import { passwordWeakness } from "@/lib/core/auth/password-policy";
import { endAllSessions } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { createUserSchema, updateUserSchema } from "@/lib/core/auth/schema";
import { defineAction, type ActionState } from "../actions/action";

export const createUserAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage users",
  schema: createUserSchema,
  run: async (input, { user }): Promise<ActionState> => {
    const values = { email: input.email, name: input.name, role: input.role };
    if (await db().user.findUnique({ where: { email: input.email } })) {
      return { ok: false, fieldErrors: { email: [`${input.email} already has an account.`] }, values };
    }
    const weakness = await passwordWeakness(input.password, input);
    if (weakness) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { password: [weakness] }, values };
    await db().user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    });
    await recordAccountEvent({ actor: user, action: "user.create", target: input.email, detail: { role: input.role } });
    revalidatePath("/settings/users");
    return { ok: true, message: `Created ${input.email} as ${input.role}.` };
  },
});

export const updateUserAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage users",
  schema: updateUserSchema,
  run: async (input, { user }) => {
    if (input.userId === user.id && (input.role !== "admin" || input.disabled)) {
      throw new ConflictError("You cannot demote or disable your own account; ask another admin.");
    }
    const before = await db().user.findUnique({ where: { id: input.userId } });
    if (!before) throw new NotFoundError("That user");
    await db().user.update({ where: { id: input.userId }, data: { role: input.role, disabled: input.disabled } });
    if (input.disabled) await endAllSessions(input.userId);
    if (before.role !== input.role || before.disabled !== input.disabled) {
      await recordAccountEvent({
        actor: user,
        action: "user.update",
        target: before.email,
        detail: { role: [before.role, input.role], disabled: [before.disabled, input.disabled] },
      });
    }
    revalidatePath("/settings/users");
    return { ok: true, message: "Saved." };
  },
});
