/**
 * Does a set of IAM policy statements allow what a plan's use of a role needs, and which
 * statement must be added when it does not? A deliberately small evaluator: Allow / Deny,
 * Action / NotAction, Resource / NotResource with IAM's * and ? wildcards, and the condition
 * operators Portside writes (String*, Arn*). A condition it cannot evaluate, or on a key the
 * need does not name, does not count as allowing: a false "missing" is a warning, a false
 * "allowed" would be a denied run.
 */

export type Statement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  Principal?: unknown;
};

export type PolicyDocument = { Version: string; Statement: Statement[] };

/** One thing the role must be able to do: an action on a resource, with the request's condition keys. */
export type Need = { action: string; resource: string; context?: Record<string, string> };

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM's glob: * any run of characters, ? one character. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}

/**
 * A policy document as IAM returns it (GetRolePolicy and GetPolicyVersion answer URL-encoded
 * JSON), or null when it is not one. A single statement object becomes a list of one.
 */
export function parsePolicy(document: string | undefined | null): PolicyDocument | null {
  if (!document) return null;
  try {
    const parsed = JSON.parse(document.trim().startsWith("{") ? document : decodeURIComponent(document)) as { Version?: string; Statement?: Statement | Statement[] };
    const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
    return { Version: parsed.Version ?? "2012-10-17", Statement: statements };
  } catch {
    return null;
  }
}

function conditionHolds(condition: Statement["Condition"], context: Record<string, string>): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      if (actual === undefined) return false;
      const values = list(expected);
      const ok =
        operator === "StringEquals" || operator === "ArnEquals" ? values.includes(actual)
        : operator === "StringEqualsIgnoreCase" ? values.some((v) => v.toLowerCase() === actual.toLowerCase())
        : operator === "StringLike" || operator === "ArnLike" ? values.some((v) => globMatch(v, actual))
        : false;
      if (!ok) return false;
    }
  }
  return true;
}

function applies(s: Statement, need: Need): boolean {
  const actionHit = s.Action !== undefined
    ? list(s.Action).some((a) => globMatch(a, need.action, true))
    : s.NotAction !== undefined && !list(s.NotAction).some((a) => globMatch(a, need.action, true));
  if (!actionHit) return false;
  const resourceHit = s.Resource !== undefined
    ? list(s.Resource).some((r) => globMatch(r, need.resource))
    : s.NotResource !== undefined && !list(s.NotResource).some((r) => globMatch(r, need.resource));
  return resourceHit && conditionHolds(s.Condition, need.context ?? {});
}

/** Allowed by some statement and denied by none. */
export function allows(statements: Statement[], need: Need): boolean {
  if (statements.some((s) => s.Effect === "Deny" && applies(s, need))) return false;
  return statements.some((s) => s.Effect === "Allow" && applies(s, need));
}

/** The needs these statements do not allow, in order. */
export function missingNeeds(statements: Statement[], needs: Need[]): Need[] {
  return needs.filter((n) => !allows(statements, n));
}

/** `document` with `added` appended (a new document when there was none), as IAM takes it. */
export function widenPolicy(document: PolicyDocument | null, added: Statement[]): string {
  return JSON.stringify({ Version: document?.Version ?? "2012-10-17", Statement: [...(document?.Statement ?? []), ...added] });
}

/** "ecs:RunTask on arn:…:task-definition/job:*", for warnings and step descriptions. */
export function describeNeed(need: Need): string {
  const where = Object.entries(need.context ?? {}).map(([k, v]) => `${k} = ${v}`);
  return `${need.action} on ${need.resource}${where.length ? ` (${where.join(", ")})` : ""}`;
}
