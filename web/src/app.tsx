import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppStateContext, type LastCheck } from './lib/app-state.js';
import { href, useRoute } from './lib/router.js';
import { routeFor, NAV_ITEMS } from './routes.js';

export function App() {
  const route = useRoute();
  const [lastCheck, setLastCheck] = useState<LastCheck | null>(null);
  const state = useMemo(() => ({ lastCheck, setLastCheck }), [lastCheck]);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [route.path]);
  const { component: Current } = routeFor(route.path);
  // Escape folds the phone menu, as it does any pop-up menu, and puts focus back on its button.
  function closeMenuOnEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }
  return (
    <AppStateContext.Provider value={state}>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to the main content
      </a>
      <header class="site-header">
        <a class="brand" href={href('/')}>
          <span aria-hidden="true" class="brand-mark">
            ✓
          </span>{' '}
          CallGuard
        </a>
        <nav aria-label="Main" onKeyDown={(e) => closeMenuOnEscape(e)}>
          <button
            ref={menuButton}
            type="button"
            class="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-menu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            Menu
          </button>
          <ul id="main-menu" class={`nav-list${menuOpen ? ' open' : ''}`}>
            {NAV_ITEMS.map((item) => (
              <li key={item.path}>
                <a
                  href={href(item.path)}
                  aria-current={route.path === item.path ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Current query={route.query} />
      </main>
      <footer class="site-footer">
        <p>
          CallGuard runs on your device. What you type about a call stays here unless you choose to send a
          report.
        </p>
        <p>
          It is safe to hang up. Real companies do not mind if you call them back on a number you found
          yourself.
        </p>
      </footer>
    </AppStateContext.Provider>
  );
}

/** Hash routing owns "#...", so the skip link moves focus itself instead of changing the hash. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
