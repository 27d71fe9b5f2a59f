import { z } from "zod";

/** Form booleans arrive as "true"/"false" strings (hidden inputs) or as booleans (client state). */
export const flag = z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true");

/** A whole number in [min, max]: "Enter a whole number." / "`label` is min to max." */
export const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(min, `${label} is ${min} to ${max}.`)
    .max(max, `${label} is ${min} to ${max}.`);

const capitalized = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/**
 * A whole number in [min, max] whose messages name the field (for forms with many numbers):
 * "Enter a whole number for `label`." / "`Label` is min to max."
 */
export const wholeFor = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter a whole number for ${label}.` })
    .int(`Enter a whole number for ${label}.`)
    .min(min, `${capitalized(label)} is ${min} to ${max}.`)
    .max(max, `${capitalized(label)} is ${min} to ${max}.`);
