"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { TagsEditor } from "@/components/wizard/tags-editor";
import type { ScalingConfigurationOption } from "@/lib/apprunner/reads";
import { CPU_MEMORY, CPU_OPTIONS, cpuLabel, memoryLabel } from "@/lib/apprunner/schema";
import { EnvEditor } from "@/components/wizard/env-editor";
import type { StepProps } from "./form-values";
import { RoleSuggestions, type RoleOption } from "./role-suggestions";

const num = (min: number, max: number) => ({ type: "number", min, max, inputMode: "numeric" as const });

/** Step 2: the service itself, its size, scaling, health check, security and tags. */
export function ConfigureStep(props: StepProps & { scalingOptions: ScalingConfigurationOption[]; instanceRoles: RoleOption[] }) {
  const { values, set, field, err, touch, scalingOptions, instanceRoles } = props;
  const memories = CPU_MEMORY[values.cpu] ?? [];
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Service settings" />
        <CardBody className="space-y-4">
          <Field label="Service name" htmlFor="serviceName" required error={err("serviceName")}
            hint="4–40 letters, digits, hyphens and underscores, starting with a letter or digit. Unique in the region.">
            <Input {...field("serviceName")} autoComplete="off" spellCheck={false} placeholder="web-frontend" />
          </Field>
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="vCPU" htmlFor="cpu" error={err("cpu")}>
              <Select {...field("cpu")} onChange={(e) => {
                const cpu = e.target.value;
                const allowed = CPU_MEMORY[cpu] ?? [];
                set({ cpu, memory: allowed.includes(values.memory) ? values.memory : (allowed[0] ?? "") });
              }}>
                {CPU_OPTIONS.map((c) => <option key={c} value={c}>{cpuLabel(c)}</option>)}
              </Select>
            </Field>
            <Field label="Memory" htmlFor="memory" error={err("memory")} hint="Only the sizes App Runner allows with this vCPU.">
              <Select {...field("memory")}>
                {memories.map((m) => <option key={m} value={m}>{memoryLabel(m)}</option>)}
              </Select>
            </Field>
            <Field label="Port" htmlFor="port" required error={err("port")} hint="The port your container listens on.">
              <Input {...field("port")} {...num(1, 51200)} />
            </Field>
          </div>
          <EnvEditor hint="Plain text, visible to anyone who can read the service. Keep secrets in Secrets Manager." max={50} vars={values.environment} onChange={(environment) => set({ environment })} errorFor={err} onTouch={touch} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Auto scaling" description="App Runner adds an instance when each one has more concurrent requests than the concurrency, up to the maximum." />
        <CardBody className="space-y-4">
          <RadioCards name="scalingMode" legend="Configuration" value={values.scalingMode}
            // The custom sizes are not sent with an existing configuration; reset them so a half-typed value cannot block Next.
            onValueChange={(v) => set(v === "existing" ? { scalingMode: "existing", scalingName: "", minSize: "1", maxSize: "25", maxConcurrency: "100" } : { scalingMode: "custom" })}
            options={[
              { value: "custom", label: "Custom configuration", description: "Create a new configuration with these sizes." },
              { value: "existing", label: "Use existing", description: scalingOptions.length ? `${scalingOptions.length} in this region.` : "None in this region yet.", disabled: scalingOptions.length === 0 },
            ]} />
          {values.scalingMode === "custom" ? (
            <div className="grid gap-4 md:grid-cols-4">
              <Field label="Configuration name" htmlFor="scalingName" error={err("scalingName")} hint="Blank: the service name.">
                <Input {...field("scalingName")} autoComplete="off" spellCheck={false} placeholder={values.serviceName.slice(0, 32) || "web-scaling"} />
              </Field>
              <Field label="Minimum size" htmlFor="minSize" error={err("minSize")} hint="Instances, 1–25.">
                <Input {...field("minSize")} {...num(1, 25)} />
              </Field>
              <Field label="Maximum size" htmlFor="maxSize" error={err("maxSize")} hint="Instances, 1–25.">
                <Input {...field("maxSize")} {...num(1, 25)} />
              </Field>
              <Field label="Maximum concurrency" htmlFor="maxConcurrency" error={err("maxConcurrency")} hint="Requests per instance, 1–200.">
                <Input {...field("maxConcurrency")} {...num(1, 200)} />
              </Field>
            </div>
          ) : (
            <Field label="Auto scaling configuration" htmlFor="scalingArn" required error={err("scalingArn")}>
              <Select {...field("scalingArn")}>
                <option value="">Pick a configuration</option>
                {scalingOptions.map((o) => (
                  <option key={o.arn} value={o.arn}>
                    {o.name} (revision {o.revision}): {o.minSize ?? "?"}–{o.maxSize ?? "?"} instances, {o.maxConcurrency ?? "?"} requests{o.isDefault ? " · default" : ""}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Health check" description="App Runner replaces an instance that fails the check; a new deployment rolls back if it never passes." />
        <CardBody className="space-y-4">
          <RadioCards name="healthProtocol" legend="Protocol" value={values.healthProtocol}
            onValueChange={(v) => set({ healthProtocol: v as "TCP" | "HTTP" })}
            options={[
              { value: "TCP", label: "TCP", description: "The port accepts connections." },
              { value: "HTTP", label: "HTTP", description: "A path answers with a 2xx status." },
            ]} />
          <div className="grid gap-4 md:grid-cols-5">
            {values.healthProtocol === "HTTP" && (
              <Field label="Path" htmlFor="healthPath" error={err("healthPath")}>
                <Input {...field("healthPath")} className="font-mono" placeholder="/health" />
              </Field>
            )}
            <Field label="Interval (s)" htmlFor="healthInterval" error={err("healthInterval")}><Input {...field("healthInterval")} {...num(1, 20)} /></Field>
            <Field label="Timeout (s)" htmlFor="healthTimeout" error={err("healthTimeout")}><Input {...field("healthTimeout")} {...num(1, 20)} /></Field>
            <Field label="Healthy threshold" htmlFor="healthyThreshold" error={err("healthyThreshold")}><Input {...field("healthyThreshold")} {...num(1, 20)} /></Field>
            <Field label="Unhealthy threshold" htmlFor="unhealthyThreshold" error={err("unhealthyThreshold")}><Input {...field("unhealthyThreshold")} {...num(1, 20)} /></Field>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Security and tags" />
        <CardBody className="space-y-5">
          <Field label="Instance role" htmlFor="instanceRoleArn" error={err("instanceRoleArn")}
            hint="Optional. The IAM role your code uses to call AWS services (trusted by tasks.apprunner.amazonaws.com).">
            <Input {...field("instanceRoleArn")} autoComplete="off" spellCheck={false} className="font-mono" list="instance-roles"
              placeholder="arn:aws:iam::123456789012:role/web-instance-role" />
            <RoleSuggestions id="instance-roles" roles={instanceRoles} />
          </Field>
          <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={touch} />
        </CardBody>
      </Card>
    </div>
  );
}
