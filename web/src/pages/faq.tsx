import { Page } from '../components/page.js';
import { FAQ } from '../data/faq.js';
import { href } from '../lib/router.js';

export function FaqPage() {
  return (
    <Page title="Common questions" lead="Short answers to what people ask most about calls from “Microsoft”.">
      {FAQ.map((entry) => (
        <section key={entry.id} class="faq-entry" aria-labelledby={`faq-${entry.id}`}>
          <h2 id={`faq-${entry.id}`}>{entry.question}</h2>
          {entry.answer.map((para) => (
            <p key={para}>{para}</p>
          ))}
          {entry.link ? (
            <p>
              <a href={href(entry.link.path)}>{entry.link.label}</a>
            </p>
          ) : null}
        </section>
      ))}
      <p class="source">
        Source: the article “Sorting Fact from Fiction: Are Calls from Microsoft Legitimate?”, which
        CallGuard’s rules are built on.
      </p>
    </Page>
  );
}
