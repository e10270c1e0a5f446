import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { studio } from '../../api/client';
import { useStudio } from '../../stores/studio-store';
import { PlaybackControls } from './PlaybackControls';
import { connectPrompter, usePrompter } from './prompter-store';
import { PrompterView } from './PrompterView';
import { RemotePrompterPanel } from './RemotePrompterPanel';
import { ScriptEditor, ScriptMarkers } from './ScriptEditor';
import { StyleControls } from './StyleControls';
import { usePrompterKeys } from './use-prompter-keys';

const PREVIEW_SCALE = 0.45;

/** The operator's prompter desk: script, look, speed, and a live view of what the model reads. */
export function PrompterScreen() {
  const { t } = useTranslation();
  const state = usePrompter((s) => s.state);
  const info = useStudio((s) => s.info);
  const setError = useStudio((s) => s.setError);
  const preview = useRef<HTMLDivElement>(null);
  useEffect(() => connectPrompter(), []);
  usePrompterKeys(window);

  // The em offset of a script line, measured in the preview (same layout as every prompter).
  const lineOffsetEm = useCallback(
    (line: number) => {
      const el = preview.current?.querySelector<HTMLElement>(`[data-line="${line}"]`);
      if (!el || !state) return null;
      return el.offsetTop / (state.style.fontSize * PREVIEW_SCALE);
    },
    [state],
  );

  const openWindow = async () => {
    if (info?.mode === 'electron') {
      await studio.call('prompter.openWindow', {}).catch(setError);
    } else {
      window.open('/prompter', 'capture-studio-prompter', 'popup');
    }
  };

  return (
    <main className="prompter-screen">
      <aside className="left">
        <ScriptEditor />
        <StyleControls />
      </aside>
      <section className="center">
        <div className="row">
          <PlaybackControls />
          <button type="button" className="secondary" data-testid="prompter-open-window" onClick={() => void openWindow()}>
            {t('prompter.openWindow')}
          </button>
        </div>
        <ScriptMarkers lineOffsetEm={lineOffsetEm} />
        <div className="prompter-preview" ref={preview}>
          {state && <PrompterView state={state} scale={PREVIEW_SCALE} />}
        </div>
        <p className="small muted">{t('prompter.keysHelp')}</p>
      </section>
      <aside className="right">
        <RemotePrompterPanel />
      </aside>
    </main>
  );
}
