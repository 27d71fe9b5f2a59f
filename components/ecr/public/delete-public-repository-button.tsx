"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deletePublicRepositoryAction, previewDeletePublicRepositoryAction } from "@/lib/ecr/public/actions";

type Props = { connectionId: string; region: string; repositoryName: string; imageCount: number };

/** Delete a public repository as a recorded plan; one that holds images only once "force" is typed. */
export function DeletePublicRepositoryButton({ imageCount, ...fields }: Props) {
  const [state, action] = useActionState(deletePublicRepositoryAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete public repository ${fields.repositoryName}` }}
        tone="danger"
        title={`Delete public repository ${fields.repositoryName}?`}
        description={imageCount > 0
          ? `It holds ${imageCount === 1 ? "1 image" : `${imageCount} images`}, which are deleted with it; anyone pulling them gets an error from then on.`
          : "The repository is empty. Its catalog data is deleted with it."}
        confirmLabel="Delete repository"
        fields={fields}
        preview={previewDeletePublicRepositoryAction}
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
