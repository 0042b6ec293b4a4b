"use client";

import { lazyComponent } from "@/components/ui/lazy";

/**
 * The review threads beside the editor, shown only when a proposal is
 * revised: its script (and the threads view it shares with the proposal
 * page) loads with the panel, not with every editor (issue 19).
 */
export const EditorThreadsPanel = lazyComponent(() =>
  import("./threads-editor-panel-view").then((module) => module.EditorThreadsPanel),
);
