"use client";

import { lazy, Suspense, type ComponentType } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A component whose module loads when it first renders, not with the page
 * (issue 19: the editor's dialogs, panels and forms are not needed before
 * the text box is). Renders nothing until loaded, and nothing on the server
 * (client-only parts: dialogs, panels, forms). React's own lazy rather
 * than next/dynamic, which adds its own loader to the page's script.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Loaded = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per component at module level, never during a render
  function LazyComponent(props: Props) {
    // Nothing on the server and at hydration: the module is the client's to load, and a boundary the server
    // left pending would be streamed in later through a <template> and an inline script of React's.
    const hydrated = useHydrated();
    if (!hydrated) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
