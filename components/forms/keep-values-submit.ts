"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to an action without React's automatic form reset. After a form
 * `action` React resets the form, and controlled radios and selects then submit
 * their defaults while the screen still shows what the person chose.
 */
export function keepValuesSubmit(
  dispatch: (form: FormData) => void | Promise<void>,
  // A component's own useTransition() start, when it wants the pending state.
  start: (fn: () => void | Promise<void>) => void = startTransition,
) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start(() => dispatch(form));
  };
}
