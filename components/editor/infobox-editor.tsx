"use client";

import type { Editor } from "@tiptap/core";
import { useRef, useState } from "react";
import type { DocJSON, Infobox, InfoboxRow } from "@/lib/document/model";
import type { CitationStore } from "./citation-store";
import type { ShortcutHandlers } from "./editor-extensions";
import { RichEditor } from "./rich-editor";
import {
  emptyCell,
  FREE_ROWS,
  INFOBOX_KINDS,
  kindOf,
  missingRows,
  moveItem,
  newInfobox,
  newRow,
  type RowTemplate,
} from "./infobox-kinds";

export { setInfoboxDoc } from "./infobox-docs";

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

function hasText(doc: DocJSON | undefined): boolean {
  return JSON.stringify(doc ?? {}).includes('"text":') || JSON.stringify(doc ?? {}).includes('"citation"');
}

function rowHasText(row: InfoboxRow): boolean {
  return row.kind === "field" ? hasText(row.value) : row.sides.some(hasText) || hasText(row.footer);
}

const templateName = (template: RowTemplate) =>
  template.label
    ? `${template.label}${template.kind === "sides" ? ` (one per side, ${template.sides})` : ""}`
    : template.kind === "field"
      ? "Other field"
      : "Other row, one value per side";

/**
 * The infobox form (the whole article, or its lead): plain fields as inputs,
 * every rich value as its own small editor with the same extensions, so
 * citations, notes and tags go in through the same toolbar. Rows can be
 * added (the kind's typed rows first, infobox-kinds.ts), removed and
 * reordered; a field's editor is keyed by its row's identity and place, so
 * it is remade with the current text when the row moves (its citations are
 * then numbered from its new place).
 */
export function InfoboxEditor({
  infobox,
  onChange,
  changed,
  open,
  ...shared
}: Shared & {
  /** the current draft (each field's editor reads it once, when made) */
  infobox: Infobox;
  onChange: (infobox: Infobox) => void;
  changed: boolean;
  /** open at first (a new infobox) */
  open?: boolean;
}) {
  const [rowIds, setRowIds] = useState(() => infobox.rows.map((_, index) => index));
  const nextId = useRef(infobox.rows.length);
  const kind = kindOf(infobox.kind);
  const offers = [...missingRows(kind, infobox.rows), ...FREE_ROWS];
  const [adding, setAdding] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const rowName = (row: InfoboxRow, index: number) => row.label.trim() || `row ${index + 1}`;

  const move = (index: number, to: number) => {
    const row = infobox.rows[index];
    onChange({ ...infobox, rows: moveItem(infobox.rows, index, to) });
    setRowIds((ids) => moveItem(ids, index, to));
    setAnnouncement(
      `Row “${rowName(row, index)}” moved to place ${Math.max(1, Math.min(infobox.rows.length, to + 1))}.`,
    );
  };
  const remove = (index: number) => {
    const row = infobox.rows[index];
    // Never drop text without asking: an empty row goes at once.
    if (rowHasText(row) && !window.confirm(`Remove the row “${rowName(row, index)}” and its text from the infobox?`))
      return;
    onChange({ ...infobox, rows: infobox.rows.filter((_, i) => i !== index) });
    setRowIds((ids) => ids.filter((_, i) => i !== index));
    setAnnouncement(`Row “${rowName(row, index)}” removed.`);
  };
  const add = () => {
    const template = offers[Math.min(adding, offers.length - 1)];
    onChange({ ...infobox, rows: [...infobox.rows, newRow(template)] });
    setRowIds((ids) => [...ids, nextId.current++]);
    setAdding(0);
    setAnnouncement(`Row “${template.label || "new row"}” added at the end.`);
  };

  const text = (name: "kind" | "title" | "dateStart" | "dateEnd", label: string, hint?: string) => (
    <label className="infobox-input">
      <span>{label}</span>
      <input
        value={infobox[name] ?? ""}
        placeholder={hint}
        list={name === "kind" ? "infobox-kinds" : undefined}
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
    <details className="editor-panel infobox-editor" open={open}>
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
          <datalist id="infobox-kinds">
            {INFOBOX_KINDS.map((known) => (
              <option key={known.kind} value={known.kind} />
            ))}
          </datalist>
          {text("dateStart", "Start date", "YYYY-MM-DD")}
          {text("dateEnd", "End date", "YYYY-MM-DD")}
        </div>
        {infobox.partOf || kind?.partOf ? (
          <Field
            path="$.infobox.partOf"
            label="Part of"
            name="Part of"
            doc={infobox.partOf ?? emptyCell()}
            shared={shared}
          />
        ) : null}
        {infobox.imageCaption ? (
          <Field
            path="$.infobox.imageCaption"
            label="Image caption"
            name="Image caption"
            doc={infobox.imageCaption}
            shared={shared}
          />
        ) : null}
        {infobox.rows.map((row, index) => {
          const key = `${rowIds[index]}@${index}`;
          const name = rowName(row, index);
          return (
            <fieldset key={key} className="infobox-row" data-row={row.label}>
              <legend>
                <input
                  className="infobox-row-label"
                  aria-label={`Label of row ${index + 1}`}
                  placeholder="Label"
                  value={row.label}
                  onChange={(event) =>
                    onChange({
                      ...infobox,
                      rows: infobox.rows.map((r, i) => (i === index ? { ...r, label: event.target.value } : r)),
                    })
                  }
                />
              </legend>
              <div className="infobox-row-actions">
                <button
                  type="button"
                  className="editor-button small quiet"
                  aria-label={`Move row “${name}” up`}
                  title="Move up"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="editor-button small quiet"
                  aria-label={`Move row “${name}” down`}
                  title="Move down"
                  disabled={index === infobox.rows.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="editor-button small quiet danger"
                  aria-label={`Remove row “${name}”`}
                  title="Remove"
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </div>
              {row.kind === "field" ? (
                <Field
                  path={`$.infobox.rows[${index}].value`}
                  label={null}
                  name={name}
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
                      name={`${name}, side ${s + 1}`}
                      doc={side}
                      shared={shared}
                    />
                  ))}
                  {row.footer ? (
                    <Field
                      path={`$.infobox.rows[${index}].footer`}
                      label="Footer"
                      name={`${name}, footer`}
                      doc={row.footer}
                      shared={shared}
                    />
                  ) : null}
                </div>
              )}
            </fieldset>
          );
        })}
        <div className="infobox-add-row">
          <label>
            <span>Add a row</span>
            <select value={adding} onChange={(event) => setAdding(Number(event.target.value))}>
              {offers.map((template, index) => (
                <option key={`${template.kind}-${template.label}-${index}`} value={index}>
                  {templateName(template)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="editor-button small" onClick={add}>
            Add row
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
    </details>
  );
}

/** "Add an infobox" for an article without one: pick its kind; the kind's rows come empty, to be filled in. */
export function AddInfobox({ title, onAdd }: { title: string; onAdd: (infobox: Infobox) => void }) {
  const [choice, setChoice] = useState(INFOBOX_KINDS[0].kind);
  return (
    <section className="editor-panel infobox-add" aria-label="Infobox">
      <p>This article has no infobox: the summary box beside the lead.</p>
      <label>
        <span>Kind</span>
        <select value={choice} onChange={(event) => setChoice(event.target.value)}>
          {INFOBOX_KINDS.map((kind) => (
            <option key={kind.kind} value={kind.kind}>
              {kind.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="editor-button small" onClick={() => onAdd(newInfobox(kindOf(choice)!, title))}>
        Add an infobox
      </button>
    </section>
  );
}
