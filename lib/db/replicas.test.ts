import { describe, expect, it } from "vitest";
import { lsnValue, PRIMARY_MARK_COOKIE, primaryMarkOf, replayTarget, replicaFault, signPrimaryMark } from "./replicas";

describe("the primary mark", () => {
  it("reads back the WAL position it was signed with, among other cookies", () => {
    const mark = signPrimaryMark("16/B374D848");
    expect(primaryMarkOf(`theme=dark; ${PRIMARY_MARK_COOKIE}=${mark}; other=1`)).toBe(lsnValue("16/B374D848"));
  });

  it("counts a forged, altered or malformed mark as none", () => {
    const mark = signPrimaryMark("0/3000000");
    const signature = mark.split(".")[1];
    for (const value of [
      `FFFFFFFF/FFFFFFFF.${signature}`,
      `0/3000001.${signature}`,
      `0/3000000.${"A".repeat(22)}`,
      `0/3000000.${signature.slice(0, 21)}`,
      "0/3000000",
      `${mark}x`,
      "%zz",
      "",
    ])
      expect(primaryMarkOf(`${PRIMARY_MARK_COOKIE}=${value}`), value).toBeNull();
    expect(primaryMarkOf(undefined)).toBeNull();
    expect(primaryMarkOf(`not-${PRIMARY_MARK_COOKIE}=${mark}`)).toBeNull();
  });

  it("is reached at the page boundary when it points just past a page header, and exactly elsewhere", () => {
    const page = lsnValue("0/3000000");
    expect(replayTarget(page + 24n)).toBe(page);
    expect(replayTarget(page + 40n)).toBe(page);
    expect(replayTarget(page + 48n)).toBe(page + 48n);
    expect(replayTarget(page + 8192n - 8n)).toBe(page + 8192n - 8n);
  });

  it("orders WAL positions as PostgreSQL does", () => {
    expect(lsnValue("0/FFFFFFFF") < lsnValue("1/0")).toBe(true);
    expect(lsnValue("1/10") - lsnValue("1/0")).toBe(16n);
  });
});

describe("replicaFault", () => {
  it("blames the replica for lost connections, shutdowns and recovery conflicts, not a statement's own errors", () => {
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" }),
      Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
    ])
      expect(replicaFault(error), String(error)).toBe(true);
    for (const error of [
      Object.assign(new Error("duplicate key value"), { code: "23505" }),
      Object.assign(new Error("syntax error"), { code: "42601" }),
      Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" }),
      new TypeError("Cannot read properties of undefined"),
    ])
      expect(replicaFault(error), String(error)).toBe(false);
  });
});
