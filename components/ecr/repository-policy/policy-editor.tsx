"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteRepositoryPolicyAction, previewDeleteRepositoryPolicyAction, previewSetRepositoryPolicyAction, setRepositoryPolicyAction } from "@/lib/ecr/repository-policy/actions";
import { policyProblem } from "@/lib/ecr/repository-policy/policy";
import { ACCOUNT_ID, ROLE_ARN, ciPushPolicy, crossAccountPullPolicy } from "@/lib/ecr/repository-policy/templates";

type Props = { context: { connectionId: string; region: string; repositoryName: string }; current: string | null; canEdit: boolean };

/** The repository policy as JSON, checked as IAM checks it while typing; Set and Delete as reviewed plans. */
export function PolicyEditor({ context, current, canEdit }: Props) {
  const [text, setText] = useState(current ?? "");
  const [touched, setTouched] = useState(false);
  const [account, setAccount] = useState("");
  const [role, setRole] = useState("");
  const [templateErrors, setTemplateErrors] = useState<{ account?: string; role?: string }>({});
  const [setState, setAction] = useActionState(setRepositoryPolicyAction, initialState);
  const [deleteState, deleteAction] = useActionState(deleteRepositoryPolicyAction, initialState);
  const problem = policyProblem(text);
  const shownProblem = touched && problem ? [problem] : setState.fieldErrors?.policyText;
  const unchanged = current !== null && text === current;

  function applyTemplate(kind: "account" | "role") {
    if (kind === "account" && !ACCOUNT_ID.test(account.trim())) return setTemplateErrors({ account: "Enter a 12-digit AWS account ID." });
    if (kind === "role" && !ROLE_ARN.test(role.trim())) return setTemplateErrors({ role: "Enter an IAM role ARN, e.g. arn:aws:iam::111122223333:role/ci." });
    setTemplateErrors({});
    setText(kind === "account" ? crossAccountPullPolicy(account.trim()) : ciPushPolicy(role.trim()));
    setTouched(true);
  }

  return (
    <Card>
      <CardHeader title="Repository policy" description={current ? "Who else may pull from or push to this repository (IAM resource policy)." : "No policy: only principals of this account with IAM permissions can use this repository."} />
      <CardBody className="space-y-4">
        {setState.message && !setState.ok && <Alert tone="error" title="The policy was not set">{setState.message}</Alert>}
        {deleteState.message && !deleteState.ok && <Alert tone="error" title="The policy was not deleted">{deleteState.message}</Alert>}
        <Field label="Policy JSON" htmlFor="policyText" error={shownProblem} hint="Version 2012-10-17; each statement with Effect, Principal and ecr: actions.">
          <Textarea id="policyText" rows={12} value={text} readOnly={!canEdit} spellCheck={false} className="font-mono text-xs"
            placeholder={canEdit ? "Start from a template below, or paste a policy." : "This repository has no policy."}
            onChange={(e) => setText(e.target.value)} onBlur={() => setTouched(true)} {...fieldAria("policyText", shownProblem)} />
        </Field>
        {canEdit && (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <ReviewedConfirmDialog
                triggerLabel="Save policy"
                triggerProps={{ variant: "primary", disabled: Boolean(problem) || unchanged }}
                title={`Set the repository policy of ${context.repositoryName}?`}
                description="The principals it names get the access it grants at once."
                confirmLabel="Set policy"
                fields={{ ...context, policyText: text }}
                preview={previewSetRepositoryPolicyAction}
                formAction={setAction}
              />
              {current && (
                <ReviewedConfirmDialog
                  triggerLabel="Delete policy"
                  triggerProps={{ variant: "secondary" }}
                  tone="danger"
                  title={`Delete the repository policy of ${context.repositoryName}?`}
                  description="Other accounts and the roles it names lose their access at once."
                  confirmLabel="Delete policy"
                  fields={context}
                  preview={previewDeleteRepositoryPolicyAction}
                  formAction={deleteAction}
                />
              )}
            </div>
            <details>
              <summary className="cursor-pointer text-sm font-medium">Templates</summary>
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                <div className="space-y-2">
                  <Field label="Allow pull from another account" htmlFor="template-account" error={templateErrors.account} hint="That account's principals may pull images (with their own IAM permissions).">
                    <Input id="template-account" value={account} onChange={(e) => setAccount(e.target.value)} placeholder="111122223333" inputMode="numeric" autoComplete="off" {...fieldAria("template-account", templateErrors.account)} />
                  </Field>
                  <Button type="button" size="sm" variant="secondary" onClick={() => applyTemplate("account")}>Use pull template</Button>
                </div>
                <div className="space-y-2">
                  <Field label="Allow a CI role to push" htmlFor="template-role" error={templateErrors.role} hint="The role may push and pull images.">
                    <Input id="template-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="arn:aws:iam::111122223333:role/ci" autoComplete="off" spellCheck={false} {...fieldAria("template-role", templateErrors.role)} />
                  </Field>
                  <Button type="button" size="sm" variant="secondary" onClick={() => applyTemplate("role")}>Use push template</Button>
                </div>
              </div>
            </details>
          </>
        )}
      </CardBody>
    </Card>
  );
}
