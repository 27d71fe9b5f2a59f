"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteRepositoryAction, previewDeleteRepositoryAction } from "@/lib/ecr/repositories/actions";

type Props = { connectionId: string; region: string; repositoryName: string; imageCount: number };

/**
 * Delete a repository as a recorded plan. An empty one after a confirm; one that holds images only
 * once "force" is typed, since ECR then deletes them with it (and the server checks it again).
 */
export function DeleteRepositoryButton({ imageCount, ...fields }: Props) {
  const [state, action] = useActionState(deleteRepositoryAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete repository"
        triggerProps={{ variant: "secondary", "aria-label": `Delete repository ${fields.repositoryName}` }}
        tone="danger"
        title={`Delete repository ${fields.repositoryName}?`}
        description={imageCount > 0
          ? `It holds ${imageCount === 1 ? "1 image" : `${imageCount} images`}, which are deleted with it and cannot be restored.`
          : "The repository is empty. Its settings, policies and lifecycle rules are deleted."}
        confirmLabel="Delete repository"
        fields={fields}
        preview={previewDeleteRepositoryAction}
        formAction={action}
      >
        {imageCount > 0 && (
          <Field label="Type force to delete the images too" htmlFor="confirmForce">
            <Input id="confirmForce" name="confirmForce" autoComplete="off" spellCheck={false} placeholder="force" />
          </Field>
        )}
      </ReviewedConfirmDialog>
    </div>
  );
}
