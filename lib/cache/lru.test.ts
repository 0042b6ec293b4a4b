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

  it("computes a missing value once for concurrent callers, and retries after a failure", async () => {
    const cache = new ByteLru<string>(100);
    let calls = 0;
    const compute = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return "value";
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.getOrCompute("k", compute, (value) => value.length)));
    expect(results).toEqual(["value", "value", "value"]);
    expect(calls).toBe(1);
    expect(await cache.getOrCompute("k", compute, (value) => value.length)).toBe("value");
    expect(calls).toBe(1);

    const failing = () => Promise.reject(new Error("render failed"));
    await expect(cache.getOrCompute("bad", failing, () => 1)).rejects.toThrow("render failed");
    expect(
      await cache.getOrCompute(
        "bad",
        async () => "ok",
        () => 1,
      ),
    ).toBe("ok");
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
