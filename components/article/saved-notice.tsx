/**
 * What the editor sees on the article right after publishing (`?saved=1`,
 * components/editor/save-status.ts): that the edit was saved, and, under
 * pending changes, that readers see it only once it is accepted. Plain HTML
 * like the rest of the article page (no script): it stays in sight while the
 * page scrolls to the edited section, and "Dismiss" is a link to the article
 * without the flag, so a reload does not say it again. Only ever on a
 * signed-in reader's page, which is rendered per reader; the page cached for
 * signed-out readers never has it.
 */
export function SavedNotice({ slug, pending }: { slug: string; pending: boolean }) {
  return (
    <div className="notice saved-notice" role="status">
      <p>
        {pending ? (
          <>
            <b>Your edit was saved.</b> Readers will see it once a reviewer accepts it.
          </>
        ) : (
          <b>Your edit was published.</b>
        )}
      </p>
      <a className="saved-notice-dismiss" href={`/wiki/${encodeURIComponent(slug)}`} aria-label="Dismiss this message">
        Dismiss
      </a>
    </div>
  );
}
