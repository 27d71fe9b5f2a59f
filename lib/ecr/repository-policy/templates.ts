// Starting points for a repository policy, as the console offers them.

const PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const PUSH_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"];

export const ACCOUNT_ID = /^\d{12}$/;
export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

const policy = (sid: string, principal: string, actions: string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: sid, Effect: "Allow", Principal: { AWS: principal }, Action: actions }] }, null, 2);

/** Another account may pull this repository's images. */
export function crossAccountPullPolicy(accountId: string): string {
  return policy("AllowCrossAccountPull", `arn:aws:iam::${accountId}:root`, PULL_ACTIONS);
}

/** A CI role may push (and pull) images. */
export function ciPushPolicy(roleArn: string): string {
  return policy("AllowCiPush", roleArn, PUSH_ACTIONS);
}
