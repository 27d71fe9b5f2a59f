import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the email address of your Portside account."),
  password: z.string().min(1, "Enter your password."),
});

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address."),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  role: z.enum(ROLES, { message: "Pick a role." }),
  password: z.string().min(12, "Use at least 12 characters."),
});

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES, { message: "Pick a role." }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
