"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { PrefillNotice } from "@/components/wizard/prefill-notice";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import { createServiceAction, previewServicePlanAction, serviceNetworkAction, taskDefinitionInfoAction } from "@/lib/ecs/services/actions";
import type { Vpc } from "@/lib/vpc/reads";
import type { TaskDefinitionInfo } from "@/lib/ecs/services/reads";
import { albSubnetWarning, internetFacingAlbCheck } from "@/lib/ecs/services/alb-subnets";
import { createServiceSchema } from "@/lib/ecs/services/schema";
import { ComputeFields } from "./compute-fields";
import { initialValues, portChoices, type LoadBalancerOption, type NetworkOptions, type ServiceValues, type StrategyRow } from "./form-values";
import { HiddenFields } from "./hidden-fields";
import { LoadBalancerFields } from "./load-balancer-fields";
import { NetworkFields } from "./network-fields";
import { StrategyFields } from "@/components/ecs/deployment-strategy/strategy-fields";
import { DeploymentAlarmFields } from "@/components/ecs/deployment-strategy/alarm-fields";
import { LifecycleHookFields } from "@/components/ecs/deployment-strategy/hook-fields";
import { shiftsTraffic, type Strategy } from "@/lib/ecs/deployment-strategy/fields";

const STEPS: WizardStep[] = [
  { id: "service", label: "Service", fields: ["serviceName", "taskDefinition", "computeMode", "launchType", "strategy", "platformVersion", "schedulingStrategy", "desiredCount"] },
  { id: "networking", label: "Networking", fields: ["vpcId", "subnets", "securityGroupMode", "securityGroupIds", "securityGroupName", "allowHttp", "ingressSource", "ingressCidr"] },
  {
    id: "loadBalancing",
    label: "Load balancing",
    fields: ["loadBalancerMode", "loadBalancerName", "loadBalancerArn", "listenerPort", "targetGroupName", "healthCheckPath", "healthCheckInterval", "healthCheckTimeout", "healthyThreshold", "unhealthyThreshold", "containerName", "containerPort", "gracePeriod"],
  },
  {
    id: "deployment",
    label: "Deployment and tags",
    fields: [
      "deploymentStrategy", "bakeTime", "canaryPercent", "canaryBakeTime", "stepPercent", "stepBakeTime", "alternateTargetGroupName", "lbRoleMode", "lbRoleArn",
      "alarmsEnabled", "alarmNames", "alarmRollback", "hooks",
      "productionRuleConditionField", "productionRuleConditionValue", "productionRulePriority", "testRuleMode", "testRuleConditionField", "testRuleConditionValue", "testRulePriority",
      "minHealthyPercent", "maxPercent", "circuitBreaker", "rollback", "enableExecuteCommand", "tags", "autoScaling", "scalingMin", "scalingMax", "scalingCpuTarget",
    ],
  },
];

export type ServiceWizardProps = {
  connection: { id: string; name: string; region: string };
  cluster: { name: string; capacityProviders: string[]; strategy: StrategyRow[] };
  revisions: string[];
  taskDefinition: string;
  td: TaskDefinitionInfo | null;
  vpcs: Vpc[];
  network: NetworkOptions;
  loadBalancers: LoadBalancerOption[];
  /** The region's CloudWatch alarms a deployment may watch. */
  alarms: { name: string; state: string }[];
  /** Duplicate: the values taken from an existing service, and what it says about them. */
  prefill?: { source: string; values: Partial<ServiceValues>; notes: string[]; dropped: string[] };
};

export function CreateServiceWizard(props: ServiceWizardProps) {
  const { connection, cluster } = props;
  const [values, setValues] = useState(() => ({
    ...initialValues({
      connectionId: connection.id, region: connection.region, cluster: cluster.name, taskDefinition: props.taskDefinition, td: props.td,
      strategy: cluster.strategy, vpcId: props.vpcs.find((v) => v.isDefault)?.id ?? props.vpcs[0]?.id ?? "", subnets: props.network.subnets,
    }),
    ...props.prefill?.values,
  }));
  const [td, setTd] = useState(props.td);
  const [network, setNetwork] = useState(props.network);
  const [loadingNetwork, setLoadingNetwork] = useState(false);
  // The optional auto scaling section: a scalable target and CPU target tracking created with the service.
  const [scaling, setScaling] = useState({ autoScaling: false, scalingMin: "1", scalingMax: "4", scalingCpuTarget: "70" });
  // Hooks belong to the traffic-shifting strategies; a rolling service posts none (their rows are not shown).
  const shifting = shiftsTraffic(values.deploymentStrategy as Strategy);
  const w = useWizard(createServiceSchema, STEPS, { ...values, hooks: shifting ? values.hooks : [], ...scaling });
  const { review, setReview, message, setMessage, onReview, action } = usePlanSubmit(w, STEPS.length, previewServicePlanAction, createServiceAction);
  const set = (patch: Partial<ServiceValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const where = () => {
    const form = new FormData();
    form.set("connectionId", connection.id);
    form.set("region", connection.region);
    return form;
  };

  async function pickTaskDefinition(taskDefinition: string) {
    set({ taskDefinition });
    if (!/:\d+$/.test(taskDefinition)) return setTd(null);
    const form = where();
    form.set("taskDefinition", taskDefinition);
    const result = await taskDefinitionInfoAction(initialState, form);
    const info = result.ok ? ((result.data as { info: TaskDefinitionInfo }).info) : null;
    setTd(info);
    const first = portChoices(info)[0];
    set({ taskDefinition, networkMode: info?.networkMode ?? "awsvpc", containerName: first?.container ?? "", containerPort: first ? String(first.port) : "" });
    if (!result.ok) setMessage({ text: result.message ?? "Could not read the task definition.", requestId: result.requestId });
  }

  async function pickVpc(vpcId: string) {
    set({ vpcId, subnets: [], securityGroupIds: [], loadBalancerArn: "" });
    setLoadingNetwork(true);
    const form = where();
    form.set("vpcId", vpcId);
    const result = await serviceNetworkAction(initialState, form);
    setLoadingNetwork(false);
    if (!result.ok) return setMessage({ text: result.message ?? "Could not list the VPC's subnets.", requestId: result.requestId });
    const next = result.data as NetworkOptions;
    setNetwork(next);
    set({ vpcId, subnets: next.subnets.map((s) => s.id), securityGroupIds: [], loadBalancerArn: "" });
  }


  const err = (k: string) => w.errorFor(k);
  const num = (k: "minHealthyPercent" | "maxPercent") => (
    <Input id={k} name={k} type="number" value={values[k]} onChange={(e) => set({ [k]: e.target.value })} onBlur={() => w.touch(k)} {...fieldAria(k, err(k))} />
  );
  const fieldsProps = { values, set, errorFor: err, touch: w.touch };
  const albCheck = internetFacingAlbCheck(values, network.subnets);
  const setScale = (patch: Partial<typeof scaling>) => {
    setScaling((v) => ({ ...v, ...patch }));
    setReview(null);
    for (const k of Object.keys(patch)) w.touch(k);
  };
  const scaleInput = (k: "scalingMin" | "scalingMax" | "scalingCpuTarget", label: string, hint?: string) => (
    <Field label={label} htmlFor={k} error={err(k)} hint={hint}>
      <Input id={k} name={k} inputMode="numeric" className="w-28" value={scaling[k]} onChange={(e) => setScale({ [k]: e.target.value })} {...fieldAria(k, err(k), hint)} />
    </Field>
  );

  return (
    <div className="space-y-4">
      {props.prefill && <PrefillNotice source={props.prefill.source} notes={props.prefill.notes} dropped={props.prefill.dropped} />}
      <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
        submitLabel={onReview ? "Create service" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
        <HiddenFields values={values} />
        <input type="hidden" name="autoScaling" value={String(scaling.autoScaling)} />

        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Service configuration" description={`In cluster ${cluster.name} · ${connection.region} · ${connection.name}.`} />
            <CardBody>
              <ComputeFields {...fieldsProps} revisions={props.revisions} td={td} capacityProviders={cluster.capacityProviders} onTaskDefinition={pickTaskDefinition} />
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Networking" description="Where the tasks run and who may reach them." />
            <CardBody>
              <NetworkFields {...fieldsProps} vpcs={props.vpcs} network={network} loadingNetwork={loadingNetwork} onVpcChange={pickVpc} />
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 2}>
          <Card>
            <CardHeader title="Load balancing" description="Spread requests over the service's tasks; ECS registers each task in the target group." />
            <CardBody>
              <LoadBalancerFields {...fieldsProps} loadBalancers={props.loadBalancers} td={td} subnets={network.subnets} />
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 3}>
          <Card>
            <CardHeader title="Deployment, ECS Exec and tags" description="How ECS rolls out a new revision (rolling, or blue/green, canary and linear through the load balancer), what it watches, ECS Exec and tags." />
            <CardBody className="space-y-5">
              <StrategyFields {...fieldsProps} />
              {shifting && (
                <LifecycleHookFields hooks={values.hooks} errorFor={err} onChange={(hooks) => { set({ hooks }); w.touch("hooks"); }} />
              )}
              <DeploymentAlarmFields errorFor={err} alarms={props.alarms} enabled={values.alarmsEnabled} rollback={values.alarmRollback} picked={values.alarmNames}
                set={(patch) => { set(patch); for (const k of Object.keys(patch)) w.touch(k); }} />
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Minimum healthy percent" htmlFor="minHealthyPercent" error={err("minHealthyPercent")} hint="Share of desired tasks kept running during a deployment.">{num("minHealthyPercent")}</Field>
                <Field label="Maximum percent" htmlFor="maxPercent" error={err("maxPercent")} hint="Upper limit of running tasks during a deployment.">{num("maxPercent")}</Field>
              </div>
              <Checkbox label="Deployment circuit breaker" description="Stop a deployment whose tasks keep failing to start."
                checked={values.circuitBreaker} onChange={(e) => set({ circuitBreaker: e.target.checked })} />
              <Checkbox className="ml-6" label="Roll back on failure" description="Return to the last completed deployment when the circuit breaker trips."
                checked={values.rollback && values.circuitBreaker} disabled={!values.circuitBreaker} onChange={(e) => set({ rollback: e.target.checked })} />
              <Checkbox label="Turn on ECS Exec" description="Allows running commands in the service's containers (needs SSM permissions in the task role)."
                checked={values.enableExecuteCommand} onChange={(e) => set({ enableExecuteCommand: e.target.checked })} />
              <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
            </CardBody>
          </Card>
          <Card className="mt-4">
            <CardHeader title="Auto scaling (optional)" description="Application Auto Scaling adds and removes tasks between a minimum and a maximum to keep average CPU near a target. More policies (memory, requests, queues, schedules) on the service's Scaling tab." />
            <CardBody className="space-y-4">
              <Checkbox label="Turn on auto scaling" description="Auto scaling then owns the desired count; deployments from Portside leave it alone."
                checked={scaling.autoScaling} onChange={(e) => setScale({ autoScaling: e.target.checked })} {...fieldAria("autoScaling", err("autoScaling"))} />
              {err("autoScaling") && <p id="autoScaling-error" role="alert" className="text-xs font-medium text-red-700">{err("autoScaling")?.[0]}</p>}
              {scaling.autoScaling && (
                <div className="grid gap-4 sm:grid-cols-3">
                  {scaleInput("scalingMin", "Minimum tasks")}
                  {scaleInput("scalingMax", "Maximum tasks")}
                  {scaleInput("scalingCpuTarget", "Target CPU utilization (%)", "1 to 100.")}
                </div>
              )}
            </CardBody>
          </Card>
        </div>

        {onReview && review && (
          <PlanReview review={review} note={
            <div className="space-y-2">
              {albCheck && (
                <Alert tone="warning" title="The internet-facing load balancer is in private subnets" data-testid="review-alb-private-subnets">
                  {albSubnetWarning(albCheck)}
                </Alert>
              )}
              <p className="text-xs text-ink-muted">
                Cost: you pay for the tasks the service runs (Fargate per vCPU and GB per second, or your EC2 instances) and, with a
                load balancer, for the Application Load Balancer per hour and per LCU. Security groups and target groups are free.
              </p>
            </div>
          } />
        )}
      </WizardFrame>
    </div>
  );
}
