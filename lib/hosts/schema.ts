import { z } from "zod";
import { envVarList, posixEnvName } from "@/lib/core/validation/env-vars";
import { flag, int } from "@/lib/core/validation/fields";
import { imageSchema } from "@/lib/express/schema";
import { INSTANCE_TYPES, instanceTypeInfo } from "./instance-types";

/** An EC2 instance id: i- and 8 or 17 hex digits. */
export const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.");

/**
 * The host's name: the instance's Name tag and Docker's container name, and part of the names of
 * what Portside creates for it (role, instance profile, security group, log group), so it keeps to
 * the narrowest of their patterns.
 */
export const hostNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for the host.")
  .max(40, "Host names are at most 40 characters.")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "Start with a letter or digit; then use letters, digits, . _ and -.");

export const RESTART_POLICIES = ["unless-stopped", "always", "on-failure", "no"] as const;

// Docker reads a NUL nowhere and the shell cannot hold one in a word.
export const environmentSchema = envVarList(
  z.object({
    name: posixEnvName(255),
    value: z.string().max(4096, "Values are at most 4 KB.").refine((v) => !v.includes("\0"), "Values cannot hold a NUL character."),
  }),
  50,
);

/** a.b.c.d/n with every part in range. */
export function isIpv4Cidr(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  return Boolean(m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32);
}

const container = {
  image: imageSchema,
  environment: environmentSchema,
  restartPolicy: z.enum(RESTART_POLICIES, { message: "Pick a restart policy." }).default("unless-stopped"),
};

export const createHostSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region,
    hostName: hostNameSchema,
    architecture: z.enum(["x86_64", "arm64"], { message: "Pick an architecture." }).default("x86_64"),
    instanceType: z.string().refine((v) => Boolean(instanceTypeInfo(v)), "Pick an instance type."),
    keyName: z.string().trim().max(255, "Key pair names are at most 255 characters.").default(""),
    vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, "Pick a VPC."),
    subnetId: z.string().regex(/^subnet-[0-9a-f]+$/, "Pick a subnet."),
    publicIp: flag.default(true),
    securityGroupMode: z.enum(["create", "existing"]).default("create"),
    securityGroupId: z.string().trim().default(""),
    sourceCidr: z.string().trim().default("0.0.0.0/0").refine(isIpv4Cidr, "Enter an IPv4 CIDR such as 0.0.0.0/0 or 203.0.113.0/24."),
    volumeSize: int("The volume size", 8, 16384).default(8),
    hostPort: int("The host port", 1, 65535).default(80),
    containerPort: int("The container port", 1, 65535).default(80),
    ...container,
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const info = instanceTypeInfo(v.instanceType);
    if (info && info.architecture !== v.architecture) {
      const fits = INSTANCE_TYPES.filter((i) => i.architecture === v.architecture).map((i) => i.type);
      ctx.addIssue({ code: "custom", path: ["instanceType"], message: `${v.instanceType} is not ${v.architecture}: pick one of ${fits.join(", ")}.` });
    }
    if (v.securityGroupMode === "existing" && !/^sg-[0-9a-f]+$/.test(v.securityGroupId)) {
      ctx.addIssue({ code: "custom", path: ["securityGroupId"], message: "Pick a security group." });
    }
  });

export type CreateHostInput = z.infer<typeof createHostSchema>;

const hostTarget = {
  connectionId: z.string().min(1),
  region,
  instanceId: z.string().regex(INSTANCE_ID, "Not an instance id."),
  reviewedHash: z.string().optional(),
};

export const HOST_OPERATIONS = ["stop", "start", "reboot", "terminate"] as const;

/** `hostName` is what the page showed: terminate's typed confirmation is checked against it, and it against AWS. */
export const hostOperationSchema = z.object({ ...hostTarget, hostName: z.string().trim().min(1).max(256), operation: z.enum(HOST_OPERATIONS) });
export type HostOperationInput = z.infer<typeof hostOperationSchema>;

export const replaceContainerSchema = z.object({ ...hostTarget, ...container });
export type ReplaceContainerInput = z.infer<typeof replaceContainerSchema>;

/** The hosts page's filter: any instance with this tag (value optional), beside Portside's own. */
export const hostFilterSchema = z.object({
  tagKey: z.string().trim().max(128).regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u).default(""),
  tagValue: z.string().trim().max(256).regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u).default(""),
});
