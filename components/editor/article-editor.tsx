"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ProtectionLevel } from "@/lib/authz/levels";
import type { ArticleContent, DocJSON, Infobox, Reference } from "@/lib/document/model";
import { type CitationLocator, locatorOf } from "@/lib/document/extensions/citation";
import { NodeSelection } from "@tiptap/pm/state";
import { citationContext, createCitationStore, MAIN_DOC } from "./citation-store";
import { restoreCitation, type CitationRemoval } from "./citation-removals";
import { CitationRemovedNotice } from "./citation-removed-notice";
import { carrySectionDrafts, composeDraft, editRequest, sameInfobox, sameReference, type ComposedDraft } from "./draft";
import { applyLink, currentLink, insertNoteSelected, insertTag, removeLink } from "./editor-actions";
import type { ShortcutHandlers } from "./editor-extensions";
import { setInfoboxDoc } from "./infobox-docs";
import { ReferencesPanel } from "./references-panel";
import { RichEditor } from "./rich-editor";
import { SaveBar, type SaveStatus } from "./save-bar";
import {
  citationCounts,
  citedKeys,
  docFromSections,
  editsInfobox,
  infoboxDocs,
  referenceKeyFor,
  type EditScope,
} from "./sections";
import { Toolbar } from "./toolbar";
import {
  draftKey,
  readDraft,
  readSectionDrafts,
  removeDraft,
  useBeforeUnload,
  useDraftStorage,
  writeDraft,
  type StoredDraft,
} from "./use-draft";
import type { RestoreOffer } from "./restore-notice";
import { lazyComponent } from "@/components/ui/lazy";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TEditConflictDetails } from "@/lib/contracts/articles";

// Loaded on first use, not with the editor (issue 19: the section editor's script and its time to
// typing): the dialogs, the preview (the article renderer), "Show changes" and the conflict panel
// (the diff engine), the draft notice, and the infobox form (only the lead and the whole article
// have one).
const CitationDialog = lazyComponent(() => import("./citation-dialog").then((module) => module.CitationDialog));
const LinkDialog = lazyComponent(() => import("./link-dialog").then((module) => module.LinkDialog));
const PreviewPanel = lazyComponent(() => import("./preview-panel").then((module) => module.PreviewPanel));
const ChangesPanel = lazyComponent(() => import("./changes-panel").then((module) => module.ChangesPanel));
const ConflictPanel = lazyComponent(() => import("./conflict-panel").then((module) => module.ConflictPanel));
const RestoreNotice = lazyComponent(() => import("./restore-notice").then((module) => module.RestoreNotice));
const InfoboxEditor = lazyComponent(() => import("./infobox-editor").then((module) => module.InfoboxEditor));
const AddInfobox = lazyComponent(() => import("./infobox-editor").then((module) => module.AddInfobox));

/** What the edit page hands the editor (all serializable). */
export interface ArticleEditorProps {
  slug: string;
  title: string;
  baseRevisionId: number | null;
  content: ArticleContent;
  /** the section being edited, or null for the whole article */
  sectionId: string | null;
  /** why saving will not publish directly (protection), shown above the editor */
  protectionNotice: string | null;
  protectionLevel: ProtectionLevel;
  /** section mode: what the page numbers before this section (keys by first citation, and notes) */
  keysBefore: string[];
  notesBefore: number;
  /** revising one's own proposal: saving makes a new version of it */
  proposalId?: number | null;
  /** a reviewer amending the proposal: the version opened, which the amendment is pinned to */
  amendVersion?: number | null;
  /** proposing: the article's talk topics, one of which may be cited as where consensus was reached */
  talkTopics?: Array<{ id: number; title: string }>;
  /** the topic chosen to begin with (the talk page's "Propose a change citing this discussion") */
  talkTopicId?: number | null;
}

type Panel = { kind: "preview"; draft: ComposedDraft } | { kind: "changes"; draft: ComposedDraft } | null;
type DialogState =
  /** inserting a citation, or (`editing`) changing the place the selected one points at */
  | { kind: "citation"; editing?: { refKey: string; locator: CitationLocator; pos: number } }
  | { kind: "link"; initial: string; needsText: boolean; hasLink: boolean }
  | null;

function startingDoc(content: ArticleContent, scope: EditScope): DocJSON {
  return docFromSections(
    scope.kind === "whole" ? content.sections : content.sections.filter((section) => section.id === scope.sectionId),
  );
}

/** References of the pool that are new or differ from the article's: what a stored draft must keep. */
function changedOnly(pool: Reference[], content: ArticleContent): Reference[] {
  const old = new Map(content.references.map((reference) => [reference.key, reference]));
  return pool.filter((reference) => !sameReference(old.get(reference.key), reference));
}

function withOverrides(base: Reference[], overrides: Reference[]): Reference[] {
  const byKey = new Map(base.map((reference) => [reference.key, reference]));
  overrides.forEach((reference) => byKey.set(reference.key, reference));
  return [...byKey.values()];
}

const editorIds = new WeakMap<Editor, number>();
let editorCount = 0;
/** A stable key per editor instance: the toolbar remounts when the target editor changes, so its state is read afresh. */
function editorKey(editor: Editor | null): string {
  if (!editor) return "none";
  if (!editorIds.has(editor)) editorIds.set(editor, ++editorCount);
  return `editor-${editorIds.get(editor)}`;
}

/** The article editor: one Tiptap document of sections, the infobox form, references, preview, diff and save. */
export function ArticleEditor(props: ArticleEditorProps) {
  const { slug, sectionId } = props;
  const scope: EditScope = useMemo(() => (sectionId ? { kind: "section", sectionId } : { kind: "whole" }), [sectionId]);
  const storageKey = draftKey(slug, sectionId);
  // The whole article, or its lead: the infobox is edited too.
  const withInfobox = editsInfobox(props.content, scope);

  const [base, setBase] = useState(props.content);
  const [baseRevisionId, setBaseRevisionId] = useState(props.baseRevisionId);
  const [generation, setGeneration] = useState(0);
  const [initial, setInitial] = useState(() => ({
    doc: startingDoc(props.content, scope),
    infobox: props.content.infobox,
  }));
  const [references, setReferences] = useState<Reference[]>(props.content.references);
  const [infobox, setInfobox] = useState<Infobox | null>(props.content.infobox);
  const [doc, setDoc] = useState<DocJSON>(initial.doc);
  const [summary, setSummary] = useState("");
  const [talkTopicId, setTalkTopicId] = useState<number | null>(props.talkTopicId ?? null);
  const [minor, setMinor] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [conflict, setConflict] = useState<{
    message: string;
    details: TEditConflictDetails;
    mine: ComposedDraft;
  } | null>(null);
  const [restore, setRestore] = useState<RestoreOffer | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [active, setActive] = useState<{ editor: Editor; main: boolean } | null>(null);
  const [removed, setRemoved] = useState<{ editor: Editor; removals: CitationRemoval[] } | null>(null);
  const dismissed = useRef(new Set<number>());
  // The frame is rendered on the server; its controls work once the script runs.
  const hydrated = useHydrated();

  const mainEditor = useRef<Editor | null>(null);
  const dialogTarget = useRef<Editor | null>(null);
  const handlers = useRef<ShortcutHandlers | null>(null);
  const docTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [store] = useState(() =>
    createCitationStore(citationContext({ references: props.content.references, infobox: null })),
  );

  const currentDoc = useCallback(
    (): DocJSON => (mainEditor.current ? (mainEditor.current.getJSON() as DocJSON) : doc),
    [doc],
  );
  const compose = useCallback(
    () => composeDraft(base, scope, { doc: currentDoc(), references, infobox }),
    [base, scope, currentDoc, references, infobox],
  );

  const storage = useDraftStorage(
    storageKey,
    (): StoredDraft | null =>
      saved
        ? null
        : {
            version: 1,
            savedAt: new Date().toISOString(),
            baseRevisionId,
            doc: currentDoc(),
            references: changedOnly(references, props.content),
            infobox: withInfobox && !sameInfobox(infobox, props.content.infobox) ? infobox : null,
            summary,
            minor,
          },
    (message) => setStatus({ kind: "error", message }),
  );
  const leaving = useRef(false);
  useBeforeUnload(dirty && !saved, leaving);

  // "Edit the whole article" from a section: keep the draft now and go without the leave-page question;
  // the whole-article editor carries the section's draft over (carrySectionDrafts).
  useEffect(() => {
    if (scope.kind !== "section" || !dirty || saved) return;
    const whole = `/wiki/${encodeURIComponent(slug)}/edit`;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      // A new tab or window leaves this editor open: nothing to do.
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname !== whole || url.search) return;
      storage.flush();
      leaving.current = true;
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [scope, dirty, saved, slug, storage]);

  const touched = useCallback(() => {
    setDirty(true);
    storage.schedule();
  }, [storage]);

  // Restore a stored draft once, on the client (localStorage does not exist on the server). The server rendered
  // the article's text; a layout effect puts the draft in its place before the browser paints, so the stored
  // text never flashes the article's first (the text box is then made twice, only when there is a draft).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount; later changes must not re-offer the draft
  useLayoutEffect(() => {
    const stored = readDraft(storageKey);
    const carried =
      scope.kind === "whole" && !props.proposalId && (!stored || stored.baseRevisionId === props.baseRevisionId)
        ? carrySectionDrafts({
            content: props.content,
            baseRevisionId: props.baseRevisionId,
            whole: stored,
            sections: readSectionDrafts(slug),
          })
        : null;
    // The section editors' drafts go into this one; their own copies go only once this one is kept.
    if (carried && writeDraft(storageKey, carried.draft)) {
      carried.carried.forEach((id) => removeDraft(draftKey(slug, id)));
      applyDraft(carried.draft);
      const titleOf = (id: string) => props.content.sections.find((section) => section.id === id)?.title || "Lead";
      setRestore({
        kind: "carried",
        savedAt: carried.draft.savedAt,
        draft: carried.draft,
        sections: carried.carried.map(titleOf),
        kept: carried.kept.map((id) => ({ title: titleOf(id), href: `?section=${encodeURIComponent(id)}` })),
      });
    } else if (stored && stored.baseRevisionId === props.baseRevisionId) {
      applyDraft(stored);
      setRestore({ kind: "restored", savedAt: stored.savedAt, draft: stored });
    } else if (stored) {
      setRestore({ kind: "offer", savedAt: stored.savedAt, draft: stored });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function applyDraft(stored: StoredDraft) {
    const restoredInfobox = withInfobox ? (stored.infobox ?? props.content.infobox) : props.content.infobox;
    setInitial({ doc: stored.doc, infobox: restoredInfobox });
    setDoc(stored.doc);
    setInfobox(restoredInfobox);
    setReferences(withOverrides(props.content.references, stored.references));
    setSummary(stored.summary);
    setMinor(stored.minor);
    setBaseRevisionId(stored.baseRevisionId);
    setGeneration((value) => value + 1);
    setDirty(true);
  }

  function discardDraft() {
    storage.clear();
    setInitial({ doc: startingDoc(props.content, scope), infobox: props.content.infobox });
    setDoc(startingDoc(props.content, scope));
    setInfobox(props.content.infobox);
    setReferences(props.content.references);
    setSummary("");
    setMinor(false);
    setBase(props.content);
    setBaseRevisionId(props.baseRevisionId);
    setGeneration((value) => value + 1);
    setDirty(false);
    setRestore(null);
    setPanel(null);
  }

  // Every editor numbers citations from the same context: the references and what precedes its document.
  useEffect(() => {
    store.set(
      citationContext({
        references,
        infobox: withInfobox ? infobox : null,
        // Only the infobox precedes the lead, and it may be edited here: numbered from the draft's.
        before: withInfobox ? undefined : { keys: props.keysBefore, notes: props.notesBefore },
      }),
    );
  }, [store, references, infobox, withInfobox, props.keysBefore, props.notesBefore]);

  const numbering = useMemo(() => {
    const docs = withInfobox ? [...infoboxDocs(infobox), doc] : [doc];
    const known = new Set(references.map((reference) => reference.key));
    const order = [...new Set([...(withInfobox ? [] : props.keysBefore), ...citedKeys(docs)])].filter((key) =>
      known.has(key),
    );
    const uses = citationCounts(docs);
    return {
      numberOf: new Map(order.map((key, index) => [key, index + 1])),
      cited: citedKeys(docs).filter((key) => known.has(key)),
      uses,
    };
  }, [doc, infobox, references, withInfobox, props.keysBefore]);

  const onMainChange = useCallback(
    (editor: Editor) => {
      touched();
      // The panels follow the text a moment later, not on every keystroke.
      if (docTimer.current) clearTimeout(docTimer.current);
      docTimer.current = setTimeout(() => setDoc(editor.getJSON() as DocJSON), 250);
    },
    [touched],
  );

  function openCitation() {
    const editor = active?.editor ?? mainEditor.current;
    dialogTarget.current = editor;
    // A selected citation (a click on its marker selects it): edit where it points rather than insert another.
    const selection = editor?.state.selection;
    if (selection instanceof NodeSelection && selection.node.type.name === "citation") {
      const { node, from } = selection;
      return setDialog({
        kind: "citation",
        editing: { refKey: String(node.attrs.refKey), locator: locatorOf(node.attrs), pos: from },
      });
    }
    setDialog({ kind: "citation" });
  }
  function openLink() {
    const editor = active?.editor ?? mainEditor.current;
    if (!editor) return;
    dialogTarget.current = editor;
    const link = currentLink(editor);
    setDialog({
      kind: "link",
      initial: link.value,
      needsText: editor.state.selection.empty && !link.mark,
      hasLink: !!link.mark,
    });
  }
  handlers.current = {
    insertCitation: openCitation,
    editLink: openLink,
    citationsRemoved: (editor, removals) =>
      setRemoved((current) =>
        removals.length ? { editor, removals } : current && current.editor !== editor ? current : null,
      ),
  };

  function closeDialog() {
    setDialog(null);
    dialogTarget.current?.commands.focus();
  }
  function cite(key: string, locator: CitationLocator = {}) {
    setDialog(null);
    dialogTarget.current?.chain().focus().insertCitation(key, locator).run();
  }
  /** Points the citation at `pos` at another place in its source (its reference stays). */
  function updateCitation(pos: number, refKey: string, locator: CitationLocator) {
    setDialog(null);
    dialogTarget.current
      ?.chain()
      .focus()
      .command(({ tr }) => {
        const node = tr.doc.nodeAt(pos);
        if (node?.type.name !== "citation" || node.attrs.refKey !== refKey) return false;
        // Attributes not given fall back to their default, absent: a cleared field leaves no trace in the JSON.
        tr.setNodeMarkup(pos, undefined, { refKey, ...locator });
        return true;
      })
      .run();
  }

  function preview() {
    setPanel({ kind: "preview", draft: compose() });
  }
  function showChanges() {
    setPanel({ kind: "changes", draft: compose() });
  }

  async function submit(draft: ComposedDraft, against: ArticleContent, revisionId: number | null) {
    if (draft.problems.length) return setStatus({ kind: "error", message: draft.problems[0] });
    setSaving(true);
    setStatus(null);
    const request = editRequest({ base: against, scope, draft, baseRevisionId: revisionId, summary, minor });
    // The API call and its outcome's wording load with the first save, not with the editor (issue 19).
    const [{ saveEdit }, { destinationOf, statusOf }] = await Promise.all([
      import("./save-edit"),
      import("./save-status"),
    ]);
    const outcome = await saveEdit(
      slug,
      props.talkTopics && talkTopicId !== null ? { ...request, talkTopicId } : request,
      props.proposalId ?? null,
      props.amendVersion ?? null,
    );
    setSaving(false);
    setStatus(statusOf(outcome));
    if (outcome.kind === "conflict" && outcome.details)
      setConflict({ message: outcome.message, details: outcome.details, mine: draft });
    const first = draft.sections.find((section) => section.id === sectionId) ?? draft.sections[0];
    const destination = destinationOf(
      outcome,
      slug,
      scope.kind === "section" && first && first.level > 0 ? first.title : null,
    );
    if (destination) {
      // Published: the copy in this browser is no longer needed, and leaving must not ask.
      storage.clear();
      leaving.current = true;
      setSaved(true);
      window.location.assign(destination);
    }
  }

  /** "I have merged by hand": rebase the draft on their revision and save on top of it. */
  async function resolveConflict() {
    if (!conflict) return;
    const { rebaseDraft } = await import("./rebase-draft");
    const { details } = conflict;
    const mine = compose();
    const theirs = details.theirs;
    let draft = mine;
    if (scope.kind === "whole") {
      // Keep their changes where the user changed nothing; the user's merged text wins elsewhere.
      const rebased = rebaseDraft(base, mine.content, theirs);
      if (rebased) {
        draft = { sections: rebased.sections, content: rebased, problems: mine.problems };
        setInitial({ doc: docFromSections(rebased.sections), infobox: rebased.infobox });
        setDoc(docFromSections(rebased.sections));
        setInfobox(rebased.infobox);
        setReferences(withOverrides(theirs.references, rebased.references));
        setGeneration((value) => value + 1);
      }
    } else {
      setReferences((current) => withOverrides(theirs.references, changedOnly(current, base)));
    }
    setBase(theirs);
    setBaseRevisionId(details.currentRevisionId);
    setConflict(null);
    touched();
    void submit(draft, theirs, details.currentRevisionId);
  }

  const cited = numbering.cited.map((key) => ({
    number: numbering.numberOf.get(key) ?? 0,
    reference: references.find((reference) => reference.key === key)!,
    uses: numbering.uses.get(key) ?? 1,
    changed: !sameReference(
      base.references.find((reference) => reference.key === key),
      references.find((reference) => reference.key === key),
    ),
  }));
  const isNew = props.baseRevisionId === null;

  return (
    <div className="article-editor">
      {props.protectionNotice ? (
        <div className="notice editor-notice protection" role="note">
          {props.protectionNotice}
        </div>
      ) : null}
      {restore ? (
        <RestoreNotice
          offer={restore}
          onRestore={() => {
            applyDraft(restore.draft);
            setRestore({ ...restore, kind: "restored" });
          }}
          onDiscard={discardDraft}
          onDismiss={() => setRestore(null)}
        />
      ) : null}
      {conflict ? (
        <ConflictPanel
          message={conflict.message}
          details={conflict.details}
          mine={conflict.mine.content}
          onResolve={() => void resolveConflict()}
        />
      ) : null}
      {panel?.kind === "preview" ? (
        <PreviewPanel
          content={panel.draft.content}
          slug={slug}
          protectionLevel={props.protectionLevel}
          focusSectionId={sectionId}
          onClose={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === "changes" ? (
        <ChangesPanel from={base} to={panel.draft.content} onClose={() => setPanel(null)} />
      ) : null}

      {withInfobox && infobox ? (
        <InfoboxEditor
          key={`infobox-${generation}`}
          infobox={infobox}
          open={!base.infobox}
          changed={!sameInfobox(infobox, base.infobox)}
          onChange={(next) => {
            setInfobox(next);
            touched();
          }}
          store={store}
          handlers={handlers}
          onDocChange={(path, value) => {
            setInfobox((current) => (current ? setInfoboxDoc(current, path, value) : current));
            touched();
          }}
          onFocus={(editor) => setActive({ editor, main: false })}
        />
      ) : withInfobox ? (
        <AddInfobox
          title={base.title}
          onAdd={(next) => {
            setInfobox(next);
            touched();
          }}
        />
      ) : null}

      <div className="editor-frame">
        <Toolbar
          key={editorKey(active && !active.editor.isDestroyed ? active.editor : mainEditor.current)}
          editor={active && !active.editor.isDestroyed ? active.editor : mainEditor.current}
          isMain={!active || active.main}
          onLink={openLink}
          onCitation={openCitation}
          onNote={() => {
            const editor = active?.editor ?? mainEditor.current;
            if (editor) insertNoteSelected(editor);
          }}
          onTag={(kind) => {
            const editor = active?.editor ?? mainEditor.current;
            if (editor) insertTag(editor, kind);
          }}
        />
        <RichEditor
          key={`main-${generation}`}
          docId={MAIN_DOC}
          initialContent={initial.doc}
          store={store}
          handlers={handlers}
          label={scope.kind === "section" ? "Section text" : "Article text"}
          placeholder={isNew ? "Start writing the article…" : "Write here…"}
          className="article-body editor-main"
          onChange={onMainChange}
          onFocus={(editor) => setActive({ editor, main: true })}
          onReady={(editor) => {
            mainEditor.current = editor;
            if (editor)
              setActive((current) => (current && !current.editor.isDestroyed ? current : { editor, main: true }));
          }}
        />
        <CitationRemovedNotice
          removals={
            removed && !removed.editor.isDestroyed
              ? removed.removals.filter((removal) => !dismissed.current.has(removal.id))
              : []
          }
          referenceOf={(key) => references.find((reference) => reference.key === key)}
          onUndo={(id) => {
            if (removed && !restoreCitation(removed.editor, id))
              setRemoved((current) =>
                current ? { ...current, removals: current.removals.filter((removal) => removal.id !== id) } : null,
              );
          }}
          onDismiss={() => {
            removed?.removals.forEach((removal) => dismissed.current.add(removal.id));
            setRemoved(null);
          }}
        />
      </div>

      <ReferencesPanel
        cited={cited}
        onUpdate={(key, fields) => {
          setReferences((current) =>
            current.map((reference) => (reference.key === key ? { key, ...fields } : reference)),
          );
          touched();
        }}
      />

      <SaveBar
        summary={summary}
        onSummary={(value) => {
          setSummary(value);
          touched();
        }}
        minor={minor}
        onMinor={(value) => {
          setMinor(value);
          touched();
        }}
        onPreview={preview}
        onChanges={showChanges}
        onSave={() => void submit(compose(), base, baseRevisionId)}
        saving={saving}
        status={status}
        cancelHref={`/wiki/${encodeURIComponent(slug)}`}
        extra={
          props.talkTopics?.length ? (
            <label className="consensus-topic">
              Consensus reached on the talk page (optional){" "}
              <select
                value={talkTopicId ?? ""}
                disabled={!hydrated}
                onChange={(event) => setTalkTopicId(event.target.value ? Number(event.target.value) : null)}
              >
                <option value="">(none)</option>
                {props.talkTopics.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topic.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null
        }
        saveLabel={
          props.amendVersion
            ? "Save the amendment"
            : props.proposalId
              ? "Save the proposal"
              : props.protectionNotice
                ? "Submit for review"
                : isNew
                  ? "Create article"
                  : "Publish changes"
        }
      />

      {dialog?.kind === "citation" ? (
        <CitationDialog
          references={references}
          numberOf={numbering.numberOf}
          editing={dialog.editing ?? null}
          onClose={closeDialog}
          onCite={cite}
          onUpdate={(locator) => {
            const { editing } = dialog;
            if (editing) updateCitation(editing.pos, editing.refKey, locator);
          }}
          onCreate={(fields, locator) => {
            const key = referenceKeyFor(fields.title, new Set(references.map((reference) => reference.key)));
            setReferences((current) => [...current, { key, ...fields }]);
            cite(key, locator);
            touched();
          }}
        />
      ) : null}
      {dialog?.kind === "link" ? (
        <LinkDialog
          initial={dialog.initial}
          needsText={dialog.needsText}
          onClose={closeDialog}
          onApply={(target, text) => {
            setDialog(null);
            if (dialogTarget.current) applyLink(dialogTarget.current, target, text);
          }}
          onRemove={
            dialog.hasLink
              ? () => {
                  setDialog(null);
                  if (dialogTarget.current) removeLink(dialogTarget.current);
                }
              : null
          }
        />
      ) : null}
    </div>
  );
}
