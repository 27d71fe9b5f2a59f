"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ReviewedDeleteButton } from "@/components/wizard/reviewed-delete-button";
import { deletePublicRepositoryAction, previewDeletePublicRepositoryAction } from "@/lib/ecr/public/actions";

type Props = { connectionId: string; region: string; repositoryName: string; imageCount: number };

/** Delete a public repository as a recorded plan; one that holds images only once "force" is typed. */
export function DeletePublicRepositoryButton({ imageCount, ...fields }: Props) {
  return (
    <ReviewedDeleteButton
      noun="public repository"
      name={fields.repositoryName}
      description={imageCount > 0
        ? `It holds ${imageCount === 1 ? "1 image" : `${imageCount} images`}, which are deleted with it; anyone pulling them gets an error from then on.`
        : "The repository is empty. Its catalog data is deleted with it."}
      confirmLabel="Delete repository"
      fields={fields}
      preview={previewDeletePublicRepositoryAction}
      action={deletePublicRepositoryAction}
    >
      {imageCount > 0 && (
        <Field label="Type force to delete the images too" htmlFor="confirmForce">
          <Input id="confirmForce" name="confirmForce" autoComplete="off" spellCheck={false} placeholder="force" />
        </Field>
      )}
    </ReviewedDeleteButton>
  );
}
