import { notFound, permanentRedirect } from "next/navigation";
import { DeletedTalkPage, TalkPageView, type TalkViewer } from "@/components/talk/talk-page";
import { getViewer } from "@/lib/auth/viewer";
import { activeBlock, decide } from "@/lib/authz/policy";
import { decideTalkAction } from "@/lib/authz/talk";
import { WikiError } from "@/lib/errors";
import { decodeParam } from "@/lib/http/params";
import { readTalkPage } from "@/lib/talk/read-talk-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Talk: ${decodeParam((await params).slug).replace(/_/g, " ")}` };
}

// GET /wiki/{slug}/talk — the article's talk page: topics and threaded posts. Public; posting: signed-in users who are not blocked.
export default async function TalkPage({ params }: Props) {
  const slug = decodeParam((await params).slug);
  const [page, actor] = await Promise.all([
    readTalkPage({ slug }).catch((error) => {
      if (error instanceof WikiError && error.code === "not_found") return error;
      throw error;
    }),
    getViewer(),
  ]);
  if (page instanceof WikiError) {
    const fate = page.details as { redirect?: { slug: string }; deleted?: unknown } | undefined;
    // The talk page moves with its article (as the article's old title redirects), and a deleted article's talk
    // page says so, as MediaWiki's shows the deletion log, rather than claiming there never was one.
    if (fate?.redirect) permanentRedirect(`/wiki/${encodeURIComponent(fate.redirect.slug)}/talk`);
    if (fate?.deleted) return <DeletedTalkPage slug={slug} message={page.message} />;
    notFound();
  }
  const protection = page.article.protection.level;
  const blocked = actor !== null && activeBlock(actor) !== null;
  const viewer: TalkViewer = {
    mode: !actor ? "anonymous" : blocked ? "blocked" : "post",
    editLabel:
      !actor || blocked
        ? actor
          ? null
          : "Edit"
        : decide(actor, "edit", { protection }).allowed
          ? "Edit"
          : "Propose changes",
    canProtect: actor !== null && decide(actor, "protect").allowed,
    canHide: decideTalkAction(actor, "hide", { protection }).allowed,
  };
  return <TalkPageView page={page} viewer={viewer} />;
}
