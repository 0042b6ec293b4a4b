import { describe, expect, it } from "vitest";
import { bytesTag, entityTag, notModified, pageKeyTag, parseIfNoneMatch } from "./validators";

describe("entity tags of reader views", () => {
  it("differ by page key, by coding and between the two kinds", () => {
    const a = pageKeyTag("article:1:10:true:none:::links-0:talk-0");
    expect(a).toBe(pageKeyTag("article:1:10:true:none:::links-0:talk-0"));
    expect(a).not.toBe(pageKeyTag("article:1:11:true:none:::links-0:talk-0"));
    expect(a).not.toBe(pageKeyTag("article:1:10:true:none:::links-1:talk-0"));
    expect(a.startsWith("k")).toBe(true);
    expect(bytesTag(new TextEncoder().encode("<p>x</p>")).startsWith("d")).toBe(true);
    expect(entityTag(a, "identity")).toBe(`"${a}"`);
    expect(entityTag(a, "br")).toBe(`"${a}-br"`);
    expect(entityTag(a, "gzip")).not.toBe(entityTag(a, "br"));
    // Only etagc characters: a key holds a protection reason someone typed.
    expect(entityTag(pageKeyTag('reason: "quoted", ünïcode'), "identity")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});

describe("If-None-Match (RFC 9110 §13.1.2)", () => {
  const tag = '"kabc"';
  it("matches by the weak comparison, in a list, or by *", () => {
    expect(notModified('"kabc"', tag)).toBe(true);
    expect(notModified('W/"kabc"', tag)).toBe(true);
    expect(notModified('"x", W/"kabc" , "y"', tag)).toBe(true);
    expect(notModified("*", tag)).toBe(true);
    expect(notModified(" * ", tag)).toBe(true);
    expect(notModified('"kabc-gzip"', tag)).toBe(false);
    expect(notModified('"kab"', tag)).toBe(false);
    expect(notModified('"x", "y"', tag)).toBe(false);
  });

  it("ignores a missing or malformed field", () => {
    expect(notModified(undefined, tag)).toBe(false);
    expect(notModified(null, tag)).toBe(false);
    expect(notModified("", tag)).toBe(false);
    expect(notModified("kabc", tag)).toBe(false);
    expect(notModified('"kabc", kabc', tag)).toBe(false);
    expect(notModified('w/"kabc"', tag)).toBe(false);
    expect(notModified('"ka"bc"', tag)).toBe(false);
    expect(notModified('*, "kabc"', tag)).toBe(false);
    expect(parseIfNoneMatch('"a",,"b"')).toEqual(["a", "b"]);
  });
});
