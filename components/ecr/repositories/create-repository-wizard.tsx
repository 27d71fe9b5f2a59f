"use client";

import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { type WizardStep } from "@/components/wizard/use-wizard";
import { useWizardForm } from "@/components/wizard/use-wizard-form";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createRepositoryAction, previewCreateRepositoryAction } from "@/lib/ecr/repositories/actions";
import { createRepositorySchema } from "@/lib/ecr/repositories/schema";
import type { Tag } from "@/lib/core/validation/tags";

const STEPS: WizardStep[] = [
  { id: "repository", label: "Repository", fields: ["repositoryName", "tagMutability", "mutabilityExclusions", "scanOnPush", "encryption", "kmsKey", "tags"] },
];

type Props = { context: { connectionId: string; region: string }; registry: string };

/** A private ECR repository with the console's settings, created as a reviewed plan. */
export function CreateRepositoryWizard({ context, registry }: Props) {
  const { values, set, err, bind, w, review, message, onReview, action } = useWizardForm(createRepositorySchema, STEPS, () => ({
    ...context,
    repositoryName: "",
    tagMutability: "MUTABLE",
    mutabilityExclusions: [] as string[],
    scanOnPush: false,
    encryption: "AES256",
    kmsKey: "",
    tags: [] as Tag[],
  }), previewCreateRepositoryAction, createRepositoryAction);
  const exclusions = values.mutabilityExclusions;

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create repository" : "Review"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <input type="hidden" name="scanOnPush" value={String(values.scanOnPush)} />
      <div hidden={w.current !== 0} className="space-y-4">
        <Card>
          <CardHeader title="General settings" description={`A private repository in ${registry}.`} />
          <CardBody className="space-y-4">
            <Field label="Repository name" htmlFor="repositoryName" required error={err("repositoryName")}
              hint="2–256 lowercase letters and digits, with . _ or - between them; group repositories in namespaces with /, e.g. team/web.">
              <div className="flex items-center gap-1">
                <span className="hidden font-mono text-xs text-ink-muted sm:inline">{registry}/</span>
                <Input {...bind("repositoryName")} autoFocus autoComplete="off" spellCheck={false} placeholder="team/web" />
              </div>
            </Field>
            <RadioCards name="tagMutability" legend="Image tag mutability" value={values.tagMutability} onValueChange={(v) => set({ tagMutability: v })}
              options={[
                { value: "MUTABLE", label: "Mutable", description: "A push can move a tag, such as latest, to a new image." },
                { value: "IMMUTABLE", label: "Immutable", description: "A tag, once pushed, always names the same image." },
              ]} />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Mutability exclusions (optional)</legend>
              <p className="text-xs text-ink-muted">
                Tags matching these wildcards behave the other way ({values.tagMutability === "IMMUTABLE" ? "stay mutable" : "become immutable"}). Up to 5, e.g. latest or release-*.
              </p>
              {exclusions.map((filter, i) => {
                const e = err(`mutabilityExclusions.${i}`);
                return (
                  <div key={i} className="flex items-start gap-2">
                    <div className="flex-1">
                      <Input id={`exclusion-${i}`} name={`mutabilityExclusions.${i}`} aria-label={`Exclusion filter ${i + 1}`} value={filter} spellCheck={false}
                        onChange={(ev) => set({ mutabilityExclusions: exclusions.map((f, j) => (j === i ? ev.target.value : f)) })}
                        onBlur={() => w.touch(`mutabilityExclusions.${i}`)} {...fieldAria(`exclusion-${i}`, e)} />
                      {e && <p id={`exclusion-${i}-error`} role="alert" className="mt-1 text-xs text-red-700">{e[0]}</p>}
                    </div>
                    <Button type="button" variant="secondary" size="sm" aria-label={`Remove exclusion filter ${i + 1}`}
                      onClick={() => set({ mutabilityExclusions: exclusions.filter((_, j) => j !== i) })}>Remove</Button>
                  </div>
                );
              })}
              {exclusions.length < 5 && (
                <Button type="button" variant="secondary" size="sm" onClick={() => set({ mutabilityExclusions: [...exclusions, ""] })}>Add exclusion filter</Button>
              )}
            </fieldset>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Scanning and encryption" />
          <CardBody className="space-y-4">
            <Checkbox label="Scan on push" description="Basic scanning checks each pushed image for known vulnerabilities (CVEs)." checked={values.scanOnPush}
              onChange={(e) => set({ scanOnPush: e.target.checked })} />
            <RadioCards name="encryption" legend="Encryption" value={values.encryption} onValueChange={(v) => set({ encryption: v })}
              options={[
                { value: "AES256", label: "AES-256", description: "Amazon S3 managed keys; no charge." },
                { value: "KMS", label: "AWS KMS", description: "A KMS key; KMS charges apply. Cannot be changed later." },
              ]} />
            {values.encryption === "KMS" && (
              <Field label="KMS key (optional)" htmlFor="kmsKey" error={err("kmsKey")} hint="Key id, key ARN or alias. Empty: the AWS managed key aws/ecr.">
                <Input {...bind("kmsKey")} autoComplete="off" spellCheck={false} placeholder="alias/my-key" />
              </Field>
            )}
            <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
          </CardBody>
        </Card>
      </div>
      {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">ECR storage: $0.10 per GB-month; basic scanning has no charge.</p>} />}
    </WizardFrame>
  );
}
