import { z } from "zod";
import { environmentNameSchema, environmentTarget } from "@/lib/beanstalk/environments/names";

/** Swap the URLs (CNAMEs) of this environment and another one of the same application. */
export const swapUrlsSchema = z
  .object({ ...environmentTarget, destinationName: environmentNameSchema })
  .refine((v) => v.destinationName !== v.environmentName, { path: ["destinationName"], message: "Pick another environment of this application." });
export type SwapUrlsInput = z.infer<typeof swapUrlsSchema>;
