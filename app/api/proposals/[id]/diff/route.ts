import { WikiError } from "@/lib/errors";
import { errorResponse, json, parseId } from "@/lib/http/respond";
import { getProposalDiffPart, type ProposalDiffPart } from "@/lib/proposals/read-proposal";

const PARTS = ["references", "infobox", "notes"] as const;

// GET /api/proposals/{id}/diff?against=base|current&section={sectionId} (or &part=references|infobox|notes)
// — one part of the proposal's current version's diff, so no answer grows with the whole article. Public.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const url = new URL(request.url);
    const against = url.searchParams.get("against") ?? "base";
    if (against !== "base" && against !== "current") throw new WikiError("bad_request", "against must be base or current.");
    const section = url.searchParams.get("section");
    const part = url.searchParams.get("part");
    let wanted: ProposalDiffPart;
    if (section !== null && part === null) wanted = { section: section.slice(0, 64) };
    else if (part !== null && section === null && (PARTS as readonly string[]).includes(part)) wanted = { part: part as (typeof PARTS)[number] };
    else throw new WikiError("bad_request", "Give either section={id} or part=references|infobox|notes.");
    return json(await getProposalDiffPart({ proposalId: parseId((await context.params).id, "proposal id"), against, part: wanted }));
  } catch (error) {
    return errorResponse(error);
  }
}
