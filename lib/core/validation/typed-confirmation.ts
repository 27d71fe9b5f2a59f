import { z } from "zod";

/**
 * What a person typed to confirm a destructive change (the resource's name). Only the confirm
 * carries it — the dialog's own text box posts it as `confirmName` — and the server compares it,
 * so a forged or scripted request cannot skip the step the dialog shows. Bounded like any name.
 */
export const typedConfirmationFields = { confirmName: z.string().max(2048) };

/** The field error when the typed text is not the name, or null when it is. */
export function typedConfirmationError(typed: string, expected: string, what: string): Record<string, string[]> | null {
  return typed === expected ? null : { confirmName: [`Type the ${what} name to confirm.`] };
}
