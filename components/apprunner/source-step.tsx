"use client";

import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, RadioCards } from "@/components/ui/input";
import type { StepProps } from "./form-values";
import { RoleSuggestions, type RoleOption } from "./role-suggestions";

/** Step 1, as in the console: where the image comes from and how new images get deployed. */
export function SourceStep({ values, set, field, err, accessRoles }: StepProps & { accessRoles: RoleOption[] }) {
  const privateEcr = values.sourceType === "ecr";
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Source" description="App Runner runs a container image from Amazon ECR. Source-code services are not offered here." />
        <CardBody className="space-y-4">
          <RadioCards name="sourceType" legend="Repository type" value={values.sourceType}
            onValueChange={(v) => set(v === "ecr_public" ? { sourceType: "ecr_public", deploymentTrigger: "manual" } : { sourceType: "ecr" })}
            options={[
              { value: "ecr", label: "Amazon ECR", description: "A private repository in this account; App Runner pulls with an access role." },
              { value: "ecr_public", label: "Amazon ECR Public", description: "A public image, such as public.ecr.aws/docker/library/httpd." },
            ]} />
          <Field label="Container image URI" htmlFor="imageUri" required error={err("imageUri")}
            hint={privateEcr ? "123456789012.dkr.ecr.us-east-1.amazonaws.com/repository:tag" : "public.ecr.aws/alias/repository:tag"}>
            <Input {...field("imageUri")} autoFocus autoComplete="off" spellCheck={false} className="font-mono"
              placeholder={privateEcr ? "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest" : "public.ecr.aws/docker/library/httpd:latest"} />
          </Field>
          {privateEcr && <ImagePicker connectionId={values.connectionId} region={values.region} onPick={(uri) => set({ imageUri: uri })} />}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Deployment settings" />
        <CardBody className="space-y-4">
          <RadioCards name="deploymentTrigger" legend="Deployment trigger" value={values.deploymentTrigger}
            onValueChange={(v) => set({ deploymentTrigger: v as "manual" | "automatic" })}
            options={[
              { value: "manual", label: "Manual", description: "Deploy from Portside when you choose (Deploy on the service page)." },
              { value: "automatic", label: "Automatic", description: privateEcr ? "Deploy every time a new image is pushed to the tag." : "Only for private Amazon ECR images.", disabled: !privateEcr },
            ]} />
          {err("deploymentTrigger") && <p role="alert" className="text-xs font-medium text-red-700">{err("deploymentTrigger")![0]}</p>}
          {privateEcr && (
            <Field label="ECR access role" htmlFor="accessRoleArn" required error={err("accessRoleArn")}
              hint="The IAM role App Runner assumes to pull from your private repository, with the AWSAppRunnerServicePolicyForECRAccess policy.">
              <Input {...field("accessRoleArn")} autoComplete="off" spellCheck={false} className="font-mono" list="access-roles"
                placeholder="arn:aws:iam::123456789012:role/service-role/AppRunnerECRAccessRole" />
              <RoleSuggestions id="access-roles" roles={accessRoles} />
            </Field>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
