import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../lib/format';
import { currentElapsedMs, currentPosition, usePrompter } from './prompter-store';
import { clampSpeed } from './use-prompter-keys';

/** Play/pause, speed as a velocity, elapsed time and time left at the current speed. */
export function PlaybackControls({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const state = usePrompter((s) => s.state);
  const height = usePrompter((s) => s.scriptHeightEm);
  const update = usePrompter((s) => s.update);
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, []);
  if (!state) return null;
  const { scroll } = state;
  const pos = currentPosition(state);
  const left = height !== null && scroll.speed > 0 ? Math.max(0, height - pos) / scroll.speed : null;
  return (
    <div className={`playback ${compact ? 'compact' : ''}`} data-testid="prompter-controls">
      <button type="button" data-testid="prompter-play" onClick={() => void update({ scroll: { playing: !scroll.playing } })}>
        {scroll.playing ? `❚❚ ${t('prompter.pause')}` : `▶ ${t('prompter.play')}`}
      </button>
      <label className="speed">
        {t('prompter.speed')}
        <input
          type="range"
          min={-3}
          max={6}
          step={0.1}
          value={scroll.speed}
          data-testid="prompter-speed"
          onChange={(e) => void update({ scroll: { speed: clampSpeed(Number(e.target.value)) } })}
        />
        <span className="num">{scroll.speed.toFixed(1)}</span>
      </label>
      <button type="button" className="secondary" onClick={() => void update({ scroll: { position: 0, playing: false }, resetElapsed: true })}>
        {t('prompter.toStart')}
      </button>
      <span className="small muted" data-testid="prompter-times">
        {t('prompter.elapsed', { time: formatClock(currentElapsedMs(state) / 1000) })} ·{' '}
        {left === null ? t('prompter.leftUnknown') : t('prompter.left', { time: formatClock(left) })}
      </span>
    </div>
  );
}
