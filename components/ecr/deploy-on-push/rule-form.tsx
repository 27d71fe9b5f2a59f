"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { createRuleAction, updateRuleAction } from "@/lib/ecr/deploy-on-push/actions";
import type { RuleTarget } from "@/lib/ecr/deploy-on-push/plan";
import { tagPatternSchema } from "@/lib/ecr/deploy-on-push/schema";

export type RuleValues = { id?: string; repository: string; tagPattern: string; mode: "propose" | "auto" };

const MODES = [
  { value: "propose", label: "Propose", description: "A ready deploy plan waits on the service page; someone reviews and runs it." },
  { value: "auto", label: "Deploy automatically", description: "Portside runs the deploy plan itself, recorded in the history with this rule and you as actor." },
];

/**
 * Create or edit one rule. The server validates (the pattern's bounds, the repository, a
 * container of the service that uses it) and answers with errors at the fields; a bad pattern
 * never reaches AWS.
 */
export function RuleForm({ target, repositories, initial, onDone }: { target: RuleTarget; repositories: string[]; initial?: RuleValues; onDone?: () => void }) {
  const editing = Boolean(initial?.id);
  const [state, action, pending] = useActionState(async (prev: typeof initialState, form: FormData) => {
    const result = await (editing ? updateRuleAction : createRuleAction)(prev, form);
    if (result.ok) onDone?.();
    return result;
  }, initialState);
  const prefix = initial?.id ?? "new";
  // The pattern is checked as it is typed with the schema the server applies; the server still decides.
  const [typed, setTyped] = useState<string[] | null>(null);
  const checkPattern = (raw: string) => {
    const result = tagPatternSchema.safeParse(raw);
    setTyped(result.success ? [] : result.error.issues.map((i) => i.message));
  };
  const errors = state.fieldErrors ?? {};
  const patternError = typed ?? errors.tagPattern;
  const value = (k: keyof RuleValues) => String(state.values?.[k] ?? initial?.[k] ?? "");
  return (
    <form action={action} noValidate className="space-y-4" aria-label={editing ? `Edit rule ${initial?.tagPattern}` : "New deploy-on-push rule"}>
      {Object.entries(target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {initial?.id && <input type="hidden" name="ruleId" value={initial.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Repository" htmlFor={`${prefix}-repository`} error={errors.repository} hint="In this connection and region; a container of the service must use it.">
          <Select id={`${prefix}-repository`} name="repository" defaultValue={value("repository")} key={`repo-${value("repository")}`} {...fieldAria(`${prefix}-repository`, errors.repository, true)}>
            <option value="">Pick a repository</option>
            {repositories.map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        </Field>
        <Field label="Tag pattern" htmlFor={`${prefix}-tagPattern`} error={patternError} hint="An exact tag (main) or * for any characters (v*).">
          <Input id={`${prefix}-tagPattern`} name="tagPattern" defaultValue={value("tagPattern")} key={`tag-${value("tagPattern")}`} autoComplete="off" spellCheck={false}
            placeholder="v*" maxLength={300} onChange={(e) => checkPattern(e.target.value)} {...fieldAria(`${prefix}-tagPattern`, patternError, true)} />
        </Field>
      </div>
      <RadioCards name="mode" legend="When a matching tag is pushed" options={MODES} defaultValue={value("mode") || "propose"} key={`mode-${value("mode")}`} />
      {errors.mode && <p className="text-xs font-medium text-red-700" role="alert">{errors.mode.join(" ")}</p>}
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="flex justify-end gap-2">
        {onDone && editing && <Button type="button" variant="secondary" onClick={onDone}>Cancel</Button>}
        <Button type="submit" pending={pending}>{editing ? "Save rule" : "Create rule"}</Button>
      </div>
    </form>
  );
}
