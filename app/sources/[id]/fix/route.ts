import { createElement } from "react";
import { SourceFixProblemPage } from "@/components/sources/source-view";
import { formAction } from "@/components/ui/form-action";
import { readerOf } from "@/components/ui/reader";
import { ZFixSourceRequestSchema, ZSourceParams } from "@/lib/contracts/sources";
import { getDb } from "@/lib/db/client";
import { fixSource } from "@/lib/sources/fix-source";
import { loadViewer } from "@/lib/users/load-viewer";

// POST /sources/{id}/fix — "fix once" without script: 303 to the source page with the fix's report, or the form
// again with the error and the fields as typed. Signed-in users who are not blocked; rate-limited as source-fix.
export const POST = formAction({
  schema: ZFixSourceRequestSchema,
  params: ZSourceParams,
  bodyLimit: 16 * 1024,
  rateLimit: "source-fix",
  async handler({ input, params, actor }) {
    const fix = await fixSource({ actor, sourceId: params.id, request: input });
    return { location: `/sources/${fix.sourceId}?fix=${fix.fixId}` };
  },
  async problemPage(problem) {
    return createElement(SourceFixProblemPage, {
      sourceId: problem.params?.id ?? "",
      reader: readerOf(problem.actor ? await loadViewer(getDb(), problem.actor.id) : null),
      error: problem.message,
      fields: problem.fields,
    });
  },
});
