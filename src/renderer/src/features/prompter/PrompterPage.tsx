import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { connectPrompter, usePrompter } from './prompter-store';
import { PrompterView } from './PrompterView';
import { usePrompterKeys } from './use-prompter-keys';

/** /prompter: the whole window is the prompter, for a second screen or a tablet. */
export function PrompterPage() {
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
