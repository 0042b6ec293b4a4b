"use client";

import type { Editor } from "@tiptap/react";
import type { DocJSON, Infobox, InfoboxRow } from "@/lib/document/model";
import type { CitationStore } from "./citation-store";
import type { ShortcutHandlers } from "./editor-extensions";
import { RichEditor } from "./rich-editor";

/** The infobox with the rich-text document at `path` (a walkArticleDocs path such as `$.infobox.rows[2].sides[1]`) replaced. */
export function setInfoboxDoc(infobox: Infobox, path: string, doc: DocJSON): Infobox {
  if (path === "$.infobox.partOf") return { ...infobox, partOf: doc };
  if (path === "$.infobox.imageCaption") return { ...infobox, imageCaption: doc };
  const match = /^\$\.infobox\.rows\[(\d+)\]\.(value|footer|sides\[(\d+)\])$/.exec(path);
  if (!match) return infobox;
  const index = Number(match[1]);
  const rows = infobox.rows.map((row, i): InfoboxRow => {
    if (i !== index) return row;
    if (row.kind === "field") return match[2] === "value" ? { ...row, value: doc } : row;
    if (match[2] === "footer") return { ...row, footer: doc };
    if (match[3] !== undefined)
      return { ...row, sides: row.sides.map((side, s) => (s === Number(match[3]) ? doc : side)) };
    return row;
  });
  return { ...infobox, rows };
}

type Shared = {
  store: CitationStore;
  handlers: { current: ShortcutHandlers | null };
  onDocChange: (path: string, doc: DocJSON) => void;
  onFocus: (editor: Editor) => void;
};

function Field({
  path,
  label,
  name,
  doc,
  shared,
}: {
  path: string;
  label: string | null;
  name: string;
  doc: DocJSON;
  shared: Shared;
}) {
  return (
    <div className="infobox-field">
      {label ? <span className="infobox-field-label">{label}</span> : null}
      <RichEditor
        docId={path}
        initialContent={doc}
        store={shared.store}
        handlers={shared.handlers}
        label={`Infobox: ${name}`}
        placeholder="(empty)"
        className="mini"
        onChange={(editor) => shared.onDocChange(path, editor.getJSON() as DocJSON)}
        onFocus={shared.onFocus}
      />
    </div>
  );
}

/**
 * The infobox form (whole-article mode): plain fields as inputs, every rich
 * value as its own small editor with the same extensions, so citations,
 * notes and tags go in through the same toolbar.
 */
export function InfoboxEditor({
  initial,
  infobox,
  onChange,
  changed,
  ...shared
}: Shared & {
  /** the infobox the editors start from (they read it once) */
  initial: Infobox;
  /** the current draft */
  infobox: Infobox;
  onChange: (infobox: Infobox) => void;
  changed: boolean;
}) {
  const text = (name: "kind" | "title" | "dateStart" | "dateEnd", label: string, hint?: string) => (
    <label className="infobox-input">
      <span>{label}</span>
      <input
        value={infobox[name] ?? ""}
        placeholder={hint}
        onChange={(event) => {
          const value = event.target.value;
          const next = { ...infobox, [name]: value };
          if (!value && (name === "dateStart" || name === "dateEnd")) delete next[name];
          onChange(next);
        }}
      />
    </label>
  );
  return (
    <details className="editor-panel infobox-editor">
      <summary>
        <span className="panel-title">Infobox</span>{" "}
        <span className="panel-count">
          {infobox.title} · {infobox.rows.length} rows
        </span>
        {changed ? <span className="badge">changed</span> : null}
      </summary>
      <div className="infobox-editor-body">
        <div className="infobox-inputs">
          {text("title", "Title")}
          {text("kind", "Kind")}
          {text("dateStart", "Start date", "YYYY-MM-DD")}
          {text("dateEnd", "End date", "YYYY-MM-DD")}
        </div>
        {initial.partOf ? (
          <Field path="$.infobox.partOf" label="Part of" name="Part of" doc={initial.partOf} shared={shared} />
        ) : null}
        {initial.imageCaption ? (
          <Field
            path="$.infobox.imageCaption"
            label="Image caption"
            name="Image caption"
            doc={initial.imageCaption}
            shared={shared}
          />
        ) : null}
        {initial.rows.map((row, index) => (
          <fieldset key={index} className="infobox-row">
            <legend>
              <input
                className="infobox-row-label"
                aria-label={`Label of row ${index + 1}`}
                value={infobox.rows[index]?.label ?? row.label}
                onChange={(event) =>
                  onChange({
                    ...infobox,
                    rows: infobox.rows.map((r, i) => (i === index ? { ...r, label: event.target.value } : r)),
                  })
                }
              />
            </legend>
            {row.kind === "field" ? (
              <Field
                path={`$.infobox.rows[${index}].value`}
                label={null}
                name={row.label}
                doc={row.value}
                shared={shared}
              />
            ) : (
              <div className={`infobox-sides sides-${row.sides.length}`}>
                {row.sides.map((side, s) => (
                  <Field
                    key={s}
                    path={`$.infobox.rows[${index}].sides[${s}]`}
                    label={`Side ${s + 1}`}
                    name={`${row.label}, side ${s + 1}`}
                    doc={side}
                    shared={shared}
                  />
                ))}
                {row.footer ? (
                  <Field
                    path={`$.infobox.rows[${index}].footer`}
                    label="Footer"
                    name={`${row.label}, footer`}
                    doc={row.footer}
                    shared={shared}
                  />
                ) : null}
              </div>
            )}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
