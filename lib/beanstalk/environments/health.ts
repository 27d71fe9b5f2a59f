/**
 * Elastic Beanstalk reports an environment's and an instance's health as a colour (Green, Yellow,
 * Red, Grey) and, with enhanced health, a status word (Ok, Warning, Degraded, Severe…). The page
 * shows both as words, so nothing depends on seeing the colour.
 */
export type HealthTone = "green" | "yellow" | "red" | "neutral";

const TONES: Record<string, HealthTone> = { Green: "green", Yellow: "yellow", Red: "red", Grey: "neutral" };

const MEANING: Record<string, string> = {
  Green: "Healthy",
  Yellow: "Warning",
  Red: "Failing",
  Grey: "Unknown",
};

export function healthTone(color: string | undefined): HealthTone {
  return (color && TONES[color]) || "neutral";
}

/** "Green · Ok", "Red · Severe", or the colour's meaning when there is no enhanced status. */
export function healthLabel(color: string | undefined, status?: string): string {
  const c = color && TONES[color] ? color : "Grey";
  return `${c} · ${status || MEANING[c]}`;
}

/** Statuses in which Elastic Beanstalk is still changing the environment (no other change is accepted). */
export const BUSY_STATUSES = ["Launching", "Updating", "Terminating", "Aborting", "LinkingFrom", "LinkingTo"] as const;

export function isBusy(status: string): boolean {
  return (BUSY_STATUSES as readonly string[]).includes(status);
}
