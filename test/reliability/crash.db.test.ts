import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../lib/articles/content-store";
import { checkInvariants } from "../../lib/db/invariants";
import { writeProposalVersion } from "../../lib/proposals/proposal-store";
import { useTestDatabase } from "../db";
import { httpRequest, startAppServer, type AppServer } from "../server";
import { createArticle, createCast, smallArticle, smallSection } from "./fixtures";

/**
 * Crash safety: a stream of direct saves and approvals runs against the real
 * app, which is killed with SIGKILL mid-stream (requests in flight). After a
 * restart on the same database the invariant checker passes, every save and
 * approval that was acknowledged (2xx) is there and readable over HTTP, and
 * every approval whose answer was lost either happened whole (decision,
 * revision, status) or not at all.
 */

const SAVERS = 4;
const APPROVERS = 4;
const PROPOSALS = 120;
// Each phase runs until this many operations were acknowledged, then kills the server.
const KILL_AFTER_ACKS = [1, 15, 40];

const database = useTestDatabase();
let cast: Awaited<ReturnType<typeof createCast>>;
let server: AppServer | null = null;
const servers: AppServer[] = [];

interface AckedSave {
  revisionId: number;
  sectionId: string;
  text: string;
}
interface AckedApproval {
  proposalId: number;
  revisionId: number;
  text: string;
}

const startServer = async () => {
  server = await startAppServer({ databaseUrl: database.url, env: { WIKI_RATE_LIMITS: "off" } });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  cast = await createCast(database.db, { prefix: "crash", reviewers: 2, proposers: 3, editors: SAVERS });
}, 60_000);

afterAll(async () => {
  for (const each of servers) await each.stop();
});

describe("killing the app server mid-stream", () => {
  it(`loses nothing acknowledged and leaves no half-made write, at ${KILL_AFTER_ACKS.length} kill points`, async () => {
    const saves = await createArticle(database.db, {
      content: smallArticle("Crash saves", SAVERS),
      authorId: cast.admin.id,
    });
    const reviewed = await createArticle(database.db, {
      content: smallArticle("Crash approvals", PROPOSALS),
      authorId: cast.admin.id,
      protection: "extended",
    });
    const reviewedArticle = await database.db.article.findUniqueOrThrow({ where: { slug: reviewed.slug } });
    const baseContent = await loadContent(
      database.db,
      await database.db.revision.findUniqueOrThrow({ where: { id: reviewed.revisionId } }),
    );
    // Each proposal changes a section of its own, so every approval applies cleanly in any order.
    const pending: Array<{ id: number; text: string }> = [];
    await database.db.$transaction(
      async (tx) => {
        for (let i = 0; i < PROPOSALS; i++) {
          const text = `Proposed change ${i}.`;
          const content = {
            ...baseContent,
            sections: baseContent.sections.map((section) =>
              section.id === `s${i}` ? smallSection(section.id, text) : section,
            ),
          };
          const proposal = await tx.proposal.create({
            data: {
              articleId: reviewedArticle.id,
              authorId: cast.proposers[i % cast.proposers.length].id,
              summary: `change ${i}`,
            },
          });
          await writeProposalVersion(tx, {
            proposalId: proposal.id,
            version: 1,
            authorId: proposal.authorId,
            baseRevisionId: reviewed.revisionId,
            base: baseContent,
            content,
            summary: `change ${i}`,
          });
          pending.push({ id: proposal.id, text });
        }
      },
      { timeout: 60_000 },
    );

    const ackedSaves: AckedSave[] = [];
    const ackedApprovals: AckedApproval[] = [];
    const unanswered: Array<{ id: number; text: string }> = [];
    let saveCounter = 0;
    const report: string[] = [];
    const cutOff = { open: 0, done: 0 };

    for (const [phase, killAfter] of KILL_AFTER_ACKS.entries()) {
      const app = await startServer();
      let acks = 0;
      let running = true;
      let killed: () => void;
      const enoughAcks = new Promise<void>((resolve) => (killed = resolve));
      const acknowledge = () => {
        acks += 1;
        if (acks >= killAfter) killed();
      };

      // A request the dead server never answered: null, and the worker stops.
      const send = (...args: Parameters<typeof httpRequest>) => httpRequest(...args).catch(() => null);
      const currentHead = async () =>
        (await send(app, "GET", `/api/articles/${saves.slug}`))?.body.revision.id as number | undefined;

      const saver = async (index: number) => {
        const editor = cast.editors[index];
        const sectionId = `s${index}`;
        let head = await currentHead();
        while (running && head !== undefined) {
          const text = `Save ${(saveCounter += 1)} by ${editor.name}.`;
          const response = await send(app, "POST", `/api/articles/${saves.slug}/edits`, {
            body: {
              baseRevisionId: head,
              sectionEdit: { sectionId, sections: [smallSection(sectionId, text)] },
              summary: "stream",
            },
            user: editor,
          });
          if (!response) return; // died with this save in flight: it may or may not have landed
          if (response.status === 201) {
            ackedSaves.push({ revisionId: response.body.revision.id, sectionId, text });
            head = response.body.revision.id as number;
            acknowledge();
          } else if (response.status === 409) {
            head = response.body.error.details?.currentRevisionId ?? (await currentHead());
          } else {
            throw new Error(`save answered ${response.status}: ${response.text.slice(0, 300)}`);
          }
        }
      };

      const approver = async (index: number) => {
        const reviewer = cast.reviewers[index % cast.reviewers.length];
        while (running && pending.length) {
          const proposal = pending.shift()!;
          const response = await send(app, "POST", `/api/proposals/${proposal.id}/approve`, {
            body: { version: 1, comment: "stream" },
            user: reviewer,
          });
          if (!response) {
            unanswered.push(proposal);
            return;
          }
          if (response.status !== 200)
            throw new Error(`approval answered ${response.status}: ${response.text.slice(0, 300)}`);
          ackedApprovals.push({ proposalId: proposal.id, revisionId: response.body.revisionId, text: proposal.text });
          acknowledge();
        }
      };

      const acksBefore = ackedSaves.length + ackedApprovals.length;
      const workers = [
        ...Array.from({ length: SAVERS }, (_, i) => saver(i)),
        ...Array.from({ length: APPROVERS }, (_, i) => approver(i)),
      ];
      await enoughAcks;
      await app.kill();
      running = false;
      await Promise.all(workers);
      // SIGKILL took the whole server down: nothing answers on its port any more.
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
      report.push(`kill ${phase + 1} after ${ackedSaves.length + ackedApprovals.length - acksBefore} acks`);

      // Restart on the same database: everything holds, everything acknowledged is there.
      const restarted = await startServer();
      const invariants = await checkInvariants(database.db);
      expect(invariants.problems).toEqual([]);
      for (const save of ackedSaves) {
        const revision = await httpRequest(
          restarted,
          "GET",
          `/api/articles/${saves.slug}/revisions/${save.revisionId}`,
        );
        expect(revision.status).toBe(200);
        expect(
          JSON.stringify(revision.body.sections.find((section: { id: string }) => section.id === save.sectionId)),
        ).toContain(save.text);
      }
      for (const approval of ackedApprovals) {
        const proposal = await httpRequest(restarted, "GET", `/api/proposals/${approval.proposalId}`);
        expect(proposal.body.proposal.status).toBe("approved");
        expect(proposal.body.decisions).toEqual([
          expect.objectContaining({ action: "approve", revisionId: approval.revisionId }),
        ]);
        const revision = await httpRequest(
          restarted,
          "GET",
          `/api/articles/${reviewed.slug}/revisions/${approval.revisionId}`,
        );
        expect(revision.status).toBe(200);
        expect(JSON.stringify(revision.body.sections)).toContain(approval.text);
      }
      // An approval cut off mid-flight happened whole or not at all.
      for (const proposal of unanswered.splice(0)) {
        const state = await database.db.proposal.findUniqueOrThrow({
          where: { id: proposal.id },
          include: { decisions: true },
        });
        if (state.status === "open") {
          expect(state.decisions).toEqual([]);
          pending.unshift(proposal);
          cutOff.open += 1;
        } else {
          cutOff.done += 1;
          expect(state.status).toBe("approved");
          expect(state.decisions).toHaveLength(1);
          expect(state.decisions[0].revisionId).not.toBeNull();
        }
      }
      await restarted.stop();
    }
    const counts = (await checkInvariants(database.db)).counts;
    console.log(
      `[crash] ${report.join("; ")}; acknowledged ${ackedSaves.length} saves and ${ackedApprovals.length} approvals, all present after restart; approvals cut off by a kill: ${cutOff.done} had happened whole, ${cutOff.open} not at all; ${counts.revisions} revisions, ${counts.approvals} approvals in the database`,
    );
    expect(ackedSaves.length + ackedApprovals.length).toBeGreaterThanOrEqual(
      KILL_AFTER_ACKS.reduce((a, b) => a + b, 0),
    );
  }, 300_000);
});
