"use client";

import type { Editor } from "@tiptap/core";
import { useRef, useSyncExternalStore, type ReactNode } from "react";
import { MAINTENANCE_TAG_KINDS, type MaintenanceTagKind } from "@/lib/document/extensions/maintenance-tag";
import { useRovingFocus } from "./roving-focus";
import { useEditorSelector } from "./tiptap";

const neverChanges = () => () => undefined;
const platformModKey = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl");
const serverModKey = () => "Ctrl";

/**
 * The shortcut modifier the buttons' titles name. The server cannot know the platform: it renders "Ctrl", and
 * hydration then shows the browser's own (React re-renders with the client's value, without a mismatch).
 */
function useModKey(): string {
  return useSyncExternalStore(neverChanges, platformModKey, serverModKey);
}

/** A 20px stroke icon from one or more SVG paths. */
function Icon({ paths }: { paths: string[] }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

const ICONS = {
  link: [
    "M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1",
    "M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1",
  ],
  bullets: ["M9 6h11", "M9 12h11", "M9 18h11", "M4.5 6h.01", "M4.5 12h.01", "M4.5 18h.01"],
  numbers: ["M10 6h10", "M10 12h10", "M10 18h10", "M4 4.5h1.5v4", "M3.8 14.5c.4-.6 2.2-.8 2.2.4 0 1-2.2 1.6-2.2 3.1H6"],
  quote: ["M4 6h16v12H4z", "M8 10.5h3", "M8 13.5h8"],
  undo: ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  redo: ["m15 14 5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"],
  cite: ["M7 5H5v14h2", "M17 5h2v14h-2", "M12 9v6", "M9 12h6"],
  note: ["M5 4h10l4 4v12H5z", "M9 12h6", "M9 16h4"],
};

/** What the toolbar acts on and the actions that need the editor page (dialogs). */
export interface ToolbarProps {
  editor: Editor | null;
  /** the main text (headings and quote boxes are not allowed in infobox fields) */
  isMain: boolean;
  onLink: () => void;
  onCitation: () => void;
  onNote: () => void;
  onTag: (kind: MaintenanceTagKind) => void;
}

function ToolButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
  wide,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <button
      type="button"
      className={`tool${wide ? " tool-wide" : ""}`}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      // Keep the focus (and selection) in the editor while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The sticky formatting toolbar; every action applies to the editor that last had focus. */
export function Toolbar({ editor, isMain, onLink, onCitation, onNote, onTag }: ToolbarProps) {
  const state = useEditorSelector(editor, (current) => ({
    bold: current.isActive("bold"),
    italic: current.isActive("italic"),
    link: current.isActive("link") || current.isActive("wikiLink"),
    h2: current.isActive("heading", { level: 2 }),
    h3: current.isActive("heading", { level: 3 }),
    h4: current.isActive("heading", { level: 4 }),
    paragraph: current.isActive("paragraph"),
    bullets: current.isActive("bulletList"),
    numbers: current.isActive("orderedList"),
    inNote: current.isActive("note"),
    inHeading: current.isActive("heading"),
    canUndo: current.can().undo(),
    canRedo: current.can().redo(),
  }));
  const mod = useModKey();
  const off = !editor || !state;
  const run = (action: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => {
    if (editor) action(editor.chain().focus()).run();
  };
  const heading = (level: 2 | 3 | 4) => run((chain) => chain.setHeading({ level }));
  const toolbar = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(toolbar);

  return (
    // One tab stop; the arrow keys move inside (roving-focus.ts), Tab goes on to the text.
    <div
      ref={toolbar}
      className="editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      onFocus={roving.onFocus}
      onKeyDown={roving.onKeyDown}
    >
      <div className="tool-group" role="group" aria-label="Paragraph style">
        <ToolButton
          label="H2: heading"
          shortcut={`${mod}+Alt+2`}
          active={state?.h2}
          disabled={off || !isMain}
          onClick={heading(2)}
        >
          H2
        </ToolButton>
        <ToolButton
          label="H3: subheading"
          shortcut={`${mod}+Alt+3`}
          active={state?.h3}
          disabled={off || !isMain}
          onClick={heading(3)}
        >
          H3
        </ToolButton>
        <ToolButton
          label="H4: minor heading"
          shortcut={`${mod}+Alt+4`}
          active={state?.h4}
          disabled={off || !isMain}
          onClick={heading(4)}
        >
          H4
        </ToolButton>
        <ToolButton
          label="Paragraph"
          shortcut={`${mod}+Alt+0`}
          active={state?.paragraph}
          disabled={off}
          onClick={run((chain) => chain.setParagraph())}
        >
          ¶
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Text">
        <ToolButton
          label="Bold"
          shortcut={`${mod}+B`}
          active={state?.bold}
          disabled={off}
          onClick={run((chain) => chain.toggleBold())}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          label="Italic"
          shortcut={`${mod}+I`}
          active={state?.italic}
          disabled={off}
          onClick={run((chain) => chain.toggleItalic())}
        >
          <i className="serif">I</i>
        </ToolButton>
        <ToolButton label="Link" shortcut={`${mod}+K`} active={state?.link} disabled={off} onClick={onLink}>
          <Icon paths={ICONS.link} />
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Blocks">
        <ToolButton
          label="Bulleted list"
          shortcut={`${mod}+Shift+8`}
          active={state?.bullets}
          disabled={off}
          onClick={run((chain) => chain.toggleBulletList())}
        >
          <Icon paths={ICONS.bullets} />
        </ToolButton>
        <ToolButton
          label="Numbered list"
          shortcut={`${mod}+Shift+7`}
          active={state?.numbers}
          disabled={off}
          onClick={run((chain) => chain.toggleOrderedList())}
        >
          <Icon paths={ICONS.numbers} />
        </ToolButton>
        <ToolButton label="Quote box" disabled={off || !isMain} onClick={run((chain) => chain.insertQuoteBox())}>
          <Icon paths={ICONS.quote} />
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="History">
        <ToolButton
          label="Undo"
          shortcut={`${mod}+Z`}
          disabled={off || !state?.canUndo}
          onClick={run((chain) => chain.undo())}
        >
          <Icon paths={ICONS.undo} />
        </ToolButton>
        <ToolButton
          label="Redo"
          shortcut={`${mod}+Shift+Z`}
          disabled={off || !state?.canRedo}
          onClick={run((chain) => chain.redo())}
        >
          <Icon paths={ICONS.redo} />
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Citations and notes">
        <ToolButton
          label="Cite: insert citation"
          shortcut={`${mod}+Shift+K`}
          disabled={off || state?.inHeading}
          onClick={onCitation}
          wide
        >
          <Icon paths={ICONS.cite} />
          <span>Cite</span>
        </ToolButton>
        <ToolButton label="Insert note" disabled={off || state?.inNote || state?.inHeading} onClick={onNote} wide>
          <Icon paths={ICONS.note} />
          <span>Note</span>
        </ToolButton>
        <select
          className="tool-select"
          aria-label="Insert maintenance tag"
          title="Insert maintenance tag"
          value=""
          disabled={off || state?.inHeading}
          onChange={(event) => {
            const kind = event.target.value as MaintenanceTagKind;
            if ((MAINTENANCE_TAG_KINDS as readonly string[]).includes(kind)) onTag(kind);
          }}
        >
          <option value="" disabled>
            Tag…
          </option>
          {MAINTENANCE_TAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              [{kind}]
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
