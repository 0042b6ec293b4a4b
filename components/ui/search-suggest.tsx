"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { TSuggestion, TSuggestResponse } from "@/lib/contracts/search";

const DEBOUNCE_MS = 150;

/**
 * The header's search box with title suggestions as one types (WAI-ARIA 1.2
 * combobox with a listbox popup): arrow keys move through the suggestions,
 * Enter opens the one selected (or submits the search), Escape closes the
 * list. Without script it is the plain input of the header's form.
 */
export function SearchSuggestBox({ defaultValue }: { defaultValue?: string }) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const [value, setValue] = useState(defaultValue ?? "");
  const [suggestions, setSuggestions] = useState<TSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);

  useEffect(() => {
    const prefix = value.trim();
    if (!typed.current || prefix === "") {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/search/suggest?${new URLSearchParams({ q: prefix.slice(0, 300), limit: "8" })}`,
          {
            signal: controller.signal,
          },
        );
        if (!response.ok) return;
        const body = (await response.json()) as TSuggestResponse;
        setSuggestions(body.suggestions);
        setActive(-1);
        setOpen(body.suggestions.length > 0);
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  const expanded = open && suggestions.length > 0;
  const go = (suggestion: TSuggestion) => {
    window.location.assign(`/wiki/${encodeURIComponent(suggestion.slug)}`);
  };

  return (
    <>
      <input
        type="search"
        name="q"
        placeholder="Search articles"
        aria-label="Search articles"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(event) => {
          typed.current = true;
          setValue(event.target.value);
        }}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(suggestions.length > 0)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (suggestions.length === 0) return;
            event.preventDefault();
            setOpen(true);
            const step = event.key === "ArrowDown" ? 1 : -1;
            // -1 is the text box itself, as in the WAI-ARIA pattern: the list wraps through it.
            setActive((current) => {
              const next = current + step;
              return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
            });
          } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
            event.preventDefault();
            go(suggestions[active]);
          } else if (event.key === "Escape") {
            if (expanded) {
              event.preventDefault();
              setOpen(false);
              setActive(-1);
            } else setValue("");
          }
        }}
      />
      <div id={listId} role="listbox" aria-label="Suggested articles" className="search-suggestions" hidden={!expanded}>
        {suggestions.map((suggestion, index) => (
          <div
            key={suggestion.slug}
            // Focus stays in the text box (aria-activedescendant); -1 keeps the option out of the tab order.
            tabIndex={-1}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              go(suggestion);
            }}
          >
            {suggestion.title}
          </div>
        ))}
      </div>
    </>
  );
}
