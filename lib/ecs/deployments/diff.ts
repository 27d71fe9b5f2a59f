/** A task definition as DescribeTaskDefinition answers it, the parts a deployment diff compares. */
export type DiffContainer = {
  name?: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  command?: string[];
  entryPoint?: string[];
  environment?: { name?: string; value?: string }[];
  secrets?: { name?: string; valueFrom?: string }[];
  portMappings?: { containerPort?: number; hostPort?: number; protocol?: string }[];
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
};
export type DiffTaskDefinition = { cpu?: string; memory?: string; containerDefinitions?: DiffContainer[] };

/** Environment names whose values are shown masked: they look like credentials. */
const SECRET_NAME = /(secret|passw|pwd|token|key|credential|auth|private|cert|session|cookie|dsn|conn)/i;
const MAX_LINES = 40;
const MAX_TEXT = 120;

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);
const none = (v: unknown) => (v == null || v === "" ? "none" : String(v));
const words = (list?: string[]) => (list?.length ? clip(JSON.stringify(list)) : "none");
const ports = (c: DiffContainer) => (c.portMappings ?? []).map((p) => `${p.containerPort ?? "?"}${p.hostPort && p.hostPort !== p.containerPort ? `:${p.hostPort}` : ""}/${p.protocol ?? "tcp"}`).sort().join(", ") || "none";
const logs = (c: DiffContainer) => {
  const l = c.logConfiguration;
  if (!l?.logDriver) return "none";
  const opts = Object.entries(l.options ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(", ");
  return clip(opts ? `${l.logDriver} (${opts})` : l.logDriver);
};

/** "FOO=bar" as the diff shows a value: masked when the name looks like a credential. */
export function shownValue(name: string, value: string | undefined): string {
  if (SECRET_NAME.test(name)) return "••••";
  return clip(value ?? "");
}

function envDiff(prefix: string, a: DiffContainer, b: DiffContainer, out: string[]) {
  const before = new Map((a.environment ?? []).map((e) => [e.name ?? "", e.value ?? ""]));
  const after = new Map((b.environment ?? []).map((e) => [e.name ?? "", e.value ?? ""]));
  for (const [name, value] of after) {
    if (!before.has(name)) out.push(`${prefix}env ${name} added (${shownValue(name, value)})`);
    else if (before.get(name) !== value) out.push(`${prefix}env ${name} changed: ${shownValue(name, before.get(name))} → ${shownValue(name, value)}`);
  }
  for (const name of before.keys()) if (!after.has(name)) out.push(`${prefix}env ${name} removed`);
  // Secrets are references (Secrets Manager, SSM): their names are shown, never where they point.
  const sBefore = new Map((a.secrets ?? []).map((s) => [s.name ?? "", s.valueFrom ?? ""]));
  const sAfter = new Map((b.secrets ?? []).map((s) => [s.name ?? "", s.valueFrom ?? ""]));
  for (const [name, from] of sAfter) {
    if (!sBefore.has(name)) out.push(`${prefix}secret ${name} added`);
    else if (sBefore.get(name) !== from) out.push(`${prefix}secret ${name} points elsewhere`);
  }
  for (const name of sBefore.keys()) if (!sAfter.has(name)) out.push(`${prefix}secret ${name} removed`);
}

/**
 * What changed between two task definitions beyond the image (which the timeline says already):
 * task CPU/memory, and per container its sizes, environment (names; values masked where they look
 * like credentials; secrets by name only), ports, command and entry point, log configuration.
 */
export function taskDefinitionDiff(from: DiffTaskDefinition, to: DiffTaskDefinition): string[] {
  const out: string[] = [];
  if (none(from.cpu) !== none(to.cpu)) out.push(`Task CPU ${none(from.cpu)} → ${none(to.cpu)}`);
  if (none(from.memory) !== none(to.memory)) out.push(`Task memory ${none(from.memory)} → ${none(to.memory)}`);
  const before = new Map((from.containerDefinitions ?? []).map((c) => [c.name ?? "", c]));
  const after = to.containerDefinitions ?? [];
  for (const b of after) {
    const name = b.name ?? "";
    const a = before.get(name);
    if (!a) {
      out.push(`Container ${name} added`);
      continue;
    }
    const p = `${name}: `;
    if (none(a.cpu) !== none(b.cpu)) out.push(`${p}CPU ${none(a.cpu)} → ${none(b.cpu)}`);
    if (none(a.memory) !== none(b.memory)) out.push(`${p}memory ${none(a.memory)} → ${none(b.memory)}`);
    if (none(a.memoryReservation) !== none(b.memoryReservation)) out.push(`${p}memory reservation ${none(a.memoryReservation)} → ${none(b.memoryReservation)}`);
    envDiff(p, a, b, out);
    if (ports(a) !== ports(b)) out.push(`${p}ports ${ports(a)} → ${ports(b)}`);
    if (words(a.command) !== words(b.command)) out.push(`${p}command ${words(a.command)} → ${words(b.command)}`);
    if (words(a.entryPoint) !== words(b.entryPoint)) out.push(`${p}entry point ${words(a.entryPoint)} → ${words(b.entryPoint)}`);
    if (logs(a) !== logs(b)) out.push(`${p}logs ${logs(a)} → ${logs(b)}`);
  }
  const names = new Set(after.map((c) => c.name ?? ""));
  for (const name of before.keys()) if (!names.has(name)) out.push(`Container ${name} removed`);
  return out.length > MAX_LINES ? [...out.slice(0, MAX_LINES), `… and ${out.length - MAX_LINES} more changes`] : out;
}
