/** ECR's finding severities, worst first (UNDEFINED last, as the console sorts them). */
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"] as const;

/** How many findings of each severity, worst first, leaving out those with none: ["CRITICAL", 2], … */
export function severityCounts(counts: Record<string, number>): [string, number][] {
  return SEVERITIES.filter((s) => counts[s]).map((s) => [s, counts[s]!]);
}
