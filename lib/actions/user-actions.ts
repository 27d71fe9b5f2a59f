"use server";

import { revalidatePath } from "next/cache";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { createUserSchema, updateUserSchema } from "@/lib/validation/auth";
import { defineAction } from "./action";

export const createUserAction = defineAction({
  role: "admin",
  does: "manage users",
  schema: createUserSchema,
  run: async (input) => {
    if (await db().user.findUnique({ where: { email: input.email } })) {
      return { ok: false, fieldErrors: { email: [`${input.email} already has an account.`] } };
    }
    await db().user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    });
    revalidatePath("/settings/users");
    return { ok: true, message: `Created ${input.email} as ${input.role}.` };
  },
});

export const updateUserAction = defineAction({
  role: "admin",
  does: "manage users",
  schema: updateUserSchema,
  run: async (input, { user }) => {
    if (input.userId === user.id && (input.role !== "admin" || input.disabled)) {
      throw new ConflictError("You cannot demote or disable your own account; ask another admin.");
    }
    await db().user.update({ where: { id: input.userId }, data: { role: input.role, disabled: input.disabled } });
    if (input.disabled) await db().session.deleteMany({ where: { userId: input.userId } });
    revalidatePath("/settings/users");
    return { ok: true, message: "Saved." };
  },
});
