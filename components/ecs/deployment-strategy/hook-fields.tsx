"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { HOOK_STAGES, PAUSE_STAGES } from "@/lib/ecs/deployment-strategy/fields";
import { MAX_HOOKS, emptyHook, type HookKind, type HookRow } from "@/lib/ecs/deployment-strategy/hooks";

type Props = {
  hooks: HookRow[];
  onChange: (hooks: HookRow[]) => void;
  errorFor: (key: string) => string[] | undefined;
};

const said = (stage: string) => stage.toLowerCase().replaceAll("_", " ");

function Message({ id, error }: { id: string; error?: string[] }) {
  return error ? <p role="alert" id={`${id}-error`} className="text-xs font-medium text-red-700">{error[0]}</p> : null;
}

/**
 * deploymentConfiguration.lifecycleHooks as rows, shared by the service wizard and the
 * "Deployment settings" dialog: a Lambda function ECS calls at its stages (its failure rolls the
 * deployment back), or a pause ECS holds the deployment at until someone continues it. Every
 * row posts as hooks.<i>.<field>.
 */
export function LifecycleHookFields({ hooks, onChange, errorFor }: Props) {
  const update = (i: number, patch: Partial<HookRow>) => onChange(hooks.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const add = (kind: HookKind) => onChange([...hooks, emptyHook(kind)]);
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3" aria-describedby={errorFor("hooks") ? "hooks-error" : undefined}>
      <legend className="px-1 text-[13px] font-medium">Lifecycle hooks (optional)</legend>
      {!hooks.length && (
        <p className="text-xs text-ink-muted">
          No hooks. Add a Lambda hook to run checks at a stage (a failure rolls the deployment back), or a pause hook to hold the
          deployment until you continue it from the live deployment view.
        </p>
      )}
      {hooks.map((h, i) => (
        <HookRow key={i} index={i} hook={h} errorFor={errorFor} set={(patch) => update(i, patch)} remove={() => onChange(hooks.filter((_, j) => j !== i))} />
      ))}
      <Message id="hooks" error={errorFor("hooks")} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" size="sm" disabled={hooks.length >= MAX_HOOKS} onClick={() => add("lambda")}>Add Lambda hook</Button>
        <Button type="button" variant="secondary" size="sm" disabled={hooks.length >= MAX_HOOKS} onClick={() => add("pause")}>Add pause hook</Button>
        <span className="text-xs text-ink-muted">Up to {MAX_HOOKS} hooks. Hooks at the same stage run in this order.</span>
      </div>
    </fieldset>
  );
}

function HookRow({ index, hook, errorFor, set, remove }: { index: number; hook: HookRow; errorFor: Props["errorFor"]; set: (p: Partial<HookRow>) => void; remove: () => void }) {
  const n = index + 1;
  const id = (field: string) => `hooks-${index}-${field}`;
  const key = (field: string) => `hooks.${index}.${field}`;
  const choices = hook.kind === "pause" ? PAUSE_STAGES : HOOK_STAGES;
  const toggle = (stage: string, on: boolean) => set({ stages: on ? HOOK_STAGES.filter((s) => s === stage || hook.stages.includes(s)) : hook.stages.filter((s) => s !== stage) });
  const stagesError = errorFor(key("stages")) ?? hook.stages.map((_, j) => errorFor(key(`stages.${j}`))).find(Boolean);
  return (
    <div role="group" aria-label={`Hook ${n}`} className="space-y-3 rounded border border-line-subtle p-3">
      <input type="hidden" name={key("kind")} value={hook.kind} />
      {hook.stages.map((s, j) => <input key={s} type="hidden" name={key(`stages.${j}`)} value={s} />)}
      <div className="flex flex-wrap items-end justify-between gap-2">
        <Field label={`Hook ${n} type`} htmlFor={id("kind")}>
          <Select id={id("kind")} className="w-56" value={hook.kind}
            onChange={(e) => set({ kind: e.target.value as HookKind, stages: [] })}>
            <option value="lambda">Lambda function</option>
            <option value="pause">Pause until continued</option>
          </Select>
        </Field>
        <Button type="button" variant="ghost" size="sm" onClick={remove}>Remove hook {n}</Button>
      </div>
      {hook.kind === "lambda" && (
        <>
          <Field label={`Hook ${n} Lambda function ARN`} htmlFor={id("targetArn")} error={errorFor(key("targetArn"))} hint="ECS calls it at each chosen stage; if it fails, the deployment rolls back.">
            <Input id={id("targetArn")} name={key("targetArn")} className="w-full font-mono" value={hook.targetArn} autoComplete="off"
              onChange={(e) => set({ targetArn: e.target.value })} {...fieldAria(id("targetArn"), errorFor(key("targetArn")), true)} />
          </Field>
          <Field label={`Hook ${n} role ARN`} htmlFor={id("roleArn")} error={errorFor(key("roleArn"))} hint="The role ECS assumes to invoke the function.">
            <Input id={id("roleArn")} name={key("roleArn")} className="w-full font-mono" value={hook.roleArn} autoComplete="off"
              onChange={(e) => set({ roleArn: e.target.value })} {...fieldAria(id("roleArn"), errorFor(key("roleArn")), true)} />
          </Field>
        </>
      )}
      <div role="group" aria-label={`Hook ${n} stages`} className="grid gap-1 sm:grid-cols-2">
        {choices.map((stage) => (
          <Checkbox key={stage} label={hook.kind === "pause" ? `pause at ${said(stage)}` : said(stage)} checked={hook.stages.includes(stage)}
            onChange={(e) => toggle(stage, e.target.checked)} />
        ))}
      </div>
      <Message id={id("stages")} error={stagesError} />
      {hook.kind === "lambda" && (
        <Field label={`Hook ${n} details (JSON, optional)`} htmlFor={id("details")} error={errorFor(key("details"))} hint='Passed to the function on each call, e.g. {"suite": "smoke"}.'>
          <Textarea id={id("details")} name={key("details")} rows={2} className="w-full font-mono" value={hook.details}
            onChange={(e) => set({ details: e.target.value })} {...fieldAria(id("details"), errorFor(key("details")), true)} />
        </Field>
      )}
    </div>
  );
}
