import type { Plan } from "@/lib/core/plans/types";
import { environmentPage } from "@/lib/beanstalk/environments/names";
import type { RequestLogsInput } from "./schema";

/**
 * RequestEnvironmentInfo makes every instance upload its logs (the last 100 lines of each log
 * file, or all of them as a zip) to the account's Elastic Beanstalk bucket; nothing to undo.
 */
export function buildRequestLogsPlan(input: RequestLogsInput): Plan {
  const env = input.environmentName;
  const what = input.infoType === "tail" ? "the last 100 lines of each log file" : "the full logs (a zip per instance)";
  return {
    version: 1,
    wizard: "beanstalk-env-logs",
    title: `Request ${input.infoType === "tail" ? "the last 100 log lines" : "the full logs"} of Elastic Beanstalk environment ${env}`,
    resources: [`elasticbeanstalk:environment/${input.applicationName}/${env}`],
    landing: environmentPage(input.applicationName, env),
    steps: [
      {
        key: "request",
        service: "elasticbeanstalk",
        operation: "RequestEnvironmentInfo",
        description: `Ask the instances of ${env} for ${what}`,
        input: { EnvironmentName: env, InfoType: input.infoType },
      },
    ],
  };
}
