/**
 * Task definitions ("family:revision") in the order a picker offers them, so its first entry is
 * the sensible default: the families the cluster's services run first (in the order given), then
 * the others alphabetically; within a family the newest revision first.
 */
export function orderTaskDefinitions(refs: string[], serviceTaskDefinitions: string[]): string[] {
  const split = (ref: string) => {
    const at = ref.lastIndexOf(":");
    return { family: at < 0 ? ref : ref.slice(0, at), revision: at < 0 ? 0 : Number(ref.slice(at + 1)) || 0 };
  };
  const used = [...new Set(serviceTaskDefinitions.map((t) => split(t).family))];
  const rank = (family: string) => (used.includes(family) ? used.indexOf(family) : used.length);
  return [...new Set(refs)].sort((a, b) => {
    const x = split(a);
    const y = split(b);
    return rank(x.family) - rank(y.family) || x.family.localeCompare(y.family) || y.revision - x.revision;
  });
}
