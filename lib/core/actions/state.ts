/** What every server action returns; shared by the action and the form rendering it. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, unknown>;
  requestId?: string;
  data?: Record<string, unknown>;
  /** The change needs the password entered again first (lib/core/auth/recent-auth.ts). */
  reauth?: boolean;
  /** With `reauth`: the account signs in with SSO, so it confirms at the identity provider instead. */
  reauthSso?: boolean;
};

export const initialState: ActionState = { ok: false };
