import { DumpImportForm } from "@/components/admin/import-dump-form";
import { ImportForm } from "@/components/admin/import-form";
import { getViewer } from "@/lib/auth/viewer";
import { decideImport } from "@/lib/authz/import";

export const metadata = { title: "Import from MediaWiki" };

// GET /admin/import — paste one article's wikitext, or upload a MediaWiki XML dump with history, and read the report; links to the site's export. Administrators; others are told why.
export default async function ImportPage() {
  const viewer = await getViewer();
  const decision = decideImport(viewer);
  return (
    <div className="content-page">
      <h1 className="page-title">Import from MediaWiki</h1>
      <p className="page-intro">
        Paste an article&rsquo;s wikitext (from MediaWiki&rsquo;s edit box or Special:Export). Sections, links, lists,
        citations with their references, notes, the infobox, quote boxes, maintenance tags, tables and images are mapped
        onto this wiki&rsquo;s article model; any other template is kept as a visible box and exported unchanged. An
        existing article gets a new revision: nothing is overwritten.
      </p>
      {decision.allowed ? (
        <>
          <ImportForm />
          <DumpImportForm />
          <section aria-labelledby="export-title" className="import-export">
            <h2 id="export-title">Export</h2>
            <p>
              <a href="/admin/export">The whole site as MediaWiki XML</a> (current revisions) or{" "}
              <a href="/admin/export?history=1">with every revision</a>; one article from its history page.
            </p>
          </section>
        </>
      ) : (
        <p className="notice" role="note">
          {decision.reason}
        </p>
      )}
    </div>
  );
}
