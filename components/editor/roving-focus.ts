"use client";

import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from "react";

/** The controls of a toolbar that take part in its roving tab stop. */
const ITEMS = "button, select";

function itemsOf(container: HTMLElement | null): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(ITEMS)] : [];
}

function enabled(item: HTMLElement | undefined): item is HTMLElement {
  return !!item && !(item as HTMLButtonElement | HTMLSelectElement).disabled;
}

/**
 * The WAI-ARIA toolbar pattern's roving tabindex: the toolbar is one tab stop
 * (the control last focused in it, else its first enabled one); Left and
 * Right move between its controls (wrapping), Home and End go to the first
 * and the last. Disabled controls are skipped, as native disabled buttons
 * cannot take focus; when the tab stop itself becomes disabled (Undo after
 * the last undo), the first enabled control takes its place. The tabindex is
 * set on the DOM after every render, so a control that is enabled or disabled
 * by a re-render is accounted for.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>) {
  const stop = useRef(0);

  const sync = useCallback(() => {
    const items = itemsOf(container.current);
    if (!enabled(items[stop.current])) stop.current = Math.max(0, items.findIndex(enabled));
    items.forEach((item, index) => {
      item.tabIndex = index === stop.current ? 0 : -1;
    });
  }, [container]);

  // After every render: the enabled controls may have changed.
  useLayoutEffect(sync);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const index = itemsOf(container.current).indexOf(event.target as HTMLElement);
      if (index < 0 || index === stop.current) return;
      stop.current = index;
      sync();
    },
    [container, sync],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const items = itemsOf(container.current);
      const from = items.indexOf(event.target as HTMLElement);
      if (from < 0) return;
      const step = (direction: 1 | -1) => {
        for (let distance = 1; distance < items.length; distance++) {
          const item = items[(((from + direction * distance) % items.length) + items.length) % items.length];
          if (enabled(item)) return item;
        }
        return undefined;
      };
      const moves = new Map<string, () => HTMLElement | undefined>([
        ["ArrowRight", () => step(1)],
        ["ArrowLeft", () => step(-1)],
        ["Home", () => items.find(enabled)],
        ["End", () => [...items].reverse().find(enabled)],
      ]);
      const move = moves.get(event.key);
      if (!move) return;
      // Also keeps a closed <select> from changing its value on Left and Right.
      event.preventDefault();
      move()?.focus();
    },
    [container],
  );

  return { onFocus, onKeyDown };
}
