"use server";

import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";
import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import { getRole } from "@/lib/iam/reads";
import { listSecurityGroups } from "@/lib/vpc/reads";
import { envHash } from "./env-hash";
import { hostNames, TAG } from "./names";
import { buildCreateHostPlan, buildHostOperationPlan, buildReplaceContainerPlan, type HostFacts } from "./plan";
import { getHost, latestAl2023Ami, listHosts } from "./reads";
import { createHostSchema, hostOperationSchema, replaceContainerSchema, type CreateHostInput, type HostOperationInput } from "./schema";
import { z } from "zod";

const problems = (errors: Record<string, string[]>): ActionState | null =>
  Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;

async function checkCreate(input: CreateHostInput): Promise<ActionState | null> {
  const conn = await connectionInRegion(input);
  const names = hostNames(input.hostName);
  const errors: Record<string, string[]> = {};
  const [hosts, role, groups] = await Promise.all([
    listHosts(conn, input.region, { tagKey: "", tagValue: "" }),
    getRole(conn, names.role),
    input.securityGroupMode === "create" ? listSecurityGroups(conn, input.region, input.vpcId) : Promise.resolve([]),
  ]);
  if (hosts.some((h) => h.tags[TAG.host] === input.hostName && h.state !== "terminated")) errors.hostName = [`A host named ${input.hostName} already runs in ${input.region}.`];
  else if (role) errors.hostName = [`IAM role ${names.role} already exists (left by an earlier host?): pick another name or delete the role.`];
  if (groups.some((g) => g.name === names.securityGroup)) errors.securityGroupMode = [`Security group ${names.securityGroup} already exists in ${input.vpcId}: pick it instead.`];
  return problems(errors);
}

async function buildCreate(input: CreateHostInput) {
  const conn = await connectionInRegion(input);
  const amiId = await latestAl2023Ami(conn, input.region, input.architecture);
  if (!amiId) throw new ConflictError(`The public Amazon Linux 2023 parameter for ${input.architecture} has no AMI in ${input.region}.`);
  return buildCreateHostPlan(input, amiId, envHash(input.environment));
}

const create = reviewedPlan({ does: "launch EC2 hosts", schema: createHostSchema, check: checkCreate, build: buildCreate });
export const previewCreateHostAction = create.preview;
export const createHostAction = create.confirm;

async function hostFor(input: { connectionId: string; region: string; instanceId: string }) {
  const conn = await connectionInRegion(input);
  const host = await getHost(conn, input.region, input.instanceId);
  if (!host) throw new ConflictError(`There is no instance ${input.instanceId} in ${input.region}.`);
  return host;
}

async function buildOperation(input: HostOperationInput) {
  const host = await hostFor(input);
  if (host.name !== input.hostName) throw new ConflictError(`Instance ${input.instanceId} is named ${host.name} now; reload the page.`);
  if (host.state === "terminated") throw new ConflictError(`${host.name} is terminated.`);
  // Only what Portside created for a host it launched is deleted with it.
  const facts: HostFacts = host.managed
    ? { instanceId: host.instanceId, name: host.name, portsideRole: host.tags[TAG.role], createdSecurityGroup: host.tags[TAG.securityGroup], logGroup: host.tags[TAG.logGroup] }
    : { instanceId: host.instanceId, name: host.name };
  return buildHostOperationPlan(input, facts);
}

const operate = reviewedPlan({
  does: "stop, start and reboot EC2 hosts",
  schema: hostOperationSchema.extend({ operation: z.enum(["stop", "start", "reboot"]) }),
  build: buildOperation,
});
export const previewHostOperationAction = operate.preview;
export const hostOperationAction = operate.confirm;

// Terminating loses the instance, its disk and (for Portside's hosts) the container's logs.
const terminate = reviewedPlan({
  does: "terminate EC2 hosts",
  schema: hostOperationSchema.extend({ operation: z.literal("terminate") }),
  typed: { name: (input) => input.hostName, what: "host" },
  build: buildOperation,
});
export const previewTerminateHostAction = terminate.preview;
export const terminateHostAction = terminate.confirm;

const replace = reviewedPlan({
  does: "replace containers on EC2 hosts",
  schema: replaceContainerSchema,
  build: async (input) => {
    const host = await hostFor(input);
    if (host.state !== "running") throw new ConflictError(`${host.name} is ${host.state}: start it before replacing its container.`);
    if (!host.container || !host.logGroup) throw new ConflictError(`${host.name} was not launched by Portside: its container is not known.`);
    return buildReplaceContainerPlan(input, {
      name: host.tags[TAG.host] ?? host.name,
      image: host.container.image,
      hostPort: host.container.hostPort,
      containerPort: host.container.containerPort,
      environment: host.container.environment,
      restartPolicy: host.container.restartPolicy,
      logGroup: host.logGroup,
      region: input.region,
    }, envHash(input.environment));
  },
});
export const previewReplaceContainerAction = replace.preview;
export const replaceContainerAction = replace.confirm;
