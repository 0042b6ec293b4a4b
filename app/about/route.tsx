import { createElement } from "react";
import { HtmlPage } from "@/components/ui/html-page";
import { readerView } from "@/components/ui/reader-view";

// Rendered once at build time and served from Next's cache: the bench's "static Next.js page" baseline.
export const dynamic = "force-static";

function About() {
  return (
    <HtmlPage title="About this wiki">
      <h1>About this wiki</h1>
      <p>
        This wiki keeps every article as revisioned, structured sections with inline citations. Protected articles take
        proposals that reviewers approve, reject or send back; every change is kept in the page history, and any two
        revisions can be compared.
      </p>
    </HtmlPage>
  );
}

// GET /about — what this wiki is. The same for everyone: no session is read, so it stays static.
export const GET = readerView({
  reader: false,
  async handler() {
    return { cacheKey: null, cache: "revalidate", render: async () => createElement(About) };
  },
});
