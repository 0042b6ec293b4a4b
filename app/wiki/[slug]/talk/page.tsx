import { notFound } from "next/navigation";
import { TalkPageView, type TalkViewer } from "@/components/talk/talk-page";
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
      if (error instanceof WikiError && error.code === "not_found") return null;
      throw error;
    }),
    getViewer(),
  ]);
  if (!page) notFound();
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
