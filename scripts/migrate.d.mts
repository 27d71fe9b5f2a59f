// Types for migrate.mjs, for TypeScript tests that prepare a database.
export function runMigrateDeploy(databaseUrl: string): Promise<void>;
export function applyMigrations(databaseUrl: string): Promise<{ applied: string[]; createdDatabase: boolean }>;
