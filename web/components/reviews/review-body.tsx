import { RichText } from '@/components/rich-text/rich-text';
import type { Faq } from '@/lib/cms/faqs';
import type { ReviewSection } from '@/lib/cms/reviews';

export function TableOfContents({
  sections,
  hasVerdict,
  hasFaqs,
}: {
  sections: ReviewSection[];
  hasVerdict: boolean;
  hasFaqs: boolean;
}) {
  if (sections.length < 2) return null;
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      <ol>
        {sections.map((s) => (
          <li key={s.anchor}>
            <a href={`#${s.anchor}`}>{s.heading}</a>
            {s.spoiler ? <span className="badge">Spoilers</span> : null}
          </li>
        ))}
        {hasVerdict ? (
          <li>
            <a href="#verdict">Verdict</a>
          </li>
        ) : null}
        {hasFaqs ? (
          <li>
            <a href="#faq">Questions and answers</a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** Spoiler sections stay closed in a <details> until the reader opens them (works without JS). */
export function ReviewSections({ sections }: { sections: ReviewSection[] }) {
  return (
    <>
      {sections.map((s) =>
        s.spoiler ? (
          <section key={s.anchor} id={s.anchor} aria-labelledby={`${s.anchor}-h`} className="section spoiler">
            <h2 id={`${s.anchor}-h`}>{s.heading}</h2>
            <details>
              <summary>Contains spoilers: show this section</summary>
              <RichText content={s.body} />
            </details>
          </section>
        ) : (
          <section key={s.anchor} id={s.anchor} aria-labelledby={`${s.anchor}-h`} className="section">
            <h2 id={`${s.anchor}-h`}>{s.heading}</h2>
            <RichText content={s.body} />
          </section>
        ),
      )}
    </>
  );
}

export function FaqList({
  faqs,
  id = 'faq',
  title = 'Questions and answers',
  headingLevel = 2,
}: {
  faqs: Faq[];
  id?: string;
  title?: string;
  headingLevel?: 1 | 2;
}) {
  if (faqs.length === 0) return null;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="faq">
      <Heading id={`${id}-title`}>{title}</Heading>
      {faqs.map((f) => (
        // A stable anchor per question: comments answered in the FAQ link to it.
        <details key={f.id} id={`faq-${f.id}`} className="faq-item">
          <summary>{f.question}</summary>
          <RichText content={f.answer} headingOffset={3} />
        </details>
      ))}
    </section>
  );
}
