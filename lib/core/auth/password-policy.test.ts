import { describe, expect, it } from "vitest";
import { generatePassword } from "./password-hash";
import { passwordWeakness, personalWords } from "./password-policy";

const ann = { email: "ann.lee@example.com", name: "Ann Lee" };

describe("password policy", () => {
  it("refuses passwords shorter than 12 characters", async () => {
    expect(await passwordWeakness("Xq7#pL2m!", ann)).toBe("Use at least 12 characters.");
  });

  it("refuses common passwords with zxcvbn's feedback", async () => {
    expect(await passwordWeakness("password12345", ann)).toMatch(/^This is similar to a commonly used password\./);
    expect(await passwordWeakness("qwertyuiop123", ann)).toMatch(/commonly used password/);
  });

  it("refuses passwords built from the product's name and a role", async () => {
    for (const password of ["portside-admin", "Portside-Admin1", "PortsideAdmin2026!", "myportsidepassword"]) {
      expect(await passwordWeakness(password, ann), password).toMatch(/^There should not be any personal or page related data\./);
    }
  });

  it("refuses the user's own e-mail and name", async () => {
    expect(await passwordWeakness("ann.lee@example.com", ann)).toMatch(/personal or page related data/);
    expect(await passwordWeakness("AnnLee-example1", ann)).toMatch(/personal or page related data/);
    // The same password is fine for someone else.
    expect(await passwordWeakness("ann.lee@example.com", { email: "bo@corp.test", name: "Bo" })).toBeNull();
  });

  it("accepts a long random passphrase, and the generated first-run password", async () => {
    expect(await passwordWeakness("tulip gravel oxygen harbor", ann)).toBeNull();
    expect(await passwordWeakness("correct-horse-battery-staple", ann)).toBeNull();
    for (let i = 0; i < 20; i++) expect(await passwordWeakness(generatePassword(), ann)).toBeNull();
  });

  it("splits the e-mail and name into words worth trying", () => {
    expect(personalWords(ann)).toEqual(["ann.lee@example.com", "ann.lee", "ann", "lee", "example"]);
  });
});
