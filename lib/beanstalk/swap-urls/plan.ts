import type { Plan } from "@/lib/core/plans/types";
import { environmentPage } from "@/lib/beanstalk/environments/names";
import type { SwapUrlsInput } from "./schema";

/**
 * Blue/green on Elastic Beanstalk: SwapEnvironmentCNAMEs exchanges the two environments' URLs
 * (their CNAMEs) at once; DNS follows within the record's TTL. Swapping again is the way back, so
 * it is the step's inverse.
 */
export function buildSwapUrlsPlan(input: SwapUrlsInput): Plan {
  const app = input.applicationName;
  const a = input.environmentName;
  const b = input.destinationName;
  const swap = { SourceEnvironmentName: a, DestinationEnvironmentName: b };
  return {
    version: 1,
    wizard: "beanstalk-swap-urls",
    title: `Swap the URLs of Elastic Beanstalk environments ${a} and ${b}`,
    resources: [`elasticbeanstalk:environment/${app}/${a}`, `elasticbeanstalk:environment/${app}/${b}`],
    landing: environmentPage(app, a),
    steps: [
      {
        key: "swap",
        service: "elasticbeanstalk",
        operation: "SwapEnvironmentCNAMEs",
        description: `Exchange the URLs of ${a} and ${b}`,
        input: swap,
        inverse: { service: "elasticbeanstalk", operation: "SwapEnvironmentCNAMEs", description: `Swap the URLs of ${a} and ${b} back`, input: swap },
      },
    ],
  };
}
