"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { utcMinute } from "@/lib/core/format/utc";
import { applyLifecyclePolicyAction, previewApplyLifecyclePolicyAction, previewLifecyclePolicyAction } from "@/lib/ecr/lifecycle/actions";
import { PolicyTextError, fromPolicyText, toPolicyText } from "@/lib/ecr/lifecycle/policy";
import type { ExpiringImage } from "@/lib/ecr/lifecycle/reads";
import { rulesSchema, type Rule } from "@/lib/ecr/lifecycle/schema";

type RuleForm = { priority: string; description: string; tagStatus: string; tagMatch: string; tags: string; countType: string; countNumber: string };
type Props = { context: { connectionId: string; region: string; repositoryName: string }; initial: Rule[]; canEdit: boolean };

const asForm = (r: Rule): RuleForm => ({ ...r, priority: String(r.priority), countNumber: String(r.countNumber) });
// The console's first rule: expire untagged images 14 days after their push.
const NEW_RULE = (priority: number): RuleForm => ({ priority: String(priority), description: "", tagStatus: "untagged", tagMatch: "prefix", tags: "", countType: "sinceImagePushed", countNumber: "14" });

type Preview = { state: "idle" } | { state: "loading" } | { state: "ready"; expiring: ExpiringImage[] } | { state: "error"; message: string };

/** Lifecycle rules as a form, checked as ECR checks them; a preview of what they expire; apply as a reviewed plan. */
export function LifecycleEditor({ context, initial, canEdit }: Props) {
  const [rules, setRules] = useState<RuleForm[]>(() => (initial.length ? initial.map(asForm) : [NEW_RULE(1)]));
  const [shown, setShown] = useState(false);
  const [preview, setPreview] = useState<Preview>({ state: "idle" });
  const [importText, setImportText] = useState("");
  const [importError, setImportError] = useState("");
  const [state, apply] = useActionState(applyLifecyclePolicyAction, initialState);

  const parsed = rulesSchema.safeParse(rules);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  const err = (key: string) => (shown && errors[key] ? [errors[key]!] : undefined);
  const policyText = parsed.success ? toPolicyText(parsed.data) : "";

  const set = (i: number, patch: Partial<RuleForm>) => {
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setPreview({ state: "idle" });
  };

  async function runPreview() {
    setShown(true);
    if (!parsed.success) return;
    setPreview({ state: "loading" });
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...context, policyText })) form.set(k, v);
    const result = await previewLifecyclePolicyAction(initialState, form);
    setPreview(result.ok ? { state: "ready", expiring: (result.data as { expiring: ExpiringImage[] }).expiring } : { state: "error", message: result.message ?? "ECR did not answer." });
  }

  function importJson() {
    try {
      setRules(fromPolicyText(importText).map(asForm));
      setImportError("");
      setPreview({ state: "idle" });
    } catch (error) {
      setImportError(error instanceof PolicyTextError ? error.message : "The policy could not be read.");
    }
  }

  return (
    <div className="space-y-4">
      {state.message && <Alert tone="error" title="The policy was not applied">{state.message}</Alert>}
      {errors[""] && shown && <Alert tone="error">{errors[""]}</Alert>}
      {rules.map((r, i) => {
        const id = (k: string) => `rule-${i}-${k}`;
        const field = (k: keyof RuleForm) => ({
          id: id(k),
          value: r[k],
          disabled: !canEdit,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(i, { [k]: e.target.value }),
          ...fieldAria(id(k), err(`${i}.${k}`)),
        });
        return (
          <section key={i} aria-label={`Rule ${i + 1}`}>
            <Card>
              <CardHeader title={`Rule ${i + 1}`} actions={canEdit && rules.length > 1 && (
                <Button type="button" size="sm" variant="ghost" onClick={() => { setRules((rs) => rs.filter((_, j) => j !== i)); setPreview({ state: "idle" }); }}>Remove rule {i + 1}</Button>
              )} />
              <CardBody className="grid gap-4 md:grid-cols-3">
                <Field label="Rule priority" htmlFor={id("priority")} error={err(`${i}.priority`)} hint="Lower numbers are evaluated first.">
                  <Input type="number" min={1} {...field("priority")} />
                </Field>
                <Field label="Description (optional)" htmlFor={id("description")} error={err(`${i}.description`)} className="md:col-span-2">
                  <Input {...field("description")} />
                </Field>
                <Field label="Image status" htmlFor={id("tagStatus")} error={err(`${i}.tagStatus`)}>
                  <Select {...field("tagStatus")}>
                    <option value="tagged">Tagged (prefixes or wildcards)</option>
                    <option value="untagged">Untagged</option>
                    <option value="any">Any</option>
                  </Select>
                </Field>
                {r.tagStatus === "tagged" && (
                  <>
                    <Field label="Match tags by" htmlFor={id("tagMatch")}>
                      <Select {...field("tagMatch")}>
                        <option value="prefix">Prefix</option>
                        <option value="pattern">Wildcard pattern</option>
                      </Select>
                    </Field>
                    <Field label={r.tagMatch === "prefix" ? "Tag prefixes" : "Tag patterns"} htmlFor={id("tags")} error={err(`${i}.tags`)}
                      hint={r.tagMatch === "prefix" ? "Comma-separated, e.g. v, release-" : "Comma-separated, * for any characters, e.g. v*-prod"}>
                      <Input {...field("tags")} spellCheck={false} />
                    </Field>
                  </>
                )}
                <Field label="Match criteria" htmlFor={id("countType")} error={err(`${i}.countType`)} className="md:col-start-1">
                  <Select {...field("countType")}>
                    <option value="sinceImagePushed">Days since image pushed</option>
                    <option value="imageCountMoreThan">Image count more than</option>
                  </Select>
                </Field>
                <Field label={r.countType === "sinceImagePushed" ? "Days" : "Images to keep"} htmlFor={id("countNumber")} error={err(`${i}.countNumber`)}>
                  <Input type="number" min={1} {...field("countNumber")} />
                </Field>
              </CardBody>
            </Card>
          </section>
        );
      })}
      {canEdit && (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="secondary" disabled={rules.length >= 50}
            onClick={() => setRules((rs) => [...rs, NEW_RULE(Math.max(0, ...rs.map((r) => Number(r.priority) || 0)) + 1)])}>Add rule</Button>
          <Button type="button" variant="secondary" onClick={() => void runPreview()} pending={preview.state === "loading"}>Preview</Button>
          <ReviewedConfirmDialog
            triggerLabel="Apply policy"
            triggerProps={{ variant: "primary", disabled: !parsed.success }}
            title={`Apply this lifecycle policy to ${context.repositoryName}?`}
            description="ECR applies it within 24 hours: the images its rules select are then deleted and cannot be restored. Preview first to see which."
            confirmLabel="Apply policy"
            fields={{ ...context, policyText }}
            preview={previewApplyLifecyclePolicyAction}
            formAction={apply}
          />
        </div>
      )}
      {preview.state === "error" && <Alert tone="error" title="No preview">{preview.message}</Alert>}
      {preview.state === "ready" && (
        <Card>
          <CardHeader title="Preview" description={preview.expiring.length ? `ECR would expire ${preview.expiring.length === 1 ? "1 image" : `${preview.expiring.length} images`}.` : "No image would expire with these rules today."} />
          {preview.expiring.length > 0 && (
            <Table aria-label="Images the policy would expire">
              <THead><tr><Th>Image tags</Th><Th>Digest</Th><Th>Pushed at</Th><Th>Rule</Th></tr></THead>
              <TBody>
                {preview.expiring.map((x) => (
                  <Tr key={x.digest}>
                    <Td>{x.tags.join(", ") || <span className="text-ink-faint">untagged</span>}</Td>
                    <Td className="font-mono text-xs">{x.digest.slice(0, 19)}…</Td>
                    <Td className="whitespace-nowrap">{utcMinute(x.pushedAt)}</Td>
                    <Td>{x.rule ?? "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      )}
      <details>
        <summary className="cursor-pointer text-sm font-medium">Policy JSON</summary>
        {policyText ? <CodeBlock code={policyText} aria-label="Policy JSON" className="mt-2" /> : <p className="mt-2 text-sm text-ink-muted">Fix the rules above to see their JSON.</p>}
      </details>
      {canEdit && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Import JSON</summary>
          <div className="mt-2 space-y-2">
            <Field label="Lifecycle policy JSON" htmlFor="import-json" error={importError ? [importError] : undefined}>
              <Textarea id="import-json" rows={8} value={importText} onChange={(e) => setImportText(e.target.value)} className="font-mono text-xs" spellCheck={false} {...fieldAria("import-json", importError ? [importError] : undefined)} />
            </Field>
            <Button type="button" size="sm" variant="secondary" onClick={importJson}>Import</Button>
          </div>
        </details>
      )}
    </div>
  );
}
