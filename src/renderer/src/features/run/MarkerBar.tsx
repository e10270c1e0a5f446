import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from '../../../../shared/api';
import { SHOOT_PRESETS } from '../../../../shared/standards';
import { useLiveTake } from '../../stores/live-take-store';
import { mediaNow, usePhase } from '../../stores/phase-store';

type MarkKind = Exclude<Marker['kind'], 'phase'>;
const KEYS: { kind: MarkKind; key: string; actions?: boolean }[] = [
  { kind: 'flub', key: 'f' },
  { kind: 'action-start', key: 'a', actions: true },
  { kind: 'action-end', key: 'e', actions: true },
  { kind: 'return-idle', key: 'i', actions: true },
  { kind: 'note', key: 'n' },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/**
 * One key per marker while recording: F flub (§1.2.2: mouth closed 2–3 s, then go on), A/E action
 * start/end and I return to idle (Premium §2.1, motion §3.2), N a note. Each lands at the media
 * time of the key press, on a frame.
 */
export function MarkerBar() {
  const { t } = useTranslation();
  const takeId = useLiveTake((s) => s.takeId);
  const mark = useLiveTake((s) => s.mark);
  const preset = usePhase((s) => s.preset);
  const [noteAt, setNoteAt] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const noteInput = useRef<HTMLInputElement>(null);
  const withActions = preset ? SHOOT_PRESETS[preset].actionMarkers : false;
  const keys = KEYS.filter((k) => !k.actions || withActions);

  useEffect(() => {
    if (!takeId) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = keys.find((x) => x.key === e.key.toLowerCase());
      if (!k) return;
      e.preventDefault();
      if (k.kind === 'note') {
        setNoteAt(mediaNow());
        setTimeout(() => noteInput.current?.focus(), 0);
      } else void mark(k.kind);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [takeId, keys, mark]);

  if (!takeId) return null;
  const saveNote = (e: FormEvent) => {
    e.preventDefault();
    if (noteAt !== null) void mark('note', { t: noteAt, note: note.trim() || undefined });
    setNoteAt(null);
    setNote('');
  };
  return (
    <div className="marker-bar" data-testid="marker-bar">
      {keys.map((k) => (
        <button
          key={k.kind}
          type="button"
          className="secondary small"
          data-testid={`mark-${k.kind}`}
          onClick={(e) => {
            e.currentTarget.blur();
            if (k.kind === 'note') setNoteAt(mediaNow());
            else void mark(k.kind);
          }}
        >
          <kbd>{k.key.toUpperCase()}</kbd> {t(`run.marker.${k.kind}`)}
        </button>
      ))}
      {noteAt !== null && (
        <form onSubmit={saveNote} className="note-form">
          <input ref={noteInput} value={note} maxLength={500} placeholder={t('run.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="small">
            {t('run.saveNote')}
          </button>
        </form>
      )}
    </div>
  );
}
