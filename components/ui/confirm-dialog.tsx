"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";
import { Input } from "./input";

export type ConfirmDialogProps = {
  triggerLabel: ReactNode;
  /** Variant, size or disabled state for the trigger; its variant follows `tone` by default. */
  triggerProps?: Omit<ButtonProps, "children" | "onClick" | "type">;
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  /**
   * The exact text, such as the resource name, to type before confirming becomes possible. What
   * was typed is posted as `confirmName`, and the server checks it again.
   */
  requireText?: string;
  onConfirm?: () => void;
  /** Called as the dialog opens, e.g. to read fresh what the confirmation is about. */
  onOpen?: () => void;
  /** Keeps the confirm button disabled (while what it confirms is still loading). */
  confirmDisabled?: boolean;
  /** Runs with the dialog form's data (including `children` inputs); the dialog closes after. */
  formAction?: (formData: FormData) => void | Promise<void>;
  /** Extra form content, such as hidden inputs identifying the resource or an option checkbox. */
  children?: ReactNode;
};

/**
 * A native modal <dialog>: the browser provides the focus trap, Escape to close, the backdrop
 * and focus return to the trigger, so no dialog library is needed.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerProps,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  tone = "primary",
  requireText,
  onConfirm,
  onOpen,
  confirmDisabled = false,
  formAction,
  children,
}: ConfirmDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState("");

  function open() {
    const dialog = dialogRef.current;
    if (!dialog) return;
    onOpen?.();
    dialog.showModal();
    // Start where the user acts next: typing the confirmation text, or else the safe choice.
    const input = dialog.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
    (input ?? cancelRef.current)?.focus();
  }

  async function confirm(formData: FormData) {
    onConfirm?.();
    await formAction?.(formData);
    dialogRef.current?.close();
  }

  return (
    <>
      <Button variant={tone} {...triggerProps} type="button" onClick={open}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        onClose={() => setTyped("")}
        className="m-auto max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-md overflow-y-auto rounded-lg border border-line bg-surface text-ink shadow-xl backdrop:bg-ink/40"
      >
        <form action={confirm} className="flex flex-col gap-4 p-5">
          <div>
            <h2 id={`${id}-title`} className="text-base font-semibold">
              {title}
            </h2>
            {description && (
              <div id={`${id}-description`} className="mt-1 text-sm text-ink-muted">
                {description}
              </div>
            )}
          </div>
          {children}
          {requireText !== undefined && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-confirm`} className="text-[13px] text-ink">
                Type <code className="font-mono font-semibold">{requireText}</code> to confirm
              </label>
              {/* Posted as confirmName: the server compares what was typed, not what the page says. */}
              <Input
                id={`${id}-confirm`}
                name="confirmName"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button ref={cancelRef} type="button" onClick={() => dialogRef.current?.close()}>
              {cancelLabel}
            </Button>
            <ConfirmButton tone={tone} disabled={confirmDisabled || (requireText !== undefined && typed !== requireText)}>
              {confirmLabel}
            </ConfirmButton>
          </div>
        </form>
      </dialog>
    </>
  );
}

function ConfirmButton({ tone, ...props }: ButtonProps & { tone: "danger" | "primary" }) {
  // useFormStatus reads the enclosing form, so it must live in a child of <form>.
  const { pending } = useFormStatus();
  return <Button type="submit" variant={tone} pending={pending} {...props} />;
}
