import type { ServiceValues } from "./form-values";

/**
 * What the controls cannot post themselves: booleans as "true"/"false" and lists as
 * dotted names (subnets.0), so the server parses exactly what the client validated.
 */
export function HiddenFields({ values }: { values: ServiceValues }) {
  const flags = ["allowHttp", "allowHttps", "assignPublicIp", "circuitBreaker", "rollback", "enableExecuteCommand"] as const;
  return (
    <>
      {["connectionId", "region", "cluster", "networkMode", "loadBalancerSecurityGroupId"].map((k) => (
        <input key={k} type="hidden" name={k} value={String(values[k as keyof ServiceValues])} />
      ))}
      {flags.map((k) => <input key={k} type="hidden" name={k} value={String(values[k])} />)}
      {values.subnets.map((s, i) => <input key={s} type="hidden" name={`subnets.${i}`} value={s} />)}
      {values.securityGroupMode === "existing" && values.securityGroupIds.map((g, i) => <input key={g} type="hidden" name={`securityGroupIds.${i}`} value={g} />)}
      {values.computeMode === "capacityProvider" &&
        values.strategy.map((s, i) => <input key={s.capacityProvider} type="hidden" name={`strategy.${i}.capacityProvider`} value={s.capacityProvider} />)}
    </>
  );
}
