import { MAX_POLICY_LENGTH, rulesSchema, tagList, type Rule, type RuleInput } from "./schema";

export class PolicyTextError extends Error {}

/** The rules as ECR's lifecycle policy JSON. */
export function toPolicyText(rules: Rule[]): string {
  return JSON.stringify(
    {
      rules: [...rules]
        .sort((a, b) => a.priority - b.priority)
        .map((r) => {
          const tags = tagList(r.tags);
          return {
            rulePriority: r.priority,
            ...(r.description ? { description: r.description } : {}),
            selection: {
              tagStatus: r.tagStatus,
              ...(r.tagStatus === "tagged" ? { [r.tagMatch === "prefix" ? "tagPrefixList" : "tagPatternList"]: tags } : {}),
              countType: r.countType,
              ...(r.countType === "sinceImagePushed" ? { countUnit: "days" } : {}),
              countNumber: r.countNumber,
            },
            action: { type: "expire" },
          };
        }),
    },
    null,
    2,
  );
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : null);

/**
 * ECR lifecycle policy JSON → the editor's rules, checked as ECR checks them; a PolicyTextError
 * says what is wrong. Bounded: the text's length first, then the rule count, before anything else.
 */
export function fromPolicyText(text: string): Rule[] {
  if (typeof text !== "string" || text.length > MAX_POLICY_LENGTH) throw new PolicyTextError(`A lifecycle policy is at most ${MAX_POLICY_LENGTH.toLocaleString("en-US")} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PolicyTextError("The policy is not valid JSON.");
  }
  const rules = obj(parsed).rules;
  if (!Array.isArray(rules)) throw new PolicyTextError('The policy needs a "rules" list.');
  if (rules.length > 50) throw new PolicyTextError("At most 50 rules.");
  const inputs: RuleInput[] = rules.map((raw, i) => {
    const rule = obj(raw);
    const sel = obj(rule.selection);
    const action = obj(rule.action);
    if (action.type !== "expire") throw new PolicyTextError(`Rule ${i + 1}: the only action is {"type": "expire"}.`);
    const prefixes = sel.tagPrefixList === undefined ? null : strings(sel.tagPrefixList);
    const patterns = sel.tagPatternList === undefined ? null : strings(sel.tagPatternList);
    if ((sel.tagPrefixList !== undefined && !prefixes) || (sel.tagPatternList !== undefined && !patterns)) throw new PolicyTextError(`Rule ${i + 1}: tag lists hold strings.`);
    if (prefixes && patterns) throw new PolicyTextError(`Rule ${i + 1}: use tagPrefixList or tagPatternList, not both.`);
    if (sel.countType === "sinceImagePushed" && sel.countUnit !== "days") throw new PolicyTextError(`Rule ${i + 1}: sinceImagePushed needs "countUnit": "days".`);
    if (sel.countType === "imageCountMoreThan" && sel.countUnit !== undefined) throw new PolicyTextError(`Rule ${i + 1}: imageCountMoreThan takes no countUnit.`);
    return {
      priority: rule.rulePriority as number,
      description: typeof rule.description === "string" ? rule.description : "",
      tagStatus: sel.tagStatus as Rule["tagStatus"],
      tagMatch: patterns ? "pattern" : "prefix",
      tags: (patterns ?? prefixes ?? []).join(", "),
      countType: sel.countType as Rule["countType"],
      countNumber: sel.countNumber as number,
    };
  });
  const checked = rulesSchema.safeParse(inputs);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const at = typeof issue.path[0] === "number" ? `Rule ${issue.path[0] + 1}: ` : "";
    throw new PolicyTextError(`${at}${issue.message}`);
  }
  return checked.data;
}
