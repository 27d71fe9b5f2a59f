import { Badge } from "@/components/ui/badge";
import { healthLabel, healthTone } from "@/lib/beanstalk/environments/health";

/** Elastic Beanstalk's health colour as a badge that says it in words ("Green · Ok"). */
export function HealthBadge({ color, status, label = "Health" }: { color?: string; status?: string; label?: string }) {
  const text = healthLabel(color, status);
  return (
    <Badge tone={healthTone(color)} aria-label={`${label}: ${text}`} data-testid="health-badge">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {text}
    </Badge>
  );
}
