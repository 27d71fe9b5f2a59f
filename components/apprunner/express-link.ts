import { encodeExpressPrefill, type ExpressPrefill } from "@/lib/express/prefill";

/** The Express Mode wizard, prefilled. URLSearchParams keeps any encoded form intact in the query. */
export function expressWizardHref(prefill: ExpressPrefill): string {
  return `/ecs/express/new?${new URLSearchParams({ prefill: encodeExpressPrefill(prefill) })}`;
}
