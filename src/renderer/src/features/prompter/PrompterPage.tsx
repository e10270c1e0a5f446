import { useEffect, useState } from 'react';
import { connectWithToken, serveTokenMissing } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { connectPrompter, usePrompter } from './prompter-store';
import { PrompterView } from './PrompterView';
import { usePrompterKeys } from './use-prompter-keys';

/** /prompter: the whole window is the prompter, for a second screen or a tablet. */
export function PrompterPage() {
  if (serveTokenMissing()) return <TokenNeeded />;
  return <ConnectedPrompter />;
}

/**
 * /prompter opened without the studio's token: say what to do, and connect once a token (or the
 * address the studio printed) is given, instead of retrying a socket the studio will refuse.
 */
function TokenNeeded() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // Pasting the printed address into the address bar changes only the hash: take it from there.
    const onHash = () => connectWithToken(window.location.href);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="prompter-page waiting" data-testid="prompter-token-needed">
      <form
        className="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBad(!connectWithToken(text));
        }}
      >
        <p>{t('prompter.tokenNeeded')}</p>
        <input data-testid="prompter-token" value={text} placeholder="http://127.0.0.1:…/#token=…" onChange={(e) => setText(e.target.value)} />
        <button type="submit" data-testid="prompter-token-connect">
          {t('prompter.tokenConnect')}
        </button>
        {bad && <p className="problem">{t('prompter.tokenBad')}</p>}
      </form>
    </div>
  );
}

function ConnectedPrompter() {
  const { t } = useTranslation();
  const state = usePrompter((s) => s.state);
  const error = usePrompter((s) => s.error);
  useEffect(() => connectPrompter(), []);
  usePrompterKeys(window);
  useEffect(() => {
    document.title = t('prompter.windowTitle');
  }, [t]);
  if (!state) {
    return <div className="prompter-page waiting">{error ? t('prompter.disconnected') : t('prompter.connecting')}</div>;
  }
  return (
    <div className="prompter-page">
      <PrompterView state={state} />
    </div>
  );
}
