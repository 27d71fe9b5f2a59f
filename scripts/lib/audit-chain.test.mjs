import { describe, expect, it } from "vitest";
import { GENESIS, canonicalJson, chainHash, verifyBatch } from "./audit-chain.mjs";

function chain(n) {
  const out = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const r = { seq: i, at: new Date(Date.UTC(2026, 11, 6, 12, i)), actorId: "u1", actorEmail: "a@x.test", action: "user.update", target: `t${i}`, detail: { role: "operator", n: i } };
    const hash = chainHash(prev, r);
    out.push({ ...r, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("the audit hash chain", () => {
  it("canonical JSON ignores key order and undefined", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("a chain written in order verifies, in one batch or many", () => {
    const rows = chain(5);
    expect(verifyBatch(rows, {})).toBeNull();
    const state = {};
    expect(verifyBatch(rows.slice(0, 2), state)).toBeNull();
    expect(verifyBatch(rows.slice(2), state)).toBeNull();
    expect(state).toMatchObject({ checked: 5, prev: rows[4].hash });
  });

  it("an edited record, a removed one, a reordered pair and a record added by hand each break it where they are", () => {
    const edited = chain(4);
    edited[2] = { ...edited[2], detail: { role: "admin", n: 3 } };
    expect(verifyBatch(edited, {})).toMatchObject({ seq: "3", reason: expect.stringMatching(/edited/) });

    const removed = chain(4);
    removed.splice(1, 1);
    expect(verifyBatch(removed, {})).toMatchObject({ seq: "3", reason: expect.stringMatching(/removed/) });

    const swapped = chain(4);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(verifyBatch(swapped, {})).toMatchObject({ seq: "3", reason: expect.stringMatching(/removed, reordered/) });

    const injected = chain(3);
    injected.splice(2, 0, { seq: 99, at: new Date(), actorId: null, actorEmail: "x", action: "user.create", target: null, detail: null, prevHash: null, hash: null });
    expect(verifyBatch(injected, {})).toMatchObject({ seq: "99", reason: expect.stringMatching(/directly/) });
  });

  it("records from before the chain began are counted, not checked", () => {
    const legacy = { seq: 0, at: new Date(), actorId: null, actorEmail: "x", action: "login.locked", target: null, detail: null, prevHash: null, hash: null };
    const state = {};
    expect(verifyBatch([legacy, ...chain(2)], state)).toBeNull();
    expect(state).toMatchObject({ unchained: 1, checked: 3 });
  });

  it("the date is hashed as the instant, whatever form it is read in", () => {
    const r = { at: new Date("2026-12-06T12:00:00.123Z"), actorId: null, actorEmail: "x", action: "a", target: null, detail: null };
    expect(chainHash(GENESIS, r)).toBe(chainHash(GENESIS, { ...r, at: "2026-12-06T12:00:00.123Z" }));
  });
});
