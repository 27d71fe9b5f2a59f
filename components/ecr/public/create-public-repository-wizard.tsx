"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Textarea } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { type WizardStep } from "@/components/wizard/use-wizard";
import { useWizardForm } from "@/components/wizard/use-wizard-form";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createPublicRepositoryAction, previewCreatePublicRepositoryAction } from "@/lib/ecr/public/actions";
import { ARCHITECTURES, OPERATING_SYSTEMS, createPublicRepositorySchema } from "@/lib/ecr/public/schema";

const STEPS: WizardStep[] = [
  { id: "repository", label: "Repository", fields: ["repositoryName", "description", "aboutText", "usageText", "architectures", "operatingSystems"] },
];

type Props = { context: { connectionId: string; region: string }; registry: string };

/** An ECR Public repository with its catalog data (as the gallery shows it), created as a reviewed plan. */
export function CreatePublicRepositoryWizard({ context, registry }: Props) {
  const { values, set, err, bind, w, review, message, onReview, action } = useWizardForm(createPublicRepositorySchema, STEPS, () => ({
    ...context,
    repositoryName: "",
    description: "",
    aboutText: "",
    usageText: "",
    architectures: [] as string[],
    operatingSystems: [] as string[],
  }), previewCreatePublicRepositoryAction, createPublicRepositoryAction);
  const toggle = (k: "architectures" | "operatingSystems", value: string, on: boolean) =>
    set({ [k]: on ? [...values[k], value] : values[k].filter((v) => v !== value) });

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create public repository" : "Review"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      {values.architectures.map((a, i) => <input key={a} type="hidden" name={`architectures.${i}`} value={a} />)}
      {values.operatingSystems.map((o, i) => <input key={o} type="hidden" name={`operatingSystems.${i}`} value={o} />)}
      <div hidden={w.current !== 0} className="space-y-4">
        <Card>
          <CardHeader title="General settings" description={`Anyone can pull images from a public repository in ${registry}.`} />
          <CardBody className="space-y-4">
            <Field label="Repository name" htmlFor="repositoryName" required error={err("repositoryName")}
              hint="2–205 lowercase letters and digits, with . _ or - between them; namespaces with /, e.g. team/tool.">
              <div className="flex items-center gap-1">
                <span className="hidden font-mono text-xs text-ink-muted sm:inline">{registry}/</span>
                <Input {...bind("repositoryName")} autoFocus autoComplete="off" spellCheck={false} placeholder="team/tool" />
              </div>
            </Field>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Catalog data (optional)" description="What the Amazon ECR Public Gallery shows for this repository." />
          <CardBody className="space-y-4">
            <Field label="Description" htmlFor="description" error={err("description")} hint="A short summary, up to 1,024 characters.">
              <Input {...bind("description")} />
            </Field>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Architectures</legend>
              <div className="flex flex-wrap gap-4">
                {ARCHITECTURES.map((a) => <Checkbox key={a} label={a} checked={values.architectures.includes(a)} onChange={(e) => toggle("architectures", a, e.target.checked)} />)}
              </div>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Operating systems</legend>
              <div className="flex flex-wrap gap-4">
                {OPERATING_SYSTEMS.map((o) => <Checkbox key={o} label={o} checked={values.operatingSystems.includes(o)} onChange={(e) => toggle("operatingSystems", o, e.target.checked)} />)}
              </div>
            </fieldset>
            <Field label="About" htmlFor="aboutText" error={err("aboutText")} hint="Markdown; what the image is and does.">
              <Textarea {...bind("aboutText")} rows={4} />
            </Field>
            <Field label="Usage" htmlFor="usageText" error={err("usageText")} hint="Markdown; how to run the image.">
              <Textarea {...bind("usageText")} rows={4} />
            </Field>
          </CardBody>
        </Card>
      </div>
      {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">ECR Public: 50 GB-month of storage free, then $0.10 per GB-month; anonymous pulls are free up to a monthly limit.</p>} />}
    </WizardFrame>
  );
}
