"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createPullThroughRuleAction, previewCreatePullThroughRuleAction } from "@/lib/ecr/pull-through/actions";
import { UPSTREAMS, createPullThroughRuleSchema, type UpstreamUrl } from "@/lib/ecr/pull-through/schema";

const STEPS: WizardStep[] = [{ id: "rule", label: "Rule", fields: ["ecrRepositoryPrefix", "upstreamRegistryUrl", "credentialArn"] }];
// The console's default prefix for each upstream.
const DEFAULT_PREFIX: Record<UpstreamUrl, string> = { "public.ecr.aws": "ecr-public", "registry-1.docker.io": "docker-hub", "quay.io": "quay" };

type Props = { context: { connectionId: string; region: string }; registry: string };

/** A pull-through cache rule for ECR Public, Docker Hub or Quay, created as a reviewed plan. */
export function CreatePullThroughRuleWizard({ context, registry }: Props) {
  const [values, setValues] = useState(() => ({ ...context, upstreamRegistryUrl: "public.ecr.aws" as UpstreamUrl, ecrRepositoryPrefix: "ecr-public", credentialArn: "" }));
  const w = useWizard(createPullThroughRuleSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewCreatePullThroughRuleAction, createPullThroughRuleAction);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  const upstream = UPSTREAMS[values.upstreamRegistryUrl];

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message} submitLabel={onReview ? "Create rule" : "Review"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <div hidden={w.current !== 0} className="space-y-4">
        <Card>
          <CardHeader title="Upstream registry" description="Images pulled through the rule are cached in this registry and kept in sync with the upstream." />
          <CardBody className="space-y-4">
            <RadioCards name="upstreamRegistryUrl" legend="Upstream" value={values.upstreamRegistryUrl}
              onValueChange={(v) => set({ upstreamRegistryUrl: v as UpstreamUrl, ecrRepositoryPrefix: DEFAULT_PREFIX[v as UpstreamUrl] ?? values.ecrRepositoryPrefix })}
              options={(Object.keys(UPSTREAMS) as UpstreamUrl[]).map((url) => ({
                value: url,
                label: UPSTREAMS[url].label,
                description: `${url} · credentials ${UPSTREAMS[url].credential}`,
              }))} />
            <Field label="Cache repository prefix" htmlFor="ecrRepositoryPrefix" required error={err("ecrRepositoryPrefix")}
              hint={`2–30 lowercase letters and digits (. _ - between them). Pull ${registry}/${values.ecrRepositoryPrefix || "prefix"}/<upstream repository>:<tag>.`}>
              <Input id="ecrRepositoryPrefix" name="ecrRepositoryPrefix" value={values.ecrRepositoryPrefix} autoComplete="off" spellCheck={false}
                onChange={(e) => set({ ecrRepositoryPrefix: e.target.value })} onBlur={() => w.touch("ecrRepositoryPrefix")} {...fieldAria("ecrRepositoryPrefix", err("ecrRepositoryPrefix"))} />
            </Field>
            {upstream.credential !== "none" ? (
              <Field label={upstream.credential === "required" ? "Secrets Manager secret ARN" : "Secrets Manager secret ARN (optional)"} htmlFor="credentialArn" required={upstream.credential === "required"}
                error={err("credentialArn")} hint="A secret named ecr-pullthroughcache/… holding the registry's username and accessToken.">
                <Input id="credentialArn" name="credentialArn" value={values.credentialArn} autoComplete="off" spellCheck={false}
                  placeholder={`arn:aws:secretsmanager:${values.region}:111122223333:secret:ecr-pullthroughcache/${DEFAULT_PREFIX[values.upstreamRegistryUrl]}`}
                  onChange={(e) => set({ credentialArn: e.target.value })} onBlur={() => w.touch("credentialArn")} {...fieldAria("credentialArn", err("credentialArn"))} />
              </Field>
            ) : (
              <input type="hidden" name="credentialArn" value="" />
            )}
          </CardBody>
        </Card>
      </div>
      {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">Cached images are charged as ECR storage; pulls from the upstream may count against its rate limits.</p>} />}
    </WizardFrame>
  );
}
