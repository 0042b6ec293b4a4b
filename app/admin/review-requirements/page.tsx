import { RequirementForm } from "@/components/review/approvals-requirements-form";
import { PROTECTION_LEVELS } from "@/lib/authz/levels";
import { decide } from "@/lib/authz/policy";
import { describeProtection } from "@/lib/authz/rules";
import { getViewer } from "@/lib/auth/viewer";
import { formatTimestamp } from "@/lib/document/format";
import { listReviewRequirements } from "@/lib/proposals/review-requirements";

export const metadata = { title: "Review requirements" };

// GET /admin/review-requirements — approvals required per protection level and the public log of changes. Anyone reads; admins change.
export default async function ReviewRequirementsPage() {
  const viewer = await getViewer();
  const canChange = decide(viewer, "configure_review").allowed;
  const { requirements, changes } = await listReviewRequirements();
  return (
    <div className="content-page wide">
      <h1 className="page-title">Review requirements</h1>
      <p className="page-intro">
        How many distinct reviewers must approve a proposal before it is published, by the protection in force on its
        article. Approvals count per version: when the author posts a new version, the count starts again. The author
        never counts, nor does a reviewer twice; a reviewer blocked or demoted since their approval no longer counts.
      </p>
      <table className="data-table requirements-table">
        <thead>
          <tr>
            <th>Protection</th>
            <th>Approvals required</th>
            {canChange ? <th>Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {PROTECTION_LEVELS.map((level) => {
            const name = level === "none" ? "not protected" : describeProtection(level).name;
            return (
              <tr key={level} data-level={level}>
                <td>{name}</td>
                <td className="requirement-count">{requirements[level]}</td>
                {canChange ? (
                  <td>
                    <RequirementForm level={level} name={name} approvals={requirements[level]} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Log</h2>
      <ul className="history-list">
        {changes.map((change) => (
          <li key={change.id}>
            {formatTimestamp(change.createdAt)}{" "}
            {change.actor ? <a href={`/user/${encodeURIComponent(change.actor)}`}>{change.actor}</a> : "installation"}{" "}
            set <b>{change.level}</b> to {change.approvals} approval{change.approvals === 1 ? "" : "s"}
            {change.reason ? <span className="summary"> ({change.reason})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
