import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scriptMarkers } from '../../../../shared/prompter';
import { usePrompter } from './prompter-store';

const MAX_SCRIPT_BYTES = 2 * 1024 * 1024;

/** Import (.txt, .md), paste and edit the script; headings (# …) become places to jump to. */
export function ScriptEditor() {
  const { t } = useTranslation();
  const script = usePrompter((s) => s.state?.script ?? '');
  const update = usePrompter((s) => s.update);
  const [draft, setDraft] = useState(script);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(script), [script]);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_SCRIPT_BYTES) {
      setProblem(t('prompter.tooLarge', { name: file.name }));
      return;
    }
    const text = await file.text();
    if (text.includes('\u0000')) {
      setProblem(t('prompter.notText', { name: file.name }));
      return;
    }
    setProblem(null);
    await update({ script: text.replace(/\r\n?/g, '\n') });
  };

  return (
    <section className="panel script-editor">
      <h2>{t('prompter.script')}</h2>
      <div className="row">
        <label className="button secondary">
          {t('prompter.import')}
          <input type="file" accept=".txt,.md,text/plain,text/markdown" hidden data-testid="script-file" onChange={(e) => void importFile(e)} />
        </label>
        <button type="button" data-testid="script-save" disabled={draft === script} onClick={() => void update({ script: draft })}>
          {t('prompter.applyScript')}
        </button>
      </div>
      {problem && <p className="problem">{problem}</p>}
      <textarea
        data-testid="script-text"
        value={draft}
        placeholder={t('prompter.pastePlaceholder')}
        onChange={(e) => setDraft(e.target.value)}
        rows={12}
      />
    </section>
  );
}

/** Jump to a heading of the script: the reading line lands on it. */
export function ScriptMarkers({ lineOffsetEm }: { lineOffsetEm: (line: number) => number | null }) {
  const { t } = useTranslation();
  const script = usePrompter((s) => s.state?.script ?? '');
  const update = usePrompter((s) => s.update);
  const markers = scriptMarkers(script);
  if (markers.length === 0) return null;
  return (
    <div className="script-markers">
      <span className="small muted">{t('prompter.jump')}</span>
      {markers.map((m) => (
        <button
          key={m.line}
          type="button"
          className="secondary small"
          data-testid="script-marker"
          onClick={() => {
            const em = lineOffsetEm(m.line);
            if (em !== null) void update({ scroll: { position: em } });
          }}
        >
          {m.title}
        </button>
      ))}
    </div>
  );
}
