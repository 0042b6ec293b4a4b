import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("verifyPassword", () => {
  it("accepts the password a hash was made from, and no other", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapl")).toBe(false);
  });

  // A hash damaged in storage, a placeholder row (test factories, imports) or a hash of another
  // scheme makes the verifier throw; that branch must refuse, whatever password is offered.
  it("never accepts any password against a malformed stored hash", async () => {
    const real = await hashPassword("correct horse battery staple");
    const malformed = [
      "",
      "$argon2id$placeholder",
      "not a hash at all",
      "$2b$10$abcdefghijklmnopqrstuuKxX7Cd0dn0F2y5Qw3lD9hD9Qe3Qv3a",
      real.slice(0, real.lastIndexOf("$")),
      real.replace("$argon2id$", "$argon2xx$"),
      `${real.slice(0, -4)}!!!!`,
    ];
    for (const stored of malformed) {
      for (const password of ["", "correct horse battery staple", "$argon2id$placeholder", stored]) {
        expect(
          await verifyPassword(stored, password),
          `${JSON.stringify(stored)} accepted ${JSON.stringify(password)}`,
        ).toBe(false);
      }
    }
  });
});
