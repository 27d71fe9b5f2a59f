import type { PrefillResult } from "@/lib/ecs/common/prefill";
import type { ServicePrefill } from "@/lib/ecs/services/prefill";
import { emptyForm, newContainer, type TaskDefinitionForm } from "@/lib/ecs/task-definitions/form-values";
import type { SelfHostingInput } from "./schema";

/** Portside's container: the port `npm start` and the image listen on, and what its health check reads. */
export const PORTSIDE = { container: "portside", port: 3000, healthPath: "/api/health", stopTimeout: 30, tasks: 2 } as const;

// The image's own HEALTHCHECK (Dockerfile): Node's fetch, as the image has no curl.
const HEALTH_COMMAND = `node -e "fetch('http://127.0.0.1:${PORTSIDE.port}${PORTSIDE.healthPath}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"`;

/**
 * The task definition wizard's form for Portside itself: Fargate 1 vCPU / 2 GB, port 3000, the
 * database URL and both keys as secrets, the load balancer's VPC as PORTSIDE_TRUSTED_PROXIES when
 * known, the image's health check, and a stop timeout of 30 s
 * (above PORTSIDE_SHUTDOWN_GRACE_SECONDS, 25, so running plan steps can finish on SIGTERM).
 */
export function portsideTaskDefinition(input: SelfHostingInput): PrefillResult<TaskDefinitionForm> {
  const base = emptyForm();
  const container = newContainer(input.family, true);
  return {
    values: {
      ...base,
      family: input.family,
      cpu: "1024",
      memory: "2048",
      containers: [
        {
          ...container,
          name: PORTSIDE.container,
          image: input.image,
          portMappings: [{ containerPort: String(PORTSIDE.port), protocol: "tcp", name: "http", appProtocol: "http" }],
          environment: [
            { name: "NODE_ENV", value: "production" },
            ...(input.trustedProxies ? [{ name: "PORTSIDE_TRUSTED_PROXIES", value: input.trustedProxies }] : []),
          ],
          secrets: [
            { name: "DATABASE_URL", valueFrom: input.databaseUrlSecret },
            { name: "PORTSIDE_SECRET_KEY", valueFrom: input.secretKeySecret },
            { name: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", valueFrom: input.actionsKeySecret },
          ],
          stopTimeout: String(PORTSIDE.stopTimeout),
          healthCheck: { enabled: true, type: "CMD-SHELL", command: HEALTH_COMMAND, interval: "15", timeout: "5", retries: "3", startPeriod: "90" },
        },
      ],
      tags: [{ key: "portside:self", value: "true" }],
    },
    dropped: [],
    notes: [
      "The plan gives the execution role an inline policy, portside-read-secrets, that allows secretsmanager:GetSecretValue on exactly these three secrets (shown at review); if the secrets use a customer managed KMS key, the role also needs kms:Decrypt on it.",
      input.trustedProxies
        ? `PORTSIDE_TRUSTED_PROXIES is ${input.trustedProxies}, the VPC the service will run in: X-Forwarded-For / -Proto are believed from the load balancer there (client addresses, https for Secure cookies). Change it if the service runs in another VPC.`
        : "Set PORTSIDE_TRUSTED_PROXIES to the CIDR of the VPC the service will run in (e.g. 10.0.0.0/16; the load balancer's subnets suffice): without it Portside sees every request as coming from the load balancer over http, so sign-in throttling counts the load balancer, not people, and cookies are not marked Secure.",
      "Pick a task role: it is the identity Portside uses on AWS (add a connection of kind Default credential chain once it runs).",
    ],
  };
}

/** The service wizard's values for Portside: 2 tasks behind a new Application Load Balancer checking /api/health. */
export function portsideService(family: string): PrefillResult<Partial<ServicePrefill> & { loadBalancerName?: string; ingressSource?: string }> {
  return {
    values: {
      serviceName: family,
      desiredCount: String(PORTSIDE.tasks),
      // The tasks take traffic from the load balancer only.
      ingressSource: "loadBalancer",
      loadBalancerMode: "new",
      loadBalancerName: `${family}-alb`.slice(0, 32),
      listenerPort: "80",
      targetGroupName: `${family}-tg`.slice(0, 32),
      healthCheckPath: PORTSIDE.healthPath,
      containerName: PORTSIDE.container,
      containerPort: String(PORTSIDE.port),
      gracePeriod: "90",
      circuitBreaker: true,
      rollback: true,
    },
    dropped: [],
    notes: [
      "Two tasks keep Portside up through a deployment or a failed task; both share the database, sessions and live views.",
      "Listener 80 lets you try it; for real use add an HTTPS listener with an ACM certificate on the load balancer.",
    ],
  };
}
