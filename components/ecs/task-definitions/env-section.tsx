"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { mergeEnv, parseEnvFile, type EnvVar } from "@/lib/ecs/task-definitions/env-file";
import { Cell, RemoveButton } from "./rows";

type Props = {
  prefix: string;
  label: string;
  vars: EnvVar[];
  onChange: (vars: EnvVar[]) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

/** Environment rows, plus a .env file pasted or picked, parsed here in the browser. */
export function EnvSection({ prefix, label, vars, onChange, errorFor, touch }: Props) {
  const [pasted, setPasted] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const set = (i: number, patch: Partial<EnvVar>) => onChange(vars.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const load = (text: string) => {
    const { vars: parsed, errors } = parseEnvFile(text);
    setProblems(errors.map((e) => `Line ${e.line}: ${e.message}`));
    if (parsed.length) onChange(mergeEnv(vars, parsed));
    if (!errors.length) {
      setPasted("");
      setOpen(false);
    }
  };
  const key = (i: number, f: string) => `${prefix}.environment.${i}.${f}`;
  const id = (i: number, f: string) => key(i, f).replaceAll(".", "-");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Environment variables</legend>
      <p className="text-xs text-ink-muted">Plain values. Put passwords and keys under Secrets instead.</p>
      {vars.map((v, i) => (
        <div key={i} className="flex items-start gap-2">
          <Cell id={id(i, "name")} name={key(i, "name")} label={`${label} variable ${i + 1} name`} value={v.name} mono placeholder="NAME"
            error={errorFor(key(i, "name"))} onChange={(name) => set(i, { name })} onBlur={() => touch(key(i, "name"))} />
          <Cell id={id(i, "value")} name={key(i, "value")} label={`${label} variable ${i + 1} value`} value={v.value} mono placeholder="value" className="flex-[2]"
            error={errorFor(key(i, "value"))} onChange={(value) => set(i, { value })} onBlur={() => touch(key(i, "value"))} />
          <RemoveButton label={`Remove ${label} variable ${i + 1}`} onClick={() => onChange(vars.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...vars, { name: "", value: "" }])}>Add variable</Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>Import .env</Button>
      </div>
      {open && (
        <div className="space-y-2 rounded-md border border-line p-3">
          <label htmlFor={`${prefix}-envfile`} className="text-[13px] font-medium">Paste a .env file for {label}</label>
          <Textarea id={`${prefix}-envfile`} rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} className="font-mono" placeholder={"# KEY=value\nLOG_LEVEL=info"} />
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" size="sm" variant="primary" onClick={() => load(pasted)}>Add variables</Button>
            <label className="text-xs text-ink-muted">
              or upload a file{" "}
              <input type="file" accept=".env,text/plain" aria-label={`Upload a .env file for ${label}`} className="text-xs"
                onChange={async (e) => { const f = e.target.files?.[0]; if (f) load(await f.text()); e.target.value = ""; }} />
            </label>
          </div>
          <p className="text-xs text-ink-muted">Read in your browser; names already in the list take the file&apos;s value.</p>
        </div>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-xs text-red-700">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
    </fieldset>
  );
}
