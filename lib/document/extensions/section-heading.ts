import Heading from "@tiptap/extension-heading";

/** Heading levels a section may have; the lead (level 0) has no heading. */
export const SECTION_LEVELS = [2, 3, 4] as const;

/**
 * A section heading in the whole-article editor. It carries the section's
 * stable id so that saving splits the document back into the same sections,
 * whatever their titles or positions (DESIGN.md invariant 3).
 */
export const SectionHeading = Heading.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      sectionId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-section-id"),
        renderHTML: (attributes) => (attributes.sectionId ? { "data-section-id": attributes.sectionId } : {}),
      },
    };
  },
}).configure({ levels: [...SECTION_LEVELS] });
