/**
 * Docker solution stacks as ListAvailableSolutionStacks names them:
 * "64bit Amazon Linux 2023 v4.3.0 running Docker". The newest Amazon Linux 2023 one is the default,
 * as in the console.
 */
const DOCKER = /^64bit Amazon Linux (\d+) v(\d+)\.(\d+)\.(\d+) running Docker$/;

export function isDockerStack(name: string): boolean {
  return DOCKER.test(name);
}

function versionOf(name: string): number[] {
  const m = DOCKER.exec(name);
  return m ? m.slice(1).map(Number) : [];
}

function newerFirst(a: string, b: string): number {
  const va = versionOf(a);
  const vb = versionOf(b);
  for (let i = 0; i < 4; i++) if ((vb[i] ?? 0) !== (va[i] ?? 0)) return (vb[i] ?? 0) - (va[i] ?? 0);
  return a.localeCompare(b);
}

/** Docker stacks only (the ECS-based "Multi-container Docker" and "ECS running on" are not this wizard's), newest first. */
export function dockerStacks(all: string[]): string[] {
  return [...new Set(all.filter(isDockerStack))].sort(newerFirst);
}

export function defaultStack(all: string[]): string | undefined {
  const docker = dockerStacks(all);
  return docker.find((s) => s.startsWith("64bit Amazon Linux 2023 ")) ?? docker[0];
}
