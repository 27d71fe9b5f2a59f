"use client";

import { useState } from "react";
import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { CodeBlock } from "@/components/ui/code-block";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { deployAction, previewDeployAction } from "@/lib/beanstalk/operations/actions";
import { deploySchema } from "@/lib/beanstalk/operations/schema";
import { BUNDLE_LIMITS } from "@/lib/beanstalk/bundles/parse";
import { bundleOfReview } from "./bundle-of-review";
import { looksLikeZip, uploadZipFile } from "./zip-file";

const STEPS: WizardStep[] = [{ id: "version", label: "New version", fields: ["source", "image", "containerPort", "bundleFormat", "bundleZip", "versionLabel"] }];

type Props = {
  context: { connectionId: string; region: string; applicationName: string; environmentName: string };
  versions: { label: string; status: string }[];
  suggestedLabel: string;
};

/** Deploy a new version: a new image (bundle written and uploaded) or a version the application has. */
export function DeployForm({ context, versions, suggestedLabel }: Props) {
  const [values, setValues] = useState({ ...context, source: "image", image: "", containerPort: "80", bundleFormat: "dockerrun", bundleZip: "", bundleZipName: "", versionLabel: suggestedLabel });
  const [checking, setChecking] = useState("");
  const w = useWizard(deploySchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewDeployAction, deployAction);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  const bundle = review && bundleOfReview(review);
  const byImage = values.source === "image";
  const byZip = values.source === "zip";

  async function chooseZip(file: File | undefined) {
    if (!file) return;
    if (!(await looksLikeZip(file))) return set({ bundleZip: "", bundleZipName: "" }), w.applyServerErrors({ bundleZip: [`${file.name} is not a zip file.`] });
    set({ bundleZip: "", bundleZipName: "" });
    setChecking(file.name);
    const zip = await uploadZipFile(file);
    setChecking("");
    if ("error" in zip) return w.applyServerErrors({ bundleZip: [zip.error] });
    set({ bundleZip: zip.id, bundleZipName: zip.label });
    w.touch("bundleZip");
  }
  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message} busy={checking ? `Waiting for ${checking} to upload.` : undefined} submitLabel={onReview ? "Deploy" : "Review deployment"}>
      {(["connectionId", "region", "applicationName", "environmentName"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
      <div hidden={w.current !== 0} className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Deploy</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="image" checked={byImage} onChange={() => set({ source: "image", versionLabel: suggestedLabel })} />
            A new image (Portside writes the bundle and creates the version)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="zip" checked={byZip} onChange={() => set({ source: "zip", versionLabel: suggestedLabel })} />
            A zip bundle (Dockerrun.aws.json or docker-compose.yml at its root)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="version" checked={values.source === "version"} disabled={versions.length === 0} onChange={() => set({ source: "version", versionLabel: versions[0]?.label ?? "" })} />
            A version the application already has{versions.length === 0 ? " (none yet)" : ""}
          </label>
        </fieldset>
        {byImage ? (
          <>
            <Field label="New image" htmlFor="deployImage" required error={err("image")}>
              <Input id="deployImage" name="image" value={values.image} className="font-mono" autoComplete="off" spellCheck={false} placeholder="nginx:1.27"
                onChange={(e) => set({ image: e.target.value })} onBlur={() => w.touch("image")} {...fieldAria("deployImage", err("image"))} />
            </Field>
            <ImagePicker connectionId={context.connectionId} region={context.region} onPick={(uri) => set({ image: uri })} />
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Container port" htmlFor="deployPort" error={err("containerPort")}>
                <Input id="deployPort" name="containerPort" type="number" min={1} max={65535} value={values.containerPort} onChange={(e) => set({ containerPort: e.target.value })} onBlur={() => w.touch("containerPort")} {...fieldAria("deployPort", err("containerPort"))} />
              </Field>
              <Field label="Bundle format" htmlFor="deployFormat" error={err("bundleFormat")}>
                <Select id="deployFormat" name="bundleFormat" value={values.bundleFormat} onChange={(e) => set({ bundleFormat: e.target.value })}>
                  <option value="dockerrun">Dockerrun.aws.json (v1)</option>
                  <option value="compose">docker-compose.yml</option>
                </Select>
              </Field>
              <Field label="New version label" htmlFor="deployLabel" required error={err("versionLabel")}>
                <Input id="deployLabel" name="versionLabel" value={values.versionLabel} className="font-mono" autoComplete="off" onChange={(e) => set({ versionLabel: e.target.value })} onBlur={() => w.touch("versionLabel")} {...fieldAria("deployLabel", err("versionLabel"))} />
              </Field>
            </div>
          </>
        ) : byZip ? (
          <div className="grid gap-4 md:grid-cols-2">
            <input type="hidden" name="bundleZip" value={values.bundleZip} />
            <Field label="Zip bundle" htmlFor="deployZip" required error={err("bundleZip")} hint={`At most ${BUNDLE_LIMITS.zipBytes / 1024 / 1024} MB; Portside reads its root manifest before review.`}>
              <input id="deployZip" type="file" accept=".zip,application/zip" className="text-sm" onChange={(e) => void chooseZip(e.target.files?.[0])} {...fieldAria("deployZip", err("bundleZip"))} />
            </Field>
            <Field label="New version label" htmlFor="deployLabel" required error={err("versionLabel")}>
              <Input id="deployLabel" name="versionLabel" value={values.versionLabel} className="font-mono" autoComplete="off" onChange={(e) => set({ versionLabel: e.target.value })} onBlur={() => w.touch("versionLabel")} {...fieldAria("deployLabel", err("versionLabel"))} />
            </Field>
            {checking ? (
              <p className="text-sm md:col-span-2" role="status" data-testid="deploy-zip-checking">Uploading and checking {checking}…</p>
            ) : (
              values.bundleZipName && <p className="text-sm md:col-span-2" role="status" data-testid="deploy-zip">Checked {values.bundleZipName}.</p>
            )}
          </div>
        ) : (
          <Field label="Version" htmlFor="deployVersion" required error={err("versionLabel")}>
            <Select id="deployVersion" name="versionLabel" value={values.versionLabel} onChange={(e) => set({ versionLabel: e.target.value })} {...fieldAria("deployVersion", err("versionLabel"))}>
              {versions.map((v) => <option key={v.label} value={v.label}>{v.label} ({v.status.toLowerCase()})</option>)}
            </Select>
          </Field>
        )}
      </div>
      {onReview && review && (
        <PlanReview review={review} note={bundle && (
          <div>
            <p className="mb-1 text-xs font-medium text-ink-muted">The bundle uploaded to {bundle.key}</p>
            <CodeBlock wrap code={bundle.body} aria-label="Bundle to upload" />
          </div>
        )} />
      )}
    </WizardFrame>
  );
}
