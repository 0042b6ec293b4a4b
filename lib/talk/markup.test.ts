import { describe, expect, it } from "vitest";
import { mentionedKeys, parseTalkText } from "./markup";

describe("parseTalkText", () => {
  it("splits paragraphs on blank lines and keeps single line breaks as lines", () => {
    const paragraphs = parseTalkText("First line\nsecond line\n\n\nNew paragraph\r\n\r\nThird");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toEqual([[{ kind: "text", text: "First line" }], [{ kind: "text", text: "second line" }]]);
    expect(paragraphs[2]).toEqual([[{ kind: "text", text: "Third" }]]);
  });

  it("finds mentions with underscores as spaces, case-folded, but not inside e-mail addresses", () => {
    const [[line]] = parseTalkText("Ping @Reviewer and @Some_User. Mail me at a@example.org");
    expect(line).toEqual([
      { kind: "text", text: "Ping " },
      { kind: "mention", text: "@Reviewer", name: "Reviewer", key: "reviewer" },
      { kind: "text", text: " and " },
      { kind: "mention", text: "@Some_User", name: "Some User", key: "some user" },
      { kind: "text", text: ". Mail me at a@example.org" },
    ]);
  });

  it("reads [[Title]] and [[Title|words]] as article links and leaves invalid targets as text", () => {
    const [[line]] = parseTalkText(
      "See [[2024 Hama offensive|the article]] and [[Foo bar]], not [[a\u200bb]] or [[ ]].",
    );
    expect(line.filter((segment) => segment.kind === "link")).toEqual([
      { kind: "link", text: "[[2024 Hama offensive|the article]]", slug: "2024_Hama_offensive", label: "the article" },
      { kind: "link", text: "[[Foo bar]]", slug: "Foo_bar", label: "Foo bar" },
    ]);
    expect(line.at(-1)).toEqual({ kind: "text", text: ", not [[a\u200bb]] or [[ ]]." });
  });

  it("keeps markup-looking text as text (the page escapes it)", () => {
    const [[line]] = parseTalkText('<script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(line).toEqual([{ kind: "text", text: '<script>alert(1)</script> <img src=x onerror="alert(2)">' }]);
  });

  it("drops a paragraph of blanks", () => {
    expect(parseTalkText("  \n\n \n")).toEqual([]);
  });
});

describe("mentionedKeys", () => {
  it("lists each mentioned name once, case-folded and NFKC (full-width letters match)", () => {
    expect(mentionedKeys("@Reviewer @reviewer @ＲＥＶＩＥＷＥＲ and @newbie, @x")).toEqual(["reviewer", "newbie", "x"]);
  });

  it("ignores a name longer than any username", () => {
    expect(mentionedKeys(`@${"a".repeat(41)}`)).toEqual([]);
  });
});
