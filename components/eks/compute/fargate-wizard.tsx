"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createFargateProfileAction, previewFargateProfilePlanAction } from "@/lib/eks/compute/actions";
import { FARGATE_ROLE, fargateProfileSchema } from "@/lib/eks/fargate-profiles/schema";
import { PairsEditor, type Pair } from "./pairs-editor";
import { RoleChoice, type RoleOption } from "./role-choice";
import { SubnetPicker, type SubnetOption } from "./subnet-picker";

const STEPS: WizardStep[] = [
  { id: "profile", label: "Profile", fields: ["fargateProfileName", "podRoleMode", "podRoleArn", "subnets"] },
  { id: "selectors", label: "Pod selectors", fields: ["selectors"] },
];

type Selector = { namespace: string; labels: Pair[] };

export function FargateProfileWizard({ target, roles, subnets }: {
  target: { connectionId: string; region: string; clusterName: string };
  roles: RoleOption[];
  subnets: SubnetOption[];
}) {
  const standard = roles.find((r) => r.name === FARGATE_ROLE.name);
  const [values, setValues] = useState({
    ...target,
    fargateProfileName: "",
    podRoleMode: standard ? "existing" : "create",
    podRoleArn: standard?.arn ?? "",
    subnets: subnets.filter((s) => !s.public).map((s) => s.id),
    selectors: [{ namespace: "default", labels: [] }] as Selector[],
  });
  type Values = typeof values;
  // The same schema as the server, told which subnets are public.
  const schema = useMemo(() => fargateProfileSchema(subnets.filter((s) => s.public).map((s) => s.id)), [subnets]);
  const w = useWizard(schema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewFargateProfilePlanAction, createFargateProfileAction);
  const set = (patch: Partial<Values>) => { setValues((v) => ({ ...v, ...patch })); setReview(null); };
  const setSelector = (i: number, patch: Partial<Selector>) => set({ selectors: values.selectors.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const err = (k: string) => w.errorFor(k);


  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create Fargate profile" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      {Object.entries(target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}

      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Profile configuration" description={`Pods of ${target.clusterName} that match a selector run on AWS Fargate, each on its own right-sized compute.`} />
          <CardBody className="space-y-5">
            <Field label="Name" htmlFor="fargateProfileName" required error={err("fargateProfileName")} hint="1–63 letters, digits, hyphens and underscores, starting with a letter or digit.">
              <Input id="fargateProfileName" name="fargateProfileName" value={values.fargateProfileName} autoFocus autoComplete="off" spellCheck={false} placeholder="apps"
                onChange={(e) => set({ fargateProfileName: e.target.value })} onBlur={() => w.touch("fargateProfileName")} {...fieldAria("fargateProfileName", err("fargateProfileName"), true)} />
            </Field>
            <RoleChoice prefix="podRole" title="Pod execution role" standardName={FARGATE_ROLE.name} trusts="eks-fargate-pods.amazonaws.com"
              policies={[FARGATE_ROLE.policyArn.split("/").pop()!]} roles={roles} mode={values.podRoleMode} arn={values.podRoleArn}
              onChange={(p) => set({ ...(p.mode ? { podRoleMode: p.mode } : {}), ...(p.arn !== undefined ? { podRoleArn: p.arn } : {}) })}
              errorFor={err} touch={w.touch} />
            <SubnetPicker subnets={subnets} value={values.subnets} onChange={(ids) => set({ subnets: ids })} error={err("subnets")} onTouch={() => w.touch("subnets")}
              legend="Subnets" hint="Private subnets only: Fargate pods get no public IP, so they reach the internet through a NAT gateway." />
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Pod selectors" description="A pod runs on Fargate when it is in a selector's namespace and carries all of its labels. 1 to 5 selectors." />
          <CardBody className="space-y-5">
            {err("selectors") && <p role="alert" className="text-xs font-medium text-red-700">{err("selectors")![0]}</p>}
            {values.selectors.map((s, i) => (
              <fieldset key={i} className="space-y-3 rounded-md border border-line p-3">
                <legend className="px-1 text-[13px] font-medium">Selector {i + 1}</legend>
                <div className="flex items-end gap-2">
                  <Field label={`Selector ${i + 1} namespace`} htmlFor={`selectors-${i}-namespace`} error={err(`selectors.${i}.namespace`)} className="flex-1">
                    <Input id={`selectors-${i}-namespace`} name={`selectors.${i}.namespace`} value={s.namespace} autoComplete="off" spellCheck={false}
                      onChange={(e) => setSelector(i, { namespace: e.target.value })} onBlur={() => w.touch(`selectors.${i}.namespace`)} {...fieldAria(`selectors-${i}-namespace`, err(`selectors.${i}.namespace`))} />
                  </Field>
                  {values.selectors.length > 1 && <Button type="button" variant="ghost" onClick={() => set({ selectors: values.selectors.filter((_, j) => j !== i) })}>Remove selector {i + 1}</Button>}
                </div>
                <PairsEditor name={`selectors.${i}.labels`} noun={`Selector ${i + 1} label`} legend="Labels (optional)" pairs={s.labels} max={5}
                  onChange={(labels) => setSelector(i, { labels })} errorFor={err} onTouch={w.touch} />
              </fieldset>
            ))}
            {values.selectors.length < 5 && (
              <Button type="button" variant="secondary" size="sm" onClick={() => set({ selectors: [...values.selectors, { namespace: "", labels: [] }] })}>Add selector</Button>
            )}
          </CardBody>
        </Card>
      </div>

      {onReview && review && (
        <PlanReview review={review} note={<p className="text-xs text-ink-muted">Cost: the profile is free; each Fargate pod is billed per vCPU and GB of memory per second while it runs.</p>} />
      )}
    </WizardFrame>
  );
}
