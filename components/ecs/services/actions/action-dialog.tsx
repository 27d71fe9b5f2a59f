"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * A service action in a native modal <dialog> (focus trap, Escape, focus return come with it).
 * The content mounts when the dialog opens, so each opening starts fresh and reads AWS anew.
 */
export function ActionDialog(props: {
  label: string;
  title: string;
  description?: ReactNode;
  triggerProps?: Omit<ButtonProps, "children" | "onClick" | "type">;
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => ref.current?.close();
  return (
    <>
      <Button variant="secondary" {...props.triggerProps} type="button" onClick={() => { setOpen(true); ref.current?.showModal(); }}>
        {props.label}
      </Button>
      <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}
        className="m-auto max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-3xl overflow-y-auto rounded-lg border border-line bg-surface text-ink shadow-xl backdrop:bg-ink/40">
        <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-3">
          <div className="min-w-0">
            <h2 id={`${id}-title`} className="text-base font-semibold break-words">{props.title}</h2>
            {props.description && <div className="mt-0.5 text-sm text-ink-muted">{props.description}</div>}
          </div>
          <Button type="button" variant="ghost" size="sm" onClick={close} aria-label="Close">✕</Button>
        </div>
        <div className="p-5">{open && props.children(close)}</div>
      </dialog>
    </>
  );
}
