import { describe, expect, it } from "vitest";
import { changePasswordSchema, resetPasswordSchema } from "./schema";

describe("password forms", () => {
  it("change password: the new one twice, different from the current one", () => {
    const ok = { currentPassword: "old one", newPassword: "harbor tulip gravel", confirmPassword: "harbor tulip gravel" };
    expect(changePasswordSchema.safeParse(ok).success).toBe(true);
    const differ = changePasswordSchema.safeParse({ ...ok, confirmPassword: "harbor tulip grave" });
    expect(differ.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirmPassword", "The two new passwords differ."]]);
    const same = changePasswordSchema.safeParse({ ...ok, currentPassword: ok.newPassword });
    expect(same.error?.issues.map((i) => i.path.join("."))).toEqual(["newPassword"]);
    const short = changePasswordSchema.safeParse({ ...ok, newPassword: "short", confirmPassword: "short" });
    expect(short.error?.issues[0]?.message).toBe("Use at least 12 characters.");
  });

  it("reset password: empty means generate, otherwise at least 12 characters", () => {
    expect(resetPasswordSchema.parse({ userId: "u1", newPassword: "" })).toEqual({ userId: "u1", newPassword: undefined });
    expect(resetPasswordSchema.parse({ userId: "u1" })).toEqual({ userId: "u1", newPassword: undefined });
    expect(resetPasswordSchema.parse({ userId: "u1", newPassword: "harbor tulip gravel" }).newPassword).toBe("harbor tulip gravel");
    expect(resetPasswordSchema.safeParse({ userId: "u1", newPassword: "short" }).success).toBe(false);
  });
});
