import type { ContainerSpec } from "./user-data";

/**
 * Reads back the container a host's user data runs: the `docker 'run' …` line Portside wrote
 * (lib/hosts/user-data.ts). Only that form is read: bare words and '…' words with the '\''
 * escape. Bounded (EC2 user data is at most 16 KB), and anything else gives null.
 */
export const RUN_LINE_LIMITS = { maxText: 64 * 1024, maxWords: 400 };

/**
 * The words of one shell line (to the first unquoted newline); null when it holds anything but
 * bare words of safe characters and '…' words (which may hold newlines) with the '\'' escape.
 */
export function shellWords(text: string, maxWords = RUN_LINE_LIMITS.maxWords): string[] | null {
  const words: string[] = [];
  let i = 0;
  while (i < text.length && text[i] !== "\n") {
    if (text[i] === " ") {
      i++;
      continue;
    }
    let word = "";
    while (i < text.length && text[i] !== " " && text[i] !== "\n") {
      if (text[i] === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) return null;
        word += text.slice(i + 1, end);
        i = end + 1;
      } else if (text[i] === "\\" && text[i + 1] === "'") {
        word += "'";
        i += 2;
      } else if (/[A-Za-z0-9_./:=@-]/.test(text[i]!)) {
        word += text[i];
        i++;
      } else return null;
    }
    words.push(word);
    if (words.length > maxWords) return null;
  }
  return words;
}

export type ParsedContainer = Pick<ContainerSpec, "image" | "environment" | "restartPolicy"> & { hostPort: number; containerPort: number; logGroup?: string };

const RESTART = new Set(["no", "always", "unless-stopped", "on-failure"]);

export function parseRunLine(userData: string): ParsedContainer | null {
  if (userData.length > RUN_LINE_LIMITS.maxText) return null;
  const start = userData.indexOf("docker 'run' ");
  if (start < 0) return null;
  const words = shellWords(userData.slice(start));
  if (!words || words[0] !== "docker" || words[1] !== "run") return null;
  const out: ParsedContainer = { image: "", environment: [], restartPolicy: "no", hostPort: 0, containerPort: 0 };
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === "--env" && next !== undefined) {
      const eq = next.indexOf("=");
      if (eq > 0) out.environment.push({ name: next.slice(0, eq), value: next.slice(eq + 1) });
      i++;
    } else if (w === "--restart" && next && RESTART.has(next)) {
      out.restartPolicy = next as ParsedContainer["restartPolicy"];
      i++;
    } else if (w === "--publish" && next && /^\d{1,5}:\d{1,5}$/.test(next)) {
      [out.hostPort, out.containerPort] = next.split(":").map(Number) as [number, number];
      i++;
    } else if (w === "--log-opt" && next?.startsWith("awslogs-group=")) {
      out.logGroup = next.slice("awslogs-group=".length);
      i++;
    } else if (w.startsWith("--") && next !== undefined && w !== "--detach") i++;
    else if (!w.startsWith("--")) out.image = w;
  }
  return out.image ? out : null;
}
