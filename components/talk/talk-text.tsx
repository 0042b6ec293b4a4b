import { Fragment } from "react";
import { nameKeyOf } from "@/lib/auth/usernames";
import { parseTalkText, type TalkSegment } from "@/lib/talk/markup";

/**
 * A talk post's text as React elements: paragraphs, line breaks, mentions of
 * the users they were resolved to as user links, and [[wiki links]]. Every
 * piece of the user's text is a React text node (escaped by React): no HTML
 * is ever made from it.
 */
export function TalkText({ body, mentions }: { body: string; mentions: Array<{ name: string }> }) {
  const users = new Map(mentions.map((user) => [nameKeyOf(user.name), user.name]));
  const segment = (part: TalkSegment, key: number) => {
    switch (part.kind) {
      case "text":
        return <Fragment key={key}>{part.text}</Fragment>;
      case "mention": {
        const name = users.get(part.key);
        return name ? (
          <a key={key} className="talk-mention" href={`/user/${encodeURIComponent(name)}`}>
            {`@${name}`}
          </a>
        ) : (
          <Fragment key={key}>{part.text}</Fragment>
        );
      }
      case "link":
        return (
          <a key={key} href={`/wiki/${encodeURIComponent(part.slug)}`}>
            {part.label}
          </a>
        );
    }
  };
  return (
    <>
      {parseTalkText(body).map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line.map(segment)}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
