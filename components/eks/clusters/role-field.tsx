"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { EKS_CLUSTER_ROLE } from "@/lib/eks/clusters/plan";
import type { RoleOption } from "./types";

type Props = {
  roles: RoleOption[] | null;
  rolesError?: string;
  mode: string;
  arn: string;
  onChange: (patch: { mode?: string; arn?: string }) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

/** The cluster IAM role: one that trusts eks.amazonaws.com, or eksClusterRole created by the plan. */
export function ClusterRoleField({ roles, rolesError, mode, arn, onChange, errorFor, touch }: Props) {
  const standardExists = roles?.some((r) => r.name === EKS_CLUSTER_ROLE.name) ?? false;
  return (
    <div className="space-y-3">
      <RadioCards name="roleMode" legend="Cluster IAM role" value={mode} onValueChange={(v) => onChange({ mode: v })}
        options={[
          {
            value: "create",
            label: `Create ${EKS_CLUSTER_ROLE.name}`,
            description: standardExists ? `${EKS_CLUSTER_ROLE.name} already exists in this account: pick it.` : "Trusted by eks.amazonaws.com, with the AWS managed policy AmazonEKSClusterPolicy.",
            disabled: standardExists,
          },
          {
            value: "existing",
            label: "Use an existing role",
            description: !roles ? "Enter its ARN." : roles.length ? `${roles.length} in this account trust EKS.` : "None in this account trusts eks.amazonaws.com yet.",
            disabled: roles?.length === 0,
          },
        ]} />
      {rolesError && <p className="text-xs text-ink-muted">Roles could not be listed: {rolesError}</p>}
      {errorFor("roleMode") && <p id="roleMode-error" role="alert" className="text-xs font-medium text-red-700">{errorFor("roleMode")![0]}</p>}
      {mode === "existing" ? (
        <Field label="Existing cluster role" htmlFor="roleArn" error={errorFor("roleArn")}>
          {roles ? (
            <Select id="roleArn" name="roleArn" value={arn} onChange={(e) => onChange({ arn: e.target.value })} onBlur={() => touch("roleArn")} {...fieldAria("roleArn", errorFor("roleArn"))}>
              <option value="">Pick a role…</option>
              {roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
            </Select>
          ) : (
            <Input id="roleArn" name="roleArn" value={arn} onChange={(e) => onChange({ arn: e.target.value })} onBlur={() => touch("roleArn")}
              className="font-mono" placeholder="arn:aws:iam::123456789012:role/eksClusterRole" {...fieldAria("roleArn", errorFor("roleArn"))} />
          )}
        </Field>
      ) : (
        <input type="hidden" name="roleArn" value="" />
      )}
    </div>
  );
}
