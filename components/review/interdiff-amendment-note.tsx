/** "approved with amendments by R (diff)": the reviewer's own change, as the interdiff of the versions they wrote. */
export function AmendmentNote({
  proposalId,
  reviewer,
  from,
  to,
}: {
  proposalId: number;
  reviewer: string;
  from: number;
  to: number;
}) {
  return (
    <span className="amendment-note">
      {" "}
      · approved with amendments by {reviewer} (
      <a href={`/proposals/${proposalId}?diff=${from}..${to}`}>
        diff of the amendment, version {from} → {to}
      </a>
      )
    </span>
  );
}
