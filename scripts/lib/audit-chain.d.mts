// Types for audit-chain.mjs.
export const GENESIS: string;
export function canonicalJson(value: unknown): string;
export type ChainRecord = {
  seq: bigint | number | string;
  at: Date | string;
  actorId: string | null;
  actorEmail: string;
  action: string;
  target: string | null;
  detail: unknown;
  prevHash: string | null;
  hash: string | null;
};
export function chainHash(prevHash: string, record: Omit<ChainRecord, "seq" | "prevHash" | "hash">): string;
export type BrokenLink = { seq: string; at: Date | string; action: string; reason: string };
export type VerifyState = { prev?: string; checked?: number; unchained?: number };
export function verifyBatch(records: ChainRecord[], state: VerifyState): BrokenLink | null;
