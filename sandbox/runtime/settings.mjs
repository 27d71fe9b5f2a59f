// Shared by the runtime parts' control APIs (POST /_sandbox/agent, /_sandbox/autoscaling):
// validate a partial settings object against [key, min, max, integer?] rules.

/**
 * `current` with the given `input` applied: `paused` must be a boolean, each ruled number must lie
 * in its range (and be an integer unless the rule says false). Throws an Error naming the field.
 */
export function mergeSettings(current, input, rules) {
  const next = { ...current };
  if (input.paused !== undefined) {
    if (typeof input.paused !== "boolean") throw new Error("paused must be true or false");
    next.paused = input.paused;
  }
  for (const [key, min, max, int = true] of rules) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) {
      throw new Error(`${key} must be ${int ? "an integer" : "a number"} from ${min} to ${max}`);
    }
    next[key] = v;
  }
  return next;
}
