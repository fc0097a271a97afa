import type { ReactNode } from "react";

/** A wide table's container, scrolled sideways when the page is narrower than the table. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus so that the keyboard can scroll it.
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
