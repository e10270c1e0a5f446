import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrompterState } from '../../../../shared/prompter';
import { currentPosition, serverNow, usePrompter } from './prompter-store';

const SPEAK_CUE_MS = 3000;

/** The silent-phase countdown (§1.2.1) and the cue to speak, as the model sees them. */
function PrompterCue({ state }: { state: PrompterState }) {
  const { t } = useTranslation();
  const { cue } = state;
  const countdown = useRef<HTMLDivElement>(null);
  const [speakCue, setSpeakCue] = useState(false);
  // "Start speaking" for a few seconds after the countdown ends.
  useEffect(() => {
    if (cue.phase !== 'narration' || cue.silentEndsAt === null) {
      setSpeakCue(false);
      return;
    }
    const tick = () => setSpeakCue(serverNow() - cue.silentEndsAt! < SPEAK_CUE_MS);
    tick();
    const id = setInterval(tick, 200);
    return () => clearInterval(id);
  }, [cue.phase, cue.silentEndsAt]);
  useEffect(() => {
    if (cue.phase !== 'silent' || cue.silentEndsAt === null) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((cue.silentEndsAt! - serverNow()) / 1000));
      if (countdown.current) {
        countdown.current.textContent = String(left);
        countdown.current.dataset.remaining = String(left);
      }
    };
    tick();
    const id = setInterval(tick, 100);
    return () => clearInterval(id);
  }, [cue.phase, cue.silentEndsAt]);
  if (cue.phase === 'silent') {
    return (
      <div className="prompter-cue silent">
        <div className="prompter-countdown" ref={countdown} data-testid="prompter-countdown" />
        <div className="prompter-cue-text">{t('run.keepLipsClosed')}</div>
      </div>
    );
  }
  if (speakCue) {
    return (
      <div
        className={`prompter-cue speak${state.style.readingLinePct >= 50 ? ' top' : ''}`}
        data-testid="prompter-speak-cue"
        data-place={state.style.readingLinePct >= 50 ? 'top' : 'bottom'}
      >
        <div className="prompter-cue-text big">{t('run.startSpeaking')}</div>
      </div>
    );
  }
  return null;
}

/**
 * The script as the model reads it. Layout is in em and ch of the prompter's font, so every
 * window agrees on what is at the reading line; the scroll is extrapolated from main's
 * (position, speed, at) every animation frame, so windows move together without a stream.
 */
export function PrompterView({ state, scale = 1, className = '' }: { state: PrompterState; scale?: number; className?: string }) {
  const { t } = useTranslation();
  const text = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const setScriptHeight = usePrompter((s) => s.setScriptHeight);
  const { style } = state;
  const fontPx = style.fontSize * scale;

  useLayoutEffect(() => {
    if (text.current) setScriptHeight(text.current.scrollHeight / fontPx);
  }, [state.script, style.lineWidthCh, style.fontSize, fontPx, setScriptHeight]);

  useEffect(() => {
    let raf = 0;
    const frame = () => {
      const el = text.current;
      const b = box.current;
      if (el && b) {
        const pos = currentPosition(state);
        const lineY = (b.clientHeight * style.readingLinePct) / 100;
        el.style.transform = `translateY(${lineY - pos * fontPx}px)`;
        b.dataset.position = pos.toFixed(2);
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [state, style.readingLinePct, fontPx]);

  const mirror = `scale(${style.mirrorH ? -1 : 1}, ${style.mirrorV ? -1 : 1})`;
  return (
    <div
      ref={box}
      className={`prompter-view ${className}`}
      data-testid="prompter"
      data-mirror-h={style.mirrorH}
      data-mirror-v={style.mirrorV}
      data-speed={state.scroll.speed}
      data-playing={state.scroll.playing}
      data-phase={state.cue.phase}
      style={{ background: style.backgroundColor, color: style.textColor, transform: mirror }}
    >
      <div
        ref={text}
        className="prompter-text"
        style={{
          fontSize: fontPx,
          width: `${style.lineWidthCh}ch`,
          maxWidth: `${100 - 2 * style.marginPct}%`,
          margin: '0 auto',
        }}
      >
        {state.script ? (
          state.script.split('\n').map((line, i) =>
            /^\s*#{1,6}\s+/.test(line) ? (
              <p key={i} className="prompter-heading" data-line={i}>
                {line.replace(/^\s*#{1,6}\s+/, '')}
              </p>
            ) : (
              <p key={i} data-line={i}>
                {line || '\u00a0'}
              </p>
            ),
          )
        ) : (
          <p className="prompter-empty">{t('prompter.empty')}</p>
        )}
      </div>
      <div className="prompter-reading-line" style={{ top: `${style.readingLinePct}%` }} />
      <PrompterCue state={state} />
    </div>
  );
}
