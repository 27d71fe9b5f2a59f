"use client";

import { useState, useTransition } from "react";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard } from "@/components/wizard/use-wizard";
import { initialState } from "@/lib/core/actions/state";
import { installAddonAction, previewInstallAddonAction, previewUpdateAddonAction, updateAddonAction } from "@/lib/eks/compute/actions";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { installAddonSchema, ROLE_REQUIRED_ADDONS, updateAddonSchema } from "@/lib/eks/addons/schema";

const CONFLICTS = {
  NONE: "None: if the add-on's software is already on the cluster (self-managed), EKS changes nothing and the install or update may fail on a conflict.",
  OVERWRITE: "Overwrite: fields that differ from the EKS defaults are set back to the defaults.",
  PRESERVE: "Preserve: fields you changed on the cluster keep your values (updates only; test on a non-production cluster first).",
} as const;

const STEP = [{ id: "addon", label: "Add-on", fields: ["addonVersion", "serviceAccountRoleArn", "resolveConflicts"] }];

/** Install or update one add-on: pick a version compatible with the cluster, review the plan, run it. */
export function AddonForm(props: {
  mode: "install" | "update";
  target: { connectionId: string; region: string; clusterName: string };
  addonName: string;
  versions: { version: string; isDefault: boolean }[];
  currentVersion?: string;
  currentRoleArn?: string;
}) {
  const install = props.mode === "install";
  const initialVersion = install
    ? (props.versions.find((v) => v.isDefault) ?? props.versions[0])?.version ?? ""
    : props.versions.find((v) => v.version !== props.currentVersion)?.version ?? "";
  const [values, setValues] = useState({ ...props.target, addonName: props.addonName, addonVersion: initialVersion, serviceAccountRoleArn: props.currentRoleArn ?? "", resolveConflicts: install ? "NONE" : "PRESERVE" });
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const [pending, start] = useTransition();
  const w = useWizard(install ? installAddonSchema : updateAddonSchema, STEP, values);
  const set = (k: "addonVersion" | "serviceAccountRoleArn" | "resolveConflicts", v: string) => { setValues((s) => ({ ...s, [k]: v })); setReview(null); };
  const id = (k: string) => `${props.addonName}-${k}`;
  const roleNeeded = ROLE_REQUIRED_ADDONS[props.addonName];

  async function action(form: FormData) {
    setMessage(undefined);
    if (!review) {
      if (!w.next()) return;
      w.goTo(0);
      const result = await (install ? previewInstallAddonAction : previewUpdateAddonAction)(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      setMessage({ text: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message ?? "Could not review.", requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review.hash);
    const result = await (install ? installAddonAction : updateAddonAction)(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  const conflicts = install ? (["NONE", "OVERWRITE"] as const) : (["NONE", "OVERWRITE", "PRESERVE"] as const);
  return (
    <form onSubmit={keepValuesSubmit(action, start)} noValidate className="space-y-3 pt-3" aria-label={`${install ? "Install" : "Update"} ${props.addonName}`}>
      {Object.entries(props.target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <input type="hidden" name="addonName" value={props.addonName} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field label={`${props.addonName} version`} htmlFor={id("addonVersion")} error={w.errorFor("addonVersion")}>
          <Select id={id("addonVersion")} name="addonVersion" value={values.addonVersion} onChange={(e) => set("addonVersion", e.target.value)} {...fieldAria(id("addonVersion"), w.errorFor("addonVersion"))}>
            {props.versions.map((v) => (
              <option key={v.version} value={v.version} disabled={!install && v.version === props.currentVersion}>
                {v.version}{v.isDefault ? " (default)" : ""}{v.version === props.currentVersion ? " (installed)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={`${props.addonName} conflict resolution`} htmlFor={id("resolveConflicts")}>
          <Select id={id("resolveConflicts")} name="resolveConflicts" value={values.resolveConflicts} onChange={(e) => set("resolveConflicts", e.target.value)}>
            {conflicts.map((c) => <option key={c} value={c}>{c[0] + c.slice(1).toLowerCase()}</option>)}
          </Select>
        </Field>
        <Field label={`${props.addonName} service account role ARN`} htmlFor={id("serviceAccountRoleArn")} error={w.errorFor("serviceAccountRoleArn")}
          hint={roleNeeded ? `Required: a role with ${roleNeeded.split("/").pop()} that trusts the cluster's OIDC provider (IRSA).` : "Optional: without one the add-on uses the node IAM role."}>
          <Input id={id("serviceAccountRoleArn")} name="serviceAccountRoleArn" value={values.serviceAccountRoleArn} className="font-mono" placeholder="arn:aws:iam::123456789012:role/name"
            onChange={(e) => set("serviceAccountRoleArn", e.target.value)} onBlur={() => w.touch("serviceAccountRoleArn")} {...fieldAria(id("serviceAccountRoleArn"), w.errorFor("serviceAccountRoleArn"), true)} />
        </Field>
      </div>
      <p className="text-xs text-ink-muted">{CONFLICTS[values.resolveConflicts as keyof typeof CONFLICTS]}</p>
      {message && <Alert tone="error" title="Could not continue"><p>{message.text}</p>{message.requestId && <p className="mt-1 font-mono text-xs">Request id: {message.requestId}</p>}</Alert>}
      {review && <PlanReview review={review} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" pending={pending}>{review ? (install ? `Install ${props.addonName}` : `Update ${props.addonName}`) : "Review"}</Button>
        {review && <Button type="button" size="sm" variant="secondary" onClick={() => setReview(null)}>Edit</Button>}
      </div>
    </form>
  );
}
