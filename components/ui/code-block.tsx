"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { cn } from "./cn";
import { CheckIcon, CopyIcon } from "./icons";

type CopyState = "idle" | "copied" | "manual";

const feedback: Record<CopyState, { text: string; ms: number }> = {
  idle: { text: "", ms: 0 },
  copied: { text: "Copied", ms: 2000 },
  manual: { text: "Selected — press Ctrl+C", ms: 5000 },
};

export type CodeBlockProps = Omit<ComponentProps<"div">, "children"> & {
  code: string;
  /** Wrap long lines (shell commands) instead of scrolling sideways. */
  wrap?: boolean;
};

export function CodeBlock({ code, wrap = false, className, ...props }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), feedback[state].ms);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setState("copied");
    } catch {
      // The Clipboard API exists only in secure contexts, and a self-hosted panel is often opened
      // over plain http on a private address: select the text so the keyboard shortcut works.
      const selection = window.getSelection();
      if (preRef.current && selection) selection.selectAllChildren(preRef.current);
      setState("manual");
    }
  }

  // The button sits beside the scroll area, not over it, so long commands never hide under it.
  return (
    <div
      className={cn("flex items-start rounded-md border border-line bg-line-subtle", className)}
      {...props}
    >
      <pre
        ref={preRef}
        className={cn("max-h-80 min-w-0 flex-1 overflow-auto py-2.5 pl-3 font-mono text-xs leading-5 text-ink", wrap && "whitespace-pre-wrap break-all")}
      >
        <code>{code}</code>
      </pre>
      <button
        type="button"
        onClick={copy}
        className="m-1.5 inline-flex h-6 shrink-0 items-center gap-1 rounded border border-line bg-surface px-1.5 text-xs font-medium text-ink-muted shadow-xs hover:text-ink"
      >
        {state === "copied" ? (
          <CheckIcon className="size-3.5 text-green-600" />
        ) : (
          <CopyIcon className="size-3.5" />
        )}
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      <span aria-live="polite" className="sr-only">
        {feedback[state].text}
      </span>
    </div>
  );
}
