import type { Need } from "./policy-diff";
import { attachMissingPolicy, type RoleFacts, type RoleFix } from "./role-check";

const AWS_POLICY = "arn:aws:iam::aws:policy/";
const anywhere = (...actions: string[]): Need[] => actions.map((action) => ({ action, resource: "*" }));

/**
 * The key actions of each AWS managed policy a Portside role carries: what a role that does not
 * have the policy attached must allow by its own policies for the use to work. Resource "*" as in
 * the managed policies themselves (a role scoped tighter is named in a warning, not changed).
 */
export const MANAGED_POLICY_NEEDS: Record<string, Need[]> = {
  [`${AWS_POLICY}service-role/AmazonECSTaskExecutionRolePolicy`]: anywhere("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:PutLogEvents"),
  [`${AWS_POLICY}service-role/AmazonECSInfrastructureRoleforExpressGatewayServices`]: anywhere("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup", "ec2:CreateSecurityGroup", "application-autoscaling:RegisterScalableTarget"),
  [`${AWS_POLICY}AmazonEKSClusterPolicy`]: anywhere("ec2:CreateNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "elasticloadbalancing:CreateLoadBalancer"),
  [`${AWS_POLICY}AmazonEKSWorkerNodePolicy`]: anywhere("ec2:DescribeInstances", "eks:DescribeCluster"),
  [`${AWS_POLICY}AmazonEC2ContainerRegistryReadOnly`]: anywhere("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
  [`${AWS_POLICY}AmazonEKS_CNI_Policy`]: anywhere("ec2:AssignPrivateIpAddresses", "ec2:AttachNetworkInterface", "ec2:CreateNetworkInterface"),
  [`${AWS_POLICY}AmazonEKSFargatePodExecutionRolePolicy`]: anywhere("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
  [`${AWS_POLICY}service-role/AWSAppRunnerServicePolicyForECRAccess`]: anywhere("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"),
};

/**
 * A reused role checked against the managed policies its use needs: one AttachRolePolicy step per
 * policy a Portside role lacks (keys `${key}0`, `${key}1`…), or a warning per policy another role's
 * own statements do not cover. `role` null (not read, or gone) checks nothing.
 */
export function managedRoleFix(key: string, role: RoleFacts | null, policyArns: string[], use: string): RoleFix {
  if (!role) return { steps: [], warnings: [] };
  const fixes = policyArns.map((policyArn, i) => attachMissingPolicy({ key: `${key}${i}`, role, policyArn, needs: MANAGED_POLICY_NEEDS[policyArn] ?? [], use }));
  return { steps: fixes.flatMap((f) => f.steps), warnings: [...new Set(fixes.flatMap((f) => f.warnings))] };
}
