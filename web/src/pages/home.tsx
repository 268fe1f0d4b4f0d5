import { Page } from '../components/page.js';
import { href } from '../lib/router.js';

const CHOICES = [
  {
    path: '/live',
    label: "I'm on the call now",
    hint: 'Get help while you talk. You can hang up at any time.',
    tone: 'urgent',
  },
  {
    path: '/guided',
    label: 'The call just ended',
    hint: 'Answer a few short questions. We tell you what we think, and why.',
    tone: 'normal',
  },
  {
    path: '/check?source=popup',
    label: 'A pop-up or email gave me a number to call',
    hint: 'Check the number, link or email before you call.',
    tone: 'normal',
  },
  {
    path: '/recovery',
    label: 'I already gave them access or money',
    hint: 'What to do first, and who to call.',
    tone: 'urgent',
  },
] as const;

export function HomePage() {
  return (
    <Page title="Someone says they're from Microsoft, or another company. Are they?">
      <p class="lead">
        Microsoft does not call people out of the blue. Choose what fits you. We will help you check.
      </p>
      <ul class="big-choices">
        {CHOICES.map((choice) => (
          <li key={choice.path}>
            <a class={`big-button big-button-${choice.tone}`} href={href(choice.path)}>
              <span class="big-button-label">{choice.label}</span>
              <span class="big-button-hint">{choice.hint}</span>
            </a>
          </li>
        ))}
      </ul>
      <section aria-labelledby="rules-heading" class="panel">
        <h2 id="rules-heading">Three things to remember</h2>
        <ol class="rules">
          <li>Microsoft does not phone you unless you asked it for help first.</li>
          <li>Never give a password, a code or your card number to someone who called you.</li>
          <li>
            Never let a caller control your computer. Hang up, then call the company on a number you find
            yourself.
          </li>
        </ol>
      </section>
      <p>
        Have the words of the call written down? <a href={href('/transcript')}>Check what was said</a>. Want
        to know more? <a href={href('/faq')}>Read the common questions</a>.
      </p>
    </Page>
  );
}
