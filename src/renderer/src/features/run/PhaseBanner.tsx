import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHOOT_PRESETS } from '../../../../shared/standards';
import { formatClock } from '../../lib/format';
import { mediaNow, usePhase } from '../../stores/phase-store';

/** How long the "start speaking" cue stays up after the silent segment ends. */
const SPEAK_CUE_SECONDS = 3;

/**
 * Over the operator's preview: the big 30→0 countdown with "keep your lips closed", then the cue
 * to speak, then narration progress against the preset's target (§1.2.1, §2.1, §3.1, §4.1).
 * No sound: it would be recorded.
 */
export function PhaseBanner() {
  const { t } = useTranslation();
  const phase = usePhase((s) => s.phase);
  const preset = usePhase((s) => s.preset);
  const phaseStart = usePhase((s) => s.phaseStart);
  const [now, setNow] = useState(0);
  const indicator = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (phase === 'idle' || phase === 'stopped') return;
    const id = setInterval(() => setNow(mediaNow()), 100);
    // The take's clock to the frame, for whoever reads the page (tests, a later overlay).
    let raf = 0;
    const frame = () => {
      if (indicator.current) indicator.current.dataset.mediaTime = mediaNow().toFixed(3);
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => {
      clearInterval(id);
      cancelAnimationFrame(raf);
    };
  }, [phase]);

  const plan = preset ? SHOOT_PRESETS[preset].phases : [];
  const silent = plan.find((p) => p.kind === 'silent');
  const narration = plan.find((p) => p.kind === 'narration');
  const remaining = silent && silent.kind === 'silent' ? Math.max(0, Math.ceil(silent.seconds - now)) : 0;
  const inNarration = phase === 'narration';
  const speakCue = inNarration && now - phaseStart < SPEAK_CUE_SECONDS && phaseStart > 0;
  const narrated = inNarration ? now - phaseStart : 0;
  const target = narration && narration.kind === 'narration' ? narration.targetSeconds : null;

  return (
    <>
      <div ref={indicator} className="phase-indicator" data-testid="phase" data-phase={phase}>
        {t(`run.phase.${phase}`)}
      </div>
      {phase === 'silent' && (
        <div className="countdown-overlay">
          <div className="countdown-number" data-testid="silent-countdown" data-remaining={remaining}>
            {remaining}
          </div>
          <div className="countdown-text">{t('run.keepLipsClosed')}</div>
        </div>
      )}
      {speakCue && (
        <div className="countdown-overlay speak" data-testid="speak-cue">
          <div className="countdown-text big">{t('run.startSpeaking')}</div>
        </div>
      )}
      {inNarration && target !== null && !speakCue && (
        <div className="narration-progress" data-testid="narration-progress">
          <progress max={target} value={Math.min(narrated, target)} />
          <span className="small">
            {t('run.narrationProgress', { done: formatClock(narrated), target: formatClock(target) })}
          </span>
        </div>
      )}
    </>
  );
}
