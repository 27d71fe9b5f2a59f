import { z } from "zod";
import { ROLES } from "@/lib/core/auth/roles";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the email address of your Portside account."),
  password: z.string().min(1, "Enter your password."),
});

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address."),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  role: z.enum(ROLES, { message: "Pick a role." }),
  password: z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters."),
});

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES, { message: "Pick a role." }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

// Length is checked here, as you type; how guessable a password is needs the dictionaries, so
// lib/core/auth/password-policy checks that in the action, on the server.
const chosenPassword = z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters.");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: chosenPassword,
    confirmPassword: z.string(),
  })
  .refine((d) => d.confirmPassword === d.newPassword, { path: ["confirmPassword"], message: "The two new passwords differ." })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "Choose a password other than your current one." });

export const resetPasswordSchema = z.object({
  userId: z.string().min(1),
  // Empty: Portside generates one and shows it once.
  newPassword: z.union([z.literal(""), chosenPassword]).optional().transform((v) => v || undefined),
});

export const totpCodeSchema = z.object({
  code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code your authenticator app shows."),
});

export const resetTwoFactorSchema = z.object({ userId: z.string().min(1).max(100) });
