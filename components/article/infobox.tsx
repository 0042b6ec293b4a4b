import type { CitationPlan } from "@/lib/document/citations";
import { daysBetween, formatDate } from "@/lib/document/format";
import type { Infobox as InfoboxData } from "@/lib/document/model";
import { renderRichText } from "./rich-text";

function DateRange({ start, end }: { start?: string; end?: string }) {
  if (!start) return null;
  const days = end ? daysBetween(start, end) : null;
  return (
    <tr>
      <th scope="row">Date</th>
      <td>
        {formatDate(start)}
        {end ? ` – ${formatDate(end)}` : " – present"}
        {days !== null && days > 0 ? (
          <>
            <br />({days} {days === 1 ? "day" : "days"})
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** The infobox: typed fields, per-side columns, values rendered as rich text. */
export function Infobox({ infobox, plan }: { infobox: InfoboxData; plan: CitationPlan }) {
  // At least two: a field row is a label and a value (an imported infobox may have no sided row).
  const columns = Math.max(2, ...infobox.rows.map((row) => (row.kind === "sides" ? row.sides.length : 1)));
  return (
    <table className="infobox" aria-label={`${infobox.title}: summary`}>
      <tbody>
        <tr>
          <th colSpan={columns} className="infobox-title">
            {infobox.title}
          </th>
        </tr>
        {infobox.partOf ? (
          <tr>
            <td colSpan={columns} className="infobox-subtitle">
              Part of {renderRichText(infobox.partOf, plan, { inline: true })}
            </td>
          </tr>
        ) : null}
        {infobox.imageCaption ? (
          <tr>
            <td colSpan={columns} className="infobox-image">
              <div className="infobox-image-placeholder" aria-hidden="true">
                <svg viewBox="0 0 64 40" width="96" height="60" aria-hidden="true">
                  <path d="M2 38 L22 14 L34 28 L44 18 L62 38 Z" fill="currentColor" opacity="0.35" />
                  <circle cx="48" cy="9" r="5" fill="currentColor" opacity="0.35" />
                </svg>
              </div>
              <div className="infobox-caption">{renderRichText(infobox.imageCaption, plan, { inline: true })}</div>
            </td>
          </tr>
        ) : null}
        {columns > 1 ? (
          <tr>
            <td colSpan={columns} className="infobox-fields">
              <table className="infobox-inner">
                <tbody>
                  <DateRange start={infobox.dateStart} end={infobox.dateEnd} />
                  {infobox.rows.map((row, index) =>
                    row.kind === "field" ? (
                      <tr key={index}>
                        <th scope="row">{row.label}</th>
                        <td>{renderRichText(row.value, plan)}</td>
                      </tr>
                    ) : null,
                  )}
                </tbody>
              </table>
            </td>
          </tr>
        ) : (
          <DateRange start={infobox.dateStart} end={infobox.dateEnd} />
        )}
        {infobox.rows.map((row, index) => {
          if (row.kind === "field") {
            return columns > 1 ? null : (
              <tr key={index}>
                <th scope="row">{row.label}</th>
                <td>{renderRichText(row.value, plan)}</td>
              </tr>
            );
          }
          return [
            <tr key={`${index}-h`}>
              <th colSpan={columns} className="infobox-header">
                {row.label}
              </th>
            </tr>,
            <tr key={`${index}-s`} className="infobox-sides">
              {row.sides.map((side, sideIndex) => (
                <td key={sideIndex} colSpan={sideIndex === row.sides.length - 1 ? columns - row.sides.length + 1 : 1}>
                  {renderRichText(side, plan)}
                </td>
              ))}
            </tr>,
            row.footer ? (
              <tr key={`${index}-f`} className="infobox-footer">
                <td colSpan={columns}>{renderRichText(row.footer, plan)}</td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}
