import { decodeParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { UserRightsForm } from "@/components/admin/user-rights-form";
import { getViewer } from "@/lib/auth/viewer";
import { decide } from "@/lib/authz/policy";
import { formatDate } from "@/lib/document/format";
import { WikiError } from "@/lib/errors";
import { ProposalStatus } from "@/lib/proposals/status";
import { RightsAction } from "@/lib/users/rights-action";
import { getUserProfile } from "@/lib/users/user-profile";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `User ${decodeParam((await params).name)}` };
}

const day = (date: Date) => formatDate(date.toISOString().slice(0, 10));

// GET /user/{name} — a user's groups, account age, edit count, contributions and rights log.
export default async function UserPage({ params }: Props) {
  const name = decodeParam((await params).name);
  const profile = await getUserProfile({ name }).catch((error) => {
    if (error instanceof WikiError && error.code === "not_found") notFound();
    throw error;
  });
  const mayAdminister = decide(await getViewer(), "grant").allowed;
  const ageDays = Math.floor((Date.now() - profile.createdAt.getTime()) / 86_400_000);
  return (
    <div className="content-page">
      <h1 className="page-title">User {profile.name}</h1>
      {profile.imported ? (
        <p className="notice" role="note">
          This contributor was imported with a MediaWiki XML dump: their edits keep their original dates and names, and
          the account cannot sign in.
        </p>
      ) : null}
      {profile.block ? (
        <div className="notice notice-warning" role="note">
          This account is blocked {profile.block.until ? `until ${day(profile.block.until)}` : "indefinitely"}:{" "}
          {profile.block.reason}
        </div>
      ) : null}
      <dl className="facts">
        <dt>Groups</dt>
        <dd>
          {profile.implicitGroups.map((group) => (
            <span key={group} className="group-badge" title="from account age and edit count">
              {group}
            </span>
          ))}
          {profile.grantedGroups.map((group) => (
            <span key={group} className="group-badge group-granted" title="granted by an administrator">
              {group}
            </span>
          ))}
        </dd>
        <dt>Account created</dt>
        <dd>
          {day(profile.createdAt)} ({ageDays} {ageDays === 1 ? "day" : "days"} ago)
        </dd>
        <dt>Edits</dt>
        <dd>{profile.editCount.toLocaleString("en")}</dd>
      </dl>
      {mayAdminister ? (
        <section className="admin-actions" aria-label="Administer this account">
          <h2>Rights and block</h2>
          <UserRightsForm name={profile.name} granted={profile.grantedGroups} blocked={Boolean(profile.block)} />
        </section>
      ) : null}
      <h2>Contributions</h2>
      {profile.contributions.length === 0 ? (
        <p>No edits yet.</p>
      ) : (
        <ul className="history-list">
          {profile.contributions.map((revision) => (
            <li key={revision.id}>
              <a href={`/wiki/${encodeURIComponent(revision.article.slug)}?oldid=${revision.id}`}>
                {revision.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              </a>{" "}
              <a href={`/wiki/${encodeURIComponent(revision.article.slug)}`}>{revision.article.title}</a>{" "}
              <span className={revision.sizeChange >= 0 ? "size-plus" : "size-minus"}>
                ({revision.sizeChange >= 0 ? "+" : "−"}
                {Math.abs(revision.sizeChange).toLocaleString("en")})
              </span>{" "}
              {revision.summary ? <span className="summary">({revision.summary})</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Proposals</h2>
      {profile.proposals.length === 0 ? (
        <p>No proposals.</p>
      ) : (
        <ul className="history-list">
          {profile.proposals.map((proposal) => (
            <li key={proposal.id}>
              <a href={`/proposals/${proposal.id}`}>#{proposal.id}</a> to{" "}
              <a href={`/wiki/${encodeURIComponent(proposal.article.slug)}`}>{proposal.article.title}</a>{" "}
              <span className={`status-badge status-${proposal.status}`}>{proposal.status.replace("_", " ")}</span>{" "}
              {proposal.summary ? <span className="summary">({proposal.summary})</span> : null}
              {proposal.decisions[0]?.comment && proposal.status !== ProposalStatus.open ? (
                <div className="decision-reason">Reviewer: {proposal.decisions[0].comment}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {profile.rightsLog.length ? (
        <>
          <h2>Rights log</h2>
          <ul className="history-list">
            {profile.rightsLog.map((entry) => (
              <li key={entry.id}>
                {entry.createdAt.toISOString().slice(0, 16).replace("T", " ")} {entry.actor?.name ?? "system"}{" "}
                {entry.action === RightsAction.grant
                  ? `granted ${entry.group}`
                  : entry.action === RightsAction.revoke
                    ? `removed ${entry.group}`
                    : entry.action === RightsAction.block
                      ? `blocked the account${entry.expiresAt ? ` until ${day(entry.expiresAt)}` : ""}`
                      : "lifted the block"}{" "}
                <span className="summary">({entry.reason})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
