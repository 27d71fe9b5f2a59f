import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { RoleName } from "@/lib/core/auth/roles";
import type { SessionUser } from "@/lib/core/auth/session";
import { requireReviewedHash } from "@/lib/core/plans/reviewed-hash";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import type { Plan } from "@/lib/core/plans/types";
import { typedConfirmationError, typedConfirmationFields } from "@/lib/core/validation/typed-confirmation";
import { defineAction } from "./action";
import type { ActionState } from "./state";

type Target = { connectionId: string; region: string; reviewedHash?: string };

/**
 * The preview / confirm pair behind every "review, then run" form: the preview validates, checks
 * what AWS holds and returns the plan's review; the confirm rebuilds the plan from the same input,
 * refuses it without the reviewed hash or if it differs from the reviewed one, and starts the run.
 * `build` may read AWS (the current state a plan's inverse restores), so both calls see the same
 * facts. `stored` drops what the history need not keep. `typed` makes the confirm carry the
 * resource's name as the person typed it (`confirmName`), checked here on the server; the preview,
 * sent as the dialog opens, does not. `check` and `build` get the signed-in user too (for what is
 * stored per person, e.g. an upload the input names by id).
 */
export function reviewedPlan<S extends z.ZodType<Target>>(opts: {
  does: string;
  schema: S;
  role?: RoleName;
  check?: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<ActionState | null>;
  build: (input: z.output<S>, ctx: { user: SessionUser }) => Plan | Promise<Plan>;
  stored?: (input: z.output<S>) => Target;
  typed?: { name: (input: z.output<S>) => string; what: string };
}) {
  const role = opts.role ?? "operator";
  const preview = defineAction({
    role,
    does: opts.does,
    schema: opts.schema,
    run: async (input, ctx) => (await opts.check?.(input, ctx)) ?? { ok: true, data: reviewOf(await opts.build(input, ctx), input.region) },
  });
  const confirm = defineAction({
    role,
    does: opts.does,
    schema: z.intersection(opts.schema, z.object(typedConfirmationFields).partial()),
    run: async ({ confirmName, ...rest }, { user }) => {
      const input = rest as unknown as z.output<S>;
      if (opts.typed) {
        const fieldErrors = typedConfirmationError(confirmName ?? "", opts.typed.name(input), opts.typed.what);
        if (fieldErrors) return { ok: false, fieldErrors };
      }
      requireReviewedHash(input.reviewedHash);
      const problem = await opts.check?.(input, { user });
      if (problem) return problem;
      const plan = await opts.build(input, { user });
      const runId = await submitPlan({ user, input: opts.stored?.(input) ?? input, plan, reviewedHash: input.reviewedHash });
      redirect(`/history/${runId}`);
    },
  });
  return { preview, confirm };
}
