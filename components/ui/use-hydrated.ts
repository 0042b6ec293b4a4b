"use client";

import { useSyncExternalStore } from "react";

const neverChanges = () => () => undefined;

/**
 * False in the server's HTML and while React hydrates it, true from then on.
 * For controls the server renders that only work once their script runs (a
 * value typed into a controlled input before hydration would be dropped):
 * they render disabled until then.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
