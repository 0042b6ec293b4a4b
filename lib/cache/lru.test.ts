import { describe, expect, it } from "vitest";
import { budgetFromEnv, ByteLru } from "./lru";

describe("ByteLru", () => {
  it("evicts the least recently used entries once the byte budget is exceeded", () => {
    const cache = new ByteLru<string>(10);
    cache.set("a", "A", 4);
    cache.set("b", "B", 4);
    expect(cache.get("a")).toBe("A"); // a is now the most recent
    cache.set("c", "C", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    expect(cache.get("c")).toBe("C");
    expect(cache.bytes).toBe(8);
  });

  it("never holds an entry larger than the whole budget, and replaces an entry in place", () => {
    const cache = new ByteLru<string>(10);
    cache.set("huge", "H", 11);
    expect(cache.size).toBe(0);
    cache.set("a", "1", 3);
    cache.set("a", "2", 5);
    expect(cache.get("a")).toBe("2");
    expect(cache.bytes).toBe(5);
  });

  it("reads its budget in megabytes from the environment, 0 turning it off", () => {
    process.env.TEST_LRU_MB = "2";
    expect(budgetFromEnv("TEST_LRU_MB", 64)).toBe(2 * 1024 * 1024);
    process.env.TEST_LRU_MB = "off";
    expect(budgetFromEnv("TEST_LRU_MB", 64)).toBe(0);
    delete process.env.TEST_LRU_MB;
    expect(budgetFromEnv("TEST_LRU_MB", 64)).toBe(64 * 1024 * 1024);
  });
});
