import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/core/auth/guard";
import type { RoleName } from "@/lib/core/auth/roles";
import type { SessionUser } from "@/lib/core/auth/session";
import { AwsOperationError, isDomainError } from "@/lib/core/errors";
import { FormFieldError, formDataToObject } from "@/lib/core/validation/form-data";

import type { ActionState } from "./state";
import { REAUTH_MESSAGE, REAUTH_SSO_MESSAGE, recentlyVerified } from "@/lib/core/auth/recent-auth";

export type { ActionState };

/** zod issues → { "tags.0.key": ["…"] }, keyed by the same dotted names the form uses. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Values are echoed back to refill a form after an error; secrets never go back to the browser.
function echoable(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/secret|password/i.test(k)));
}

/**
 * The one way to define a server action: authenticate, check the role, parse the
 * form with the feature's zod schema, then run. Domain errors become messages;
 * anything else is logged and shown generically. Redirects pass through.
 */
export function defineAction<S extends z.ZodType>(opts: {
  role: RoleName;
  /** Used in "Your role cannot <does>". */
  does: string;
  schema: S;
  /** A sensitive change: the password must have been entered in this session lately. */
  fresh?: boolean;
  run: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<ActionState | void>;
}) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    // The session first: an anonymous or under-privileged request is refused before a byte
    // of its body is read, with the same answer whatever it carries.
    let user: SessionUser;
    try {
      user = await requireUser(opts.role, opts.does);
    } catch (error) {
      unstable_rethrow(error);
      if (isDomainError(error)) return { ok: false, message: error.message };
      console.error(`[action] ${opts.does}: session check failed`, error);
      return { ok: false, message: "Something went wrong on the server; the error is in its log." };
    }
    if (opts.fresh && !recentlyVerified(user)) {
      if (user.sso) return { ok: false, reauth: true, reauthSso: true, message: REAUTH_SSO_MESSAGE };
      return { ok: false, reauth: true, message: REAUTH_MESSAGE };
    }
    let fields: Record<string, unknown>;
    try {
      fields = formDataToObject(form);
    } catch (error) {
      if (error instanceof FormFieldError) return { ok: false, message: error.message, fieldErrors: { _form: [error.message] } };
      throw error;
    }
    const values = echoable(fields);
    try {
      const parsed = opts.schema.safeParse(fields);
      if (!parsed.success) {
        return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
      }
      return (await opts.run(parsed.data, { user })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AwsOperationError) {
        return { ok: false, message: error.message, requestId: error.details.requestId, values };
      }
      if (isDomainError(error)) return { ok: false, message: error.message, values };
      console.error(`[action] ${opts.does} failed`, error);
      return { ok: false, message: "Something went wrong on the server; the error is in its log.", values };
    }
  };
}
