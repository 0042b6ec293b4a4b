import { describe, expect, it } from "vitest";
import { usernameProblem } from "../auth/usernames";
import { dumpContributorOf, IMPORTED_PREFIX, importedDisplayName } from "./imported-users";

describe("imported users", () => {
  it("keep a dump contributor's name on one clean line, or MediaWiki's 'Unknown user'", () => {
    expect(importedDisplayName({ username: "  Alice\u200b  Smith\n" })).toBe("Alice Smith");
    expect(importedDisplayName({ ip: "198.51.100.4" })).toBe("198.51.100.4");
    expect(importedDisplayName(null)).toBe("Unknown user");
    expect(importedDisplayName({ username: "\u202e\u0007" })).toBe("Unknown user");
    expect(importedDisplayName({ username: "x".repeat(500) })).toHaveLength(200);
  });

  it("are written back under their source name, so importing an export finds the same users", () => {
    expect(dumpContributorOf(`${IMPORTED_PREFIX}Alice`)).toEqual({ username: "Alice" });
    expect(dumpContributorOf(`${IMPORTED_PREFIX}198.51.100.4`)).toEqual({ ip: "198.51.100.4" });
    expect(dumpContributorOf(`${IMPORTED_PREFIX}2001:db8::1`)).toEqual({ ip: "2001:db8::1" });
    expect(dumpContributorOf("Local Bob")).toEqual({ username: "Local Bob" });
  });

  it("have names nobody can register, so they never collide with a local account", () => {
    expect(usernameProblem(`${IMPORTED_PREFIX}Alice`)).not.toBeNull();
    expect(usernameProblem(`${IMPORTED_PREFIX}Alice`, { allowReserved: true })).not.toBeNull();
  });
});
