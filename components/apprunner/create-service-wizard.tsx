"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createAppRunnerServiceAction, previewAppRunnerPlanAction } from "@/lib/apprunner/actions";
import { createInputToExpress } from "@/lib/apprunner/to-express";
import type { ScalingConfigurationOption } from "@/lib/apprunner/reads";
import { createAppRunnerServiceSchema } from "@/lib/apprunner/schema";
import { ConfigureStep } from "./configure-step";
import { expressWizardHref } from "./express-link";
import { initialValues, type AppRunnerFormValues, type BindField } from "./form-values";
import type { RoleOption } from "./role-suggestions";
import { SourceStep } from "./source-step";

const STEPS: WizardStep[] = [
  { id: "source", label: "Source and deployment", fields: ["sourceType", "imageUri", "deploymentTrigger", "accessRoleArn"] },
  {
    id: "configure",
    label: "Configure service",
    fields: [
      "region", "serviceName", "cpu", "memory", "port", "environment",
      "scalingMode", "scalingName", "minSize", "maxSize", "maxConcurrency", "scalingArn",
      "healthProtocol", "healthPath", "healthInterval", "healthTimeout", "healthyThreshold", "unhealthyThreshold",
      "instanceRoleArn", "tags",
    ],
  },
];

type Props = {
  defaults: { connectionId: string; region: string };
  scalingOptions: ScalingConfigurationOption[];
  /** Existing roles App Runner can assume, offered as suggestions in the ARN fields. */
  roles: { access: RoleOption[]; instance: RoleOption[] };
};

/** The App Runner console's create flow: source, configuration, then the plan to review. */
export function CreateAppRunnerWizard({ defaults, scalingOptions, roles }: Props) {
  const [values, setValues] = useState<AppRunnerFormValues>(() => initialValues(defaults));
  const w = useWizard(createAppRunnerServiceSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewAppRunnerPlanAction, createAppRunnerServiceAction);
  const set = (patch: Partial<AppRunnerFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };


  const err = (k: string) => w.errorFor(k);
  const field: BindField = (k) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e) => set({ [k]: e.target.value } as Partial<AppRunnerFormValues>),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });
  const stepProps = { values, set, field, err, touch: w.touch };
  const expressHref = w.parsed.success ? expressWizardHref(createInputToExpress(w.parsed.data)) : "/ecs/express/new";

  return (
    <WizardFrame
      steps={STEPS}
      current={w.current}
      action={action}
      onBack={w.back}
      message={message ?? (err("region") ? { text: err("region")![0]! } : undefined)}
      submitLabel={onReview ? "Create service" : w.current === STEPS.length - 1 ? "Review" : "Next"}
    >
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <div hidden={w.current !== 0}>
        <SourceStep {...stepProps} accessRoles={roles.access} />
      </div>
      <div hidden={w.current !== 1}>
        <ConfigureStep {...stepProps} scalingOptions={scalingOptions} instanceRoles={roles.instance} />
      </div>
      {onReview && review && (
        <PlanReview
          review={review}
          note={
            <Alert tone="warning" title="Accounts new to App Runner are refused">
              <p>
                Since 30 April 2026 AWS creates App Runner services only for accounts that already used App Runner. If this
                account never did, the CreateService request will fail; ECS Express Mode runs the same image instead.
              </p>
              <div className="mt-2">
                <ButtonLink href={expressHref} size="sm" variant="secondary">Use ECS Express Mode instead</ButtonLink>
              </div>
            </Alert>
          }
        />
      )}
    </WizardFrame>
  );
}
