"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders the page again every `everyMs` while something moves (the reads behind it are shared and cached). */
export function AutoRefresh({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
