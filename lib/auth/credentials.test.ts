import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";
import { nameKeyOf, usernameProblem } from "./usernames";

describe("usernames", () => {
  it.each(["Alice", "Jean-Luc Picard", "O'Brien", "Ахмед", "李小龍", "user42", "Ann.Lee"])("accepts %j", (name) => {
    expect(usernameProblem(name)).toBeNull();
  });

  it.each([
    ["ab", /at least 3/],
    ["a".repeat(41), /at most 40/],
    ["bad\u0000name", /control/],
    ["zero\u200bwidth", /invisible/],
    ["right\u202eleft", /control|invisible/],
    ["no<html>", /letters, digits/],
    ["double  space", null],
    ["-dash", /letters, digits/],
    ["pаypal", /mix Latin, Cyrillic/], // Cyrillic "а"
    ["192.168.0.1", /IP addresses/],
    ["Admin", /reserved/],
  ] as const)("refuses %j", (name, expected) => {
    const problem = usernameProblem(name);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("identifies names case-insensitively and across compatibility forms", () => {
    expect(nameKeyOf("Alice")).toBe(nameKeyOf("ALICE"));
    expect(nameKeyOf("ｆｕｌｌｗｉｄｔｈ")).toBe(nameKeyOf("fullwidth"));
    expect(nameKeyOf("Jean_Luc")).toBe(nameKeyOf("jean luc"));
  });
});

describe("passwords", () => {
  it("needs 8 characters, refuses common ones and the username", () => {
    expect(passwordProblem("short")).toMatch(/at least 8/);
    expect(passwordProblem("password123")).toMatch(/most common/);
    expect(passwordProblem("Qwertyuiop")).toMatch(/most common/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/most common|repeats/);
    expect(passwordProblem("alice-rocks-2024", "Alice")).toMatch(/username/);
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
});
