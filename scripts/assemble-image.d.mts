// Types for scripts/assemble-image.mjs (imported by e2e/image.spec.ts).
export function packageClosure(names: string[], modules?: string): string[];
export const MIGRATION_PACKAGES: string[];
export function assembleImage(out: string): string;
