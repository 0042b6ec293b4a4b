import { describe, expect, it } from "vitest";
import { amendedFromVersion } from "./amendments";

const AUTHOR = 1;
const REVIEWER = 2;
const OTHER = 3;
const versions = (...authors: number[]) => authors.map((authorId, index) => ({ version: index + 1, authorId }));

describe("amendedFromVersion", () => {
  it("is null when the approved version is the author's", () => {
    expect(amendedFromVersion(versions(AUTHOR, AUTHOR), REVIEWER, 2)).toBeNull();
  });
  it("names the author's last version before the reviewer's run of amendments", () => {
    expect(amendedFromVersion(versions(AUTHOR, AUTHOR, REVIEWER, REVIEWER), REVIEWER, 4)).toBe(2);
  });
  it("is null when the author posted again after the amendment", () => {
    expect(amendedFromVersion(versions(AUTHOR, REVIEWER, AUTHOR), REVIEWER, 3)).toBeNull();
  });
  it("does not count another reviewer's amendment as this reviewer's", () => {
    expect(amendedFromVersion(versions(AUTHOR, OTHER, REVIEWER), REVIEWER, 3)).toBe(2);
    expect(amendedFromVersion(versions(AUTHOR, OTHER), REVIEWER, 2)).toBeNull();
  });
  it("ignores versions after the approved one", () => {
    expect(amendedFromVersion(versions(AUTHOR, REVIEWER, AUTHOR), REVIEWER, 2)).toBe(1);
  });
});
