import { Page } from '../components/page.js';
import { VerdictView } from '../components/verdict-view.js';
import { useAppState } from '../lib/app-state.js';
import { href } from '../lib/router.js';

export function VerdictPage() {
  const { lastCheck } = useAppState();
  if (!lastCheck) {
    return (
      <Page title="Your result">
        <p>You have not checked a call yet.</p>
        <div class="actions">
          <a class="button button-primary" href={href('/guided')}>
            Check a call
          </a>
        </div>
      </Page>
    );
  }
  return (
    <Page title="Your result">
      <VerdictView assessment={lastCheck.assessment} />
      <p>
        <a href={href('/guided')}>Check another call</a>
      </p>
    </Page>
  );
}
