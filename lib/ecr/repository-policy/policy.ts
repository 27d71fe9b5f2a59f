// A repository policy checked as IAM checks a resource policy, before any AWS call: bounded first
// (text length, then statement count and nesting), then its shape, statement by statement.

/** ECR keeps a repository policy of at most 10,240 characters. */
export const MAX_POLICY_TEXT = 10_240;
const MAX_STATEMENTS = 100;
const MAX_DEPTH = 6;
const MAX_LIST = 100;
const VERSIONS = ["2012-10-17", "2008-10-17"];
const STATEMENT_KEYS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const ECR_ACTION = /^ecr:[A-Za-z*?]{1,128}$/;
const AWS_PRINCIPAL = /^(?:\*|\d{12}|arn:aws[a-z-]*:(?:iam::\d{12}:(?:root|(?:role|user|group)\/[\w+=,.@/-]{1,512})|sts::\d{12}:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+))$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]{1,128}\.amazonaws\.com(?:\.cn)?$/;
const CONDITION_OPERATOR = /^(?:ForAnyValue:|ForAllValues:)?[A-Za-z]{1,64}$/;
const SID = /^[A-Za-z0-9]{0,128}$/;

/** One thing wrong with the policy, said so a person can fix it. */
export class PolicyProblem extends Error {}

export type RepositoryPolicy = { Version: string; Statement: Record<string, unknown>[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function depth(v: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (Array.isArray(v)) return v.reduce<number>((m, x) => Math.max(m, depth(x, level + 1)), level);
  if (isObject(v)) return Object.values(v).reduce<number>((m, x) => Math.max(m, depth(x, level + 1)), level);
  return level;
}

/** A string or a non-empty list of strings (IAM takes either), as a list. */
function stringList(v: unknown, at: string, what: string): string[] {
  const list = typeof v === "string" ? [v] : v;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_LIST || !list.every((s) => typeof s === "string")) {
    throw new PolicyProblem(`${at}: ${what} is a string or a list of up to ${MAX_LIST} strings.`);
  }
  return list as string[];
}

function checkPrincipal(v: unknown, at: string, key: string) {
  if (v === "*") return;
  if (!isObject(v) || Object.keys(v).length === 0) throw new PolicyProblem(`${at}: ${key} is "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.`);
  for (const [kind, value] of Object.entries(v)) {
    if (!PRINCIPAL_KEYS.has(kind)) throw new PolicyProblem(`${at}: ${key} takes AWS, Service, Federated or CanonicalUser, not "${kind.slice(0, 40)}".`);
    for (const p of stringList(value, at, `${key}.${kind}`)) {
      if (kind === "AWS" && !AWS_PRINCIPAL.test(p)) throw new PolicyProblem(`${at}: "${p.slice(0, 80)}" is not an account ID or IAM ARN (arn:aws:iam::111122223333:root, …:role/name).`);
      if (kind === "Service" && !SERVICE_PRINCIPAL.test(p)) throw new PolicyProblem(`${at}: "${p.slice(0, 80)}" is not a service principal such as codebuild.amazonaws.com.`);
    }
  }
}

function checkCondition(v: unknown, at: string) {
  if (!isObject(v)) throw new PolicyProblem(`${at}: Condition is an object of operators, e.g. {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}.`);
  for (const [operator, block] of Object.entries(v)) {
    if (!CONDITION_OPERATOR.test(operator)) throw new PolicyProblem(`${at}: "${operator.slice(0, 40)}" is not a condition operator.`);
    if (!isObject(block) || Object.keys(block).length === 0) throw new PolicyProblem(`${at}: Condition ${operator} needs keys and values.`);
    for (const [key, value] of Object.entries(block)) {
      const values = Array.isArray(value) ? value : [value];
      if (key.length > 256 || values.length === 0 || values.length > MAX_LIST || !values.every((x) => ["string", "boolean", "number"].includes(typeof x))) {
        throw new PolicyProblem(`${at}: Condition ${operator} ${key.slice(0, 40)} takes a value or a list of values.`);
      }
    }
  }
}

function checkStatement(s: unknown, i: number, sids: Set<string>) {
  const at = `Statement ${i + 1}`;
  if (!isObject(s)) throw new PolicyProblem(`${at} is not an object.`);
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) throw new PolicyProblem(`${at}: unknown key "${key.slice(0, 40)}".`);
  if (s.Sid !== undefined) {
    if (typeof s.Sid !== "string" || !SID.test(s.Sid)) throw new PolicyProblem(`${at}: Sid uses letters and digits only.`);
    if (s.Sid && sids.has(s.Sid)) throw new PolicyProblem(`${at}: Sid "${s.Sid}" is used by another statement.`);
    sids.add(s.Sid);
  }
  if (s.Effect !== "Allow" && s.Effect !== "Deny") throw new PolicyProblem(`${at}: Effect is "Allow" or "Deny".`);
  const principalKey = s.Principal !== undefined ? "Principal" : s.NotPrincipal !== undefined ? "NotPrincipal" : null;
  if (!principalKey || (s.Principal !== undefined && s.NotPrincipal !== undefined)) throw new PolicyProblem(`${at}: a repository policy names who it applies to: give Principal (or NotPrincipal).`);
  checkPrincipal(s[principalKey], at, principalKey);
  const actionKey = s.Action !== undefined ? "Action" : s.NotAction !== undefined ? "NotAction" : null;
  if (!actionKey || (s.Action !== undefined && s.NotAction !== undefined)) throw new PolicyProblem(`${at}: give Action (or NotAction), e.g. "ecr:BatchGetImage".`);
  for (const a of stringList(s[actionKey], at, actionKey)) {
    if (!ECR_ACTION.test(a)) throw new PolicyProblem(`${at}: "${a.slice(0, 80)}" is not an ecr: action (a repository policy grants only ecr: actions, e.g. ecr:BatchGetImage or ecr:*).`);
  }
  if (s.Condition !== undefined) checkCondition(s.Condition, at);
}

/** The policy text as ECR would take it; a PolicyProblem says what is wrong. */
export function parseRepositoryPolicy(text: string): RepositoryPolicy {
  if (typeof text !== "string" || text.trim().length === 0) throw new PolicyProblem("Enter the policy JSON.");
  if (text.length > MAX_POLICY_TEXT) throw new PolicyProblem(`A repository policy is at most ${MAX_POLICY_TEXT.toLocaleString("en-US")} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PolicyProblem("The policy is not valid JSON.");
  }
  if (!isObject(parsed)) throw new PolicyProblem('The policy is a JSON object with "Version" and "Statement".');
  if (depth(parsed) > MAX_DEPTH) throw new PolicyProblem(`The policy nests deeper than ${MAX_DEPTH} levels.`);
  for (const key of Object.keys(parsed)) if (!["Version", "Id", "Statement"].includes(key)) throw new PolicyProblem(`Unknown top-level key "${key.slice(0, 40)}": a policy has Version, Id and Statement.`);
  if (typeof parsed.Version !== "string" || !VERSIONS.includes(parsed.Version)) throw new PolicyProblem('Version is "2012-10-17".');
  const statements = isObject(parsed.Statement) ? [parsed.Statement] : parsed.Statement;
  if (!Array.isArray(statements) || statements.length === 0) throw new PolicyProblem("Statement is a list of at least one statement.");
  if (statements.length > MAX_STATEMENTS) throw new PolicyProblem(`At most ${MAX_STATEMENTS} statements.`);
  const sids = new Set<string>();
  statements.forEach((s, i) => checkStatement(s, i, sids));
  return { Version: parsed.Version, Statement: statements as Record<string, unknown>[] };
}

/** The problem with the text, or null when ECR would take it. */
export function policyProblem(text: string): string | null {
  try {
    parseRepositoryPolicy(text);
    return null;
  } catch (error) {
    if (error instanceof PolicyProblem) return error.message;
    throw error;
  }
}
