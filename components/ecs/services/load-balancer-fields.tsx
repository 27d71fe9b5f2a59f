"use client";

import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { elbNameFrom, portChoices, type FieldsProps, type LoadBalancerOption } from "./form-values";
import type { Subnet } from "@/lib/vpc/reads";
import type { TaskDefinitionInfo } from "@/lib/ecs/services/reads";
import { albSubnetWarning, internetFacingAlbCheck } from "@/lib/ecs/services/alb-subnets";

type Props = FieldsProps & { loadBalancers: LoadBalancerOption[]; td: TaskDefinitionInfo | null; subnets: Subnet[] };

/** None, or an Application Load Balancer (new or existing) with a listener and a new target group. */
export function LoadBalancerFields({ values, set, errorFor: err, touch, loadBalancers, td, subnets }: Props) {
  const text = (k: "loadBalancerName" | "listenerPort" | "targetGroupName" | "healthCheckPath" | "healthCheckInterval" | "healthCheckTimeout" | "healthyThreshold" | "unhealthyThreshold" | "gracePeriod", type = "text") => (
    <Input id={k} name={k} type={type} value={values[k]} autoComplete="off" spellCheck={false}
      onChange={(e) => set({ [k]: e.target.value })} onBlur={() => touch(k)} {...fieldAria(k, err(k))} />
  );
  const inVpc = loadBalancers.filter((lb) => lb.vpcId === values.vpcId);
  const ports = portChoices(td);
  const privateCheck = internetFacingAlbCheck(values, subnets);
  const choose = (mode: string) => {
    const name = values.serviceName;
    set({
      loadBalancerMode: mode,
      ...(mode === "new" && !values.loadBalancerName ? { loadBalancerName: elbNameFrom(name, "-alb") } : {}),
      ...(mode !== "none" && !values.targetGroupName ? { targetGroupName: elbNameFrom(name, "-tg") } : {}),
    });
  };
  return (
    <div className="space-y-5">
      <RadioCards name="loadBalancerMode" legend="Load balancer" value={values.loadBalancerMode} onValueChange={choose}
        options={[
          { value: "none", label: "None", description: "Tasks are reached directly, or not at all." },
          { value: "new", label: "New Application Load Balancer", description: "HTTP, forwarding to a new target group.", disabled: values.networkMode !== "awsvpc" },
          { value: "existing", label: "Existing Application Load Balancer", description: "Adds a listener and a target group to it.", disabled: inVpc.length === 0 },
        ]} />
      {err("loadBalancerMode") && <p role="alert" className="text-xs text-red-700">{err("loadBalancerMode")![0]}</p>}

      {values.loadBalancerMode === "new" && (
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Load balancer name" htmlFor="loadBalancerName" error={err("loadBalancerName")} hint="Up to 32 letters, digits and hyphens. Gets its own security group open on the listener port.">
            {text("loadBalancerName")}
          </Field>
          <Field label="Scheme" htmlFor="loadBalancerScheme" hint="Placed in the service's subnets (Networking step).">
            <Select id="loadBalancerScheme" name="loadBalancerScheme" value={values.loadBalancerScheme} onChange={(e) => set({ loadBalancerScheme: e.target.value })}
              aria-describedby={privateCheck ? "loadBalancerScheme-hint loadBalancerScheme-private" : "loadBalancerScheme-hint"}>
              <option value="internet-facing">Internet-facing</option>
              <option value="internal">Internal</option>
            </Select>
          </Field>
          {privateCheck && (
            <Alert tone="warning" id="loadBalancerScheme-private" className="md:col-span-2" title="Internet-facing, but in private subnets" data-testid="alb-private-subnets">
              {albSubnetWarning(privateCheck)}
            </Alert>
          )}
        </div>
      )}
      {values.loadBalancerMode === "existing" && (
        <Field label="Load balancer" htmlFor="loadBalancerArn" error={err("loadBalancerArn")}>
          <Select id="loadBalancerArn" name="loadBalancerArn" value={values.loadBalancerArn} {...fieldAria("loadBalancerArn", err("loadBalancerArn"))}
            onChange={(e) => set({ loadBalancerArn: e.target.value, loadBalancerSecurityGroupId: inVpc.find((lb) => lb.arn === e.target.value)?.securityGroups[0] ?? "" })}>
            <option value="">Choose…</option>
            {inVpc.map((lb) => <option key={lb.arn} value={lb.arn}>{lb.name} ({lb.scheme})</option>)}
          </Select>
        </Field>
      )}

      {values.loadBalancerMode !== "none" && (
        <>
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="Listener port" htmlFor="listenerPort" error={err("listenerPort")} hint="HTTP.">{text("listenerPort", "number")}</Field>
            <Field label="Target group name" htmlFor="targetGroupName" error={err("targetGroupName")} hint="Protocol HTTP; tasks register by IP.">{text("targetGroupName")}</Field>
            <Field label="Container to load balance" htmlFor="containerTarget" error={err("containerName") ?? err("containerPort")}>
              <Select id="containerTarget" value={`${values.containerName}:${values.containerPort}`} {...fieldAria("containerTarget", err("containerName") ?? err("containerPort"))}
                onChange={(e) => { const [c, p] = e.target.value.split(":"); set({ containerName: c ?? "", containerPort: p ?? "" }); }}>
                {ports.length === 0 && <option value=":">No TCP port mappings in this revision</option>}
                {ports.map((p) => <option key={`${p.container}:${p.port}`} value={`${p.container}:${p.port}`}>{p.container} {p.port}:{p.port}</option>)}
              </Select>
            </Field>
          </div>
          <input type="hidden" name="containerName" value={values.containerName} />
          <input type="hidden" name="containerPort" value={values.containerPort} />
          <fieldset className="grid gap-4 md:grid-cols-5">
            <legend className="mb-1 text-[13px] font-medium">Health check</legend>
            <Field label="Path" htmlFor="healthCheckPath" error={err("healthCheckPath")}>{text("healthCheckPath")}</Field>
            <Field label="Interval (s)" htmlFor="healthCheckInterval" error={err("healthCheckInterval")}>{text("healthCheckInterval", "number")}</Field>
            <Field label="Timeout (s)" htmlFor="healthCheckTimeout" error={err("healthCheckTimeout")}>{text("healthCheckTimeout", "number")}</Field>
            <Field label="Healthy threshold" htmlFor="healthyThreshold" error={err("healthyThreshold")}>{text("healthyThreshold", "number")}</Field>
            <Field label="Unhealthy threshold" htmlFor="unhealthyThreshold" error={err("unhealthyThreshold")}>{text("unhealthyThreshold", "number")}</Field>
          </fieldset>
          <Field label="Health check grace period (s)" htmlFor="gracePeriod" error={err("gracePeriod")} hint="How long ECS ignores failing load balancer health checks after a task starts.">
            {text("gracePeriod", "number")}
          </Field>
        </>
      )}
    </div>
  );
}
