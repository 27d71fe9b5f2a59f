import { z } from "zod";

/**
 * An environment variable name a shell and Docker both take: letters, digits and underscores, not
 * starting with a digit. Services differ only in how long they let it be.
 */
export const posixEnvName = (maxLength: number) =>
  z
    .string()
    .trim()
    .min(1, "Enter a variable name.")
    .max(maxLength, `Variable names are at most ${maxLength} characters.`)
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Names use letters, digits and underscores, and do not start with a digit.");

/**
 * A form's list of environment variables: at most `max` rows, empty when absent, and a name set
 * twice is an error on the second row's name field. Each service brings its own row schema (its
 * name and value limits), and may refine the list further (a total size).
 */
export const envVarList = <Row extends z.ZodType<{ name: string; value: string }>>(row: Row, max: number, maxMessage = `At most ${max} variables.`) =>
  z
    .array(row)
    .max(max, maxMessage)
    .default([])
    .superRefine((vars, ctx) => {
      const seen = new Set<string>();
      vars.forEach((v, i) => {
        if (seen.has(v.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `${v.name} is set twice.` });
        seen.add(v.name);
      });
    });
