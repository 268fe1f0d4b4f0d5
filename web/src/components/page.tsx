import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface PageProps {
  title: string;
  /** Shown under the heading, in slightly larger text. */
  lead?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * One page: sets the document title and moves focus to the heading on arrival, so screen-reader
 * and keyboard users hear and start from the new page after a hash navigation.
 */
export function Page({ title, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | CallGuard`;
    heading.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {lead ? <p class="lead">{lead}</p> : null}
      {children}
    </>
  );
}
