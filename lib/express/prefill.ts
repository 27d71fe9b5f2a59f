/**
 * What another page (App Runner's "Move to Express Mode", or a refused App Runner
 * create) hands the Express wizard: `/ecs/express/new?prefill=<encodeExpressPrefill(p)>`.
 * cpu/memory are ECS units as strings ("1024", "2048").
 */
export type ExpressPrefill = {
  serviceName?: string;
  image?: string;
  containerPort?: number;
  cpu?: string;
  memory?: string;
  minTasks?: number;
  maxTasks?: number;
  healthCheckPath?: string;
  environment?: { name: string; value: string }[];
  fromAppRunnerArn?: string;
  /** "name (i-…)" of the EC2 Docker host this moves (lib/hosts/prefill.ts), for the notice. */
  fromEc2Host?: string;
  /** "application / environment" of the Elastic Beanstalk environment this moves (lib/beanstalk/move-to-ecs), for the notice. */
  fromBeanstalk?: string;
  /** What the source could not carry over exactly (a size Fargate does not offer, an image to enter), shown with the notice. */
  note?: string;
};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** base64url of the JSON, safe in a query string without further escaping. */
export function encodeExpressPrefill(p: ExpressPrefill): string {
  return toBase64Url(JSON.stringify(p));
}

const str = (v: unknown, max = 2048) => (typeof v === "string" && v.length <= max ? v : undefined);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

/**
 * Tolerant: a value of the wrong type is dropped, anything unreadable gives {}.
 * The wizard still validates every value it fills in.
 */
export function decodeExpressPrefill(s: string | null | undefined): ExpressPrefill {
  if (!s) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(s));
  } catch {
    return {};
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const environment = Array.isArray(r.environment)
    ? r.environment
        .filter((e): e is { name: string; value: unknown } => !!e && typeof e === "object" && typeof (e as { name?: unknown }).name === "string")
        .map((e) => ({ name: e.name, value: typeof e.value === "string" ? e.value : String(e.value ?? "") }))
        .slice(0, 100)
    : undefined;
  const out: ExpressPrefill = {
    serviceName: str(r.serviceName, 255),
    image: str(r.image),
    containerPort: int(r.containerPort),
    cpu: str(r.cpu, 8) ?? (int(r.cpu) !== undefined ? String(r.cpu) : undefined),
    memory: str(r.memory, 8) ?? (int(r.memory) !== undefined ? String(r.memory) : undefined),
    minTasks: int(r.minTasks),
    maxTasks: int(r.maxTasks),
    healthCheckPath: str(r.healthCheckPath, 1024),
    environment,
    fromAppRunnerArn: str(r.fromAppRunnerArn),
    fromEc2Host: str(r.fromEc2Host, 80),
    fromBeanstalk: str(r.fromBeanstalk, 150),
    note: str(r.note, 500),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ExpressPrefill;
}

/** The service name in an App Runner ARN (…:service/<name>/<id>), for the notice. */
export function appRunnerServiceName(arn: string): string {
  return arn.split(":service/")[1]?.split("/")[0] || arn;
}
