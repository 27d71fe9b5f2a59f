import type { ChangeEvent } from "react";
import type { EnvVar } from "@/lib/apprunner/schema";
import { DEFAULT_CPU, DEFAULT_MEMORY } from "@/lib/apprunner/schema";
import type { Tag } from "@/lib/core/validation/tags";

/** What the create wizard holds: strings as typed, validated by the same schema as the action. */
export type AppRunnerFormValues = {
  connectionId: string;
  region: string;
  sourceType: "ecr" | "ecr_public";
  imageUri: string;
  accessRoleArn: string;
  deploymentTrigger: "manual" | "automatic";
  serviceName: string;
  port: string;
  cpu: string;
  memory: string;
  environment: EnvVar[];
  scalingMode: "custom" | "existing";
  scalingName: string;
  minSize: string;
  maxSize: string;
  maxConcurrency: string;
  scalingArn: string;
  healthProtocol: "TCP" | "HTTP";
  healthPath: string;
  healthInterval: string;
  healthTimeout: string;
  healthyThreshold: string;
  unhealthyThreshold: string;
  instanceRoleArn: string;
  tags: Tag[];
};

/** The App Runner console's defaults: ECR Public, manual deployments, port 8080, 1 vCPU / 2 GB, 1–25 instances at 100 requests. */
export function initialValues(defaults: { connectionId: string; region: string }): AppRunnerFormValues {
  return {
    ...defaults,
    sourceType: "ecr_public",
    imageUri: "",
    accessRoleArn: "",
    deploymentTrigger: "manual",
    serviceName: "",
    port: "8080",
    cpu: DEFAULT_CPU,
    memory: DEFAULT_MEMORY,
    environment: [],
    scalingMode: "custom",
    scalingName: "",
    minSize: "1",
    maxSize: "25",
    maxConcurrency: "100",
    scalingArn: "",
    healthProtocol: "TCP",
    healthPath: "/",
    healthInterval: "5",
    healthTimeout: "2",
    healthyThreshold: "1",
    unhealthyThreshold: "5",
    instanceRoleArn: "",
    tags: [],
  };
}

export type StringField = { [K in keyof AppRunnerFormValues]: AppRunnerFormValues[K] extends string ? K : never }[keyof AppRunnerFormValues];

/** Props of one controlled input bound to a form value. */
export type BindField = (k: StringField) => {
  id: string;
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  onBlur: () => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

export type StepProps = {
  values: AppRunnerFormValues;
  set: (patch: Partial<AppRunnerFormValues>) => void;
  field: BindField;
  err: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};
