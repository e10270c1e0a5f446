import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import type { VoiceStartRole } from '../../../../shared/voice/take-role';
import type { VoiceReport } from '../../../../shared/contract/voice';
import { renderFinding, ruleTitle } from '../../../../shared/rules';
import { VOICE_QC, VOICE_TARGET_IDS, VOICE_TARGETS, VOICE_VAD, type VoiceTargetId } from '../../../../shared/standards';
import { AUTH_LANGS, authScript, type AuthLang } from '../../../../shared/voice/auth-scripts';
import { segmentLevelSpreadDb, segmentsConsistent, totalState } from '../../../../shared/voice/segments';
import { StreamAudioMeter } from '../../components/AudioMeter';
import { useStudio } from '../../stores/studio-store';
import { paragraphs, useVoice } from './voice-store';
import { useVoiceCapture } from './use-voice-capture';
import { VoiceReview } from './VoiceReview';
import { VoiceExport } from './VoiceExport';
import { voiceRoleOf } from '../../../../shared/voice/take-role';
import { LiveVad } from './live-vad';
import './voice.css';

const ROOM_TONE_S = 5;

/** Issue #16: the guided voice-cloning session (§8–10). */
export function VoiceScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const shootId = useStudio((s) => s.shootId);
  const takes = useStudio((s) => s.takes);
  const setError = useStudio((s) => s.setError);
  const v = useVoice();
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [micId, setMicId] = useState<string | null>(null);
  const cap = useVoiceCapture(micId, setError);
  const [roomPct, setRoomPct] = useState<number | null>(null);
  const [recording, setRecording] = useState<{ since: number; liveS: number; detector: string } | null>(null);
  const [now, setNow] = useState(0);
  const stopRef = useRef<(() => Promise<Take>) | null>(null);

  useEffect(() => {
    if (!cap.stream) return;
    void navigator.mediaDevices.enumerateDevices().then((d) => setMics(d.filter((x) => x.kind === 'audioinput')));
  }, [cap.stream]);

  useEffect(() => {
    if (!recording) return;
    const id = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(id);
  }, [recording]);

  const voiceTakes = useMemo(() => takes.filter((x) => x.kind === 'voice'), [takes]);

  // A saved voice take is checked once it is ready (its take.wav exists): the authorization with
  // target auth, speech with the speech target — the role was set at Record (§8.6).
  const targetOf = useCallback((tk: Take): VoiceTargetId => (voiceRoleOf(tk) === 'auth' ? 'auth' : v.speechTarget), [v.speechTarget]);
  useEffect(() => {
    if (!shootId) return;
    for (const tk of voiceTakes) {
      if (tk.status === 'ready' && v.reports[tk.id] === undefined) void v.check(shootId, tk.id, targetOf(tk));
    }
  }, [voiceTakes, shootId, v, targetOf]);

  const script = v.target === 'auth' ? [authScript(v.authLang, v.speaker, v.company)] : paragraphs(v.script);
  const current = v.target === 'auth' ? script[0] : script[v.done];

  const reports = voiceTakes.map((tk) => v.reports[tk.id]).filter((r): r is VoiceReport => typeof r === 'object' && r !== null && 'verdict' in r);
  const counted = reports.filter((r) => (v.target === 'auth' ? r.target === 'auth' : r.target !== 'auth'));
  const totalS = Math.round(counted.reduce((s, r) => s + r.stats.speechS, 0) * 10) / 10;
  const liveS = recording ? Math.round(recording.liveS * 10) / 10 : 0;
  const tgt = VOICE_TARGETS[v.target];
  const spread = segmentLevelSpreadDb(counted.map((r) => r.stats.speechLevelDb));

  const measureRoom = useCallback(async () => {
    setRoomPct(0);
    const db = await cap.measureRoomTone(ROOM_TONE_S, (f) => setRoomPct(Math.round(f * 100)));
    v.set({ roomToneDb: Math.round(db * 10) / 10 });
    setRoomPct(null);
  }, [cap, v]);

  const start = useCallback(async () => {
    if (!shootId) return;
    const floor = v.roomToneDb ?? -120;
    const threshold = Math.max(VOICE_VAD.energyMinDbfs, floor + VOICE_VAD.energyMarginDb);
    const channels = Math.max(1, Math.min(2, cap.report?.channelCount ?? 1));
    const rate = cap.rate ?? 48_000;
    // Silero live, as main measures the saved take; the level estimate only when it cannot load.
    const vad = await LiveVad.open(rate, channels).catch(() => null);
    const live = { since: performance.now(), liveS: 0, detector: vad ? 'silero-vad-v5' : 'energy' };
    setRecording(live);
    const role: VoiceStartRole = v.target === 'auth' ? { role: 'auth', lang: v.authLang, speaker: v.speaker.replace(/\s+/g, ' ').trim().slice(0, 80), company: v.company.replace(/\s+/g, ' ').trim().slice(0, 80) } : { role: 'speech' };
    try {
      stopRef.current = await cap.record(shootId, role, (b) => {
        if (vad) {
          vad.push(b.pcm, (speechS) => {
            live.liveS = speechS;
            setRecording({ ...live });
          });
          return;
        }
        const db = b.rms > 0 ? 20 * Math.log10(b.rms) : -120;
        if (db > threshold) {
          live.liveS += b.pcm.length / rate / channels;
          setRecording({ ...live });
        }
      });
    } catch (err) {
      setRecording(null);
      setError(err);
    }
  }, [shootId, cap, v.roomToneDb, v.target, v.authLang, v.speaker, v.company, setError]);

  const stop = useCallback(async () => {
    const s = stopRef.current;
    stopRef.current = null;
    setRecording(null);
    if (!s) return;
    try {
      await s();
      if (v.target !== 'auth' && v.done < paragraphs(v.script).length) v.set({ done: v.done + 1 });
    } catch (err) {
      setError(err);
    }
  }, [v, setError]);

  if (!shootId) return <section className="voice-screen"><h2>{t('voice.title')}</h2><p data-testid="voice-no-shoot">{t('voice.noShoot')}</p></section>;

  const r = cap.report;
  const onOff = (x: boolean | null) => (x === null ? t('voice.mic.unknown') : x ? t('voice.mic.on') : t('voice.mic.off'));
  const processing = r ? [r.echoCancellation, r.noiseSuppression, r.autoGainControl].some((x) => x === true) : false;
  const roomState = v.roomToneDb === null ? null : v.roomToneDb > VOICE_QC.noise.failDbfs ? 'bad' : v.roomToneDb > VOICE_QC.noise.warnDbfs ? 'warn' : 'good';
  const state = totalState(v.target, totalS + liveS);

  return (
    <section className="voice-screen">
      <h2>{t('voice.title')}</h2>
      <p className="muted">{t('voice.intro')}</p>
      <div className="voice-grid">
        <div className="panel">
          <h3>{t('voice.mic.heading')}</h3>
          {mics.length > 0 && (
            <label>
              {t('voice.mic.choose')}{' '}
              <select data-testid="voice-mic-select" value={micId ?? r?.deviceId ?? ''} onChange={(e) => setMicId(e.target.value)}>
                {mics.map((m) => (
                  <option key={m.deviceId} value={m.deviceId}>
                    {m.label || m.deviceId.slice(0, 8)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {cap.problem && <p className="problem">{t('voice.mic.problem', { message: cap.problem })}</p>}
          {!r && !cap.problem && <p className="muted">{t('voice.mic.opening')}</p>}
          {r && (
            <p
              data-testid="voice-mic"
              data-sample-rate={cap.rate ?? ''}
              data-channels={r.channelCount ?? ''}
              data-processing={processing ? 'on' : 'off'}
            >
              {t('voice.mic.facts', { rate: cap.rate ?? '?', channels: r.channelCount ?? '?', ec: onOff(r.echoCancellation), nsup: onOff(r.noiseSuppression), agc: onOff(r.autoGainControl) })}
            </p>
          )}
          {processing && <p className="problem">{t('voice.mic.processingOn')}</p>}
          <StreamAudioMeter stream={cap.stream} />
          <h3>{t('voice.room.heading')}</h3>
          <p className="muted">{t('voice.room.hint')}</p>
          <button type="button" data-testid="voice-room-tone" disabled={!r || roomPct !== null || recording !== null} onClick={() => void measureRoom()}>
            {roomPct !== null ? t('voice.room.measuring', { pct: roomPct }) : t('voice.room.measure')}
          </button>
          {v.roomToneDb !== null && (
            <p data-testid="voice-room-result" data-db={v.roomToneDb} data-state={roomState ?? ''} className={roomState === 'good' ? 'ok-text' : roomState === 'warn' ? 'warn-text' : 'problem'}>
              {t('voice.room.result', { db: v.roomToneDb })} — {t(`voice.room.${roomState}`)}
            </p>
          )}
        </div>

        <div className="panel">
          <h3>{t('voice.target.heading')}</h3>
          <label>
            {t('voice.target.choose')}{' '}
            <select data-testid="voice-target" value={v.target} onChange={(e) => v.set({ target: e.target.value as VoiceTargetId })}>
              {VOICE_TARGET_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`voice.target.${id}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="voice-total" data-testid="voice-total" data-speech-s={totalS} data-target-s={tgt.minSpeechS} data-state={state}>
            <div className="voice-total-bar">
              <div style={{ width: `${Math.min(100, ((totalS + liveS) / (tgt.maxSpeechS ?? tgt.recommendedSpeechS)) * 100)}%` }} className={`fill ${state}`} />
            </div>
            <span>
              {t('voice.target.total', { speech: totalS, target: tgt.minSpeechS })}
              {tgt.maxSpeechS !== null && <> · {t('voice.target.totalMax', { max: tgt.maxSpeechS })}</>}
              {recording && (
                <span data-testid="voice-live" data-detector={recording.detector} data-speech-s={liveS}>
                  {' '}
                  {recording.detector === 'energy' ? t('voice.target.live', { seconds: liveS }) : t('voice.target.liveSilero', { seconds: liveS })}
                </span>
              )}
            </span>
          </div>
          {v.target === 'auth' && (
            <div className="voice-auth">
              <label>
                {t('voice.auth.lang')}{' '}
                <select data-testid="voice-auth-lang" value={v.authLang} onChange={(e) => v.set({ authLang: e.target.value as AuthLang })}>
                  {AUTH_LANGS.map((l) => (
                    <option key={l} value={l}>
                      {t(`voice.auth.langs.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('voice.auth.speaker')} <input data-testid="voice-auth-speaker" maxLength={80} value={v.speaker} onChange={(e) => v.set({ speaker: e.target.value })} />
              </label>
              <label>
                {t('voice.auth.company')} <input data-testid="voice-auth-company" maxLength={80} value={v.company} onChange={(e) => v.set({ company: e.target.value })} />
              </label>
              <p className="warn-text">{t('voice.auth.unverified')}</p>
            </div>
          )}
        </div>
      </div>

      <div className="panel voice-prompter-panel">
        <h3>{t('voice.script.heading')}</h3>
        {v.target !== 'auth' && v.done === 0 && !recording && (
          <textarea data-testid="voice-script-input" rows={3} placeholder={t('voice.script.paste')} value={v.script} onChange={(e) => v.set({ script: e.target.value.slice(0, 200_000) })} />
        )}
        {v.target === 'auth' && (
          <p className="voice-role auth" data-testid="voice-recording-as">
            {t('voice.role.recordingAs')}
          </p>
        )}
        <div className="voice-prompter" data-testid="voice-prompter" data-paragraph={v.target === 'auth' ? 1 : v.done + 1} data-total={script.length}>
          {current ?? (script.length ? t('voice.script.finished') : t('voice.script.empty'))}
        </div>
        <div className="row">
          {v.target !== 'auth' && script.length > 0 && <span className="muted">{t('voice.script.progress', { n: Math.min(v.done + 1, script.length), total: script.length })}</span>}
          {v.target !== 'auth' && current !== undefined && !recording && (
            <button type="button" onClick={() => v.set({ done: v.done + 1 })}>
              {t('voice.script.next')}
            </button>
          )}
          {v.target !== 'auth' && v.done > 0 && !recording && (
            <button type="button" onClick={() => v.set({ done: 0, script: '' })}>
              {t('voice.script.reset')}
            </button>
          )}
        </div>
        <div className="row">
          {!recording ? (
            <button type="button" className="record" data-testid="voice-record" disabled={!r} onClick={() => void start()}>
              {v.target === 'auth' ? t('voice.record.startAuth') : t('voice.record.start')}
            </button>
          ) : (
            <button type="button" className="stop" data-testid="voice-stop" onClick={() => void stop()}>
              {t('voice.record.stop')}
            </button>
          )}
          {recording && (
            <span data-testid="voice-recording" className="rec-text">
              {t('voice.record.recording', { seconds: Math.max(0, Math.round((now - recording.since) / 1000)) })}
            </span>
          )}
          {v.roomToneDb === null && !recording && <span className="warn-text">{t('voice.room.first')}</span>}
        </div>
        {v.target !== 'auth' && <p className="muted">{t('voice.record.breakHint')}</p>}
      </div>

      <div className="panel">
        <h3>{t('voice.segments.heading')}</h3>
        {spread !== null && (
          <p data-testid="voice-consistency" data-spread-db={spread} className={segmentsConsistent(spread) ? 'ok-text' : 'warn-text'}>
            {segmentsConsistent(spread) ? t('voice.segments.consistent', { db: spread }) : t('voice.segments.consistency', { db: spread, limit: VOICE_QC.consistency.maxSpreadDb })}
          </p>
        )}
        {voiceTakes.length === 0 && <p className="muted">{t('voice.segments.none')}</p>}
        {voiceTakes.some((tk) => tk.status === 'ready' && voiceRoleOf(tk) === 'speech') && <VoiceExport shootId={shootId} target={v.speechTarget} disabled={recording !== null} setError={setError} />}
        <ul className="voice-segments">
          {voiceTakes.map((tk) => {
            const rep = v.reports[tk.id];
            const ok = typeof rep === 'object' && rep !== null && 'verdict' in rep ? rep : null;
            return (
              <li key={tk.id} data-testid="voice-report" data-take-id={tk.id} data-status={tk.status} data-verdict={ok?.verdict ?? ''} data-speech-s={ok?.stats.speechS ?? ''}>
                <div className="row">
                  <b>{tk.name}</b>
                  <span className={`voice-role ${voiceRoleOf(tk)}`} data-testid="voice-role" data-role={voiceRoleOf(tk)}>
                    {t(`voice.role.${voiceRoleOf(tk) ?? 'speech'}`)}
                  </span>
                  <span className="muted">{t(`takes.status.${tk.status}`)}</span>
                  {rep === 'checking' && <span className="muted">{t('voice.segments.checking')}</span>}
                  {ok && <span className={`verdict ${ok.verdict}`}>{t(`voice.segments.verdict.${ok.verdict}`)}</span>}
                  {ok && <span>{t('voice.segments.speech', { speech: ok.stats.speechS, duration: ok.stats.durationS })}</span>}
                  {ok && (
                    <button type="button" onClick={() => void v.check(shootId, tk.id, targetOf(tk))}>
                      {t('voice.segments.recheck')}
                    </button>
                  )}
                </div>
                {ok && (
                  <p className="muted">
                    {t('voice.segments.stats', { peak: ok.stats.peakDb ?? '?', noise: ok.stats.noiseFloorDb ?? '?', snr: ok.stats.snrDb ?? '?', detector: ok.stats.detector })}
                  </p>
                )}
                {tk.voice?.role === 'auth' && (
                  <div className="voice-auth-card" data-testid="voice-auth-card">
                    <p>
                      {t('voice.role.script', { lang: t(`voice.auth.langs.${tk.voice.lang}`) })} <q>{tk.voice.script}</q>
                    </p>
                    <p className="warn-text">{t('voice.auth.unverified')}</p>
                  </div>
                )}
                {ok && <VoiceReview shootId={shootId} takeId={tk.id} report={ok} setError={setError} />}
                {typeof rep === 'object' && rep !== null && 'error' in rep && <p className="problem">{t('voice.segments.failed', { message: rep.error })}</p>}
                {ok && ok.findings.length > 0 && (
                  <ul className="voice-findings">
                    {ok.findings.map((f, i) => (
                      <li key={i} data-rule={f.rule} data-severity={f.severity} className={f.severity}>
                        <b>{ruleTitle(f.rule, lang)}</b> <span className="muted">{f.section}</span> — {renderFinding(f, lang)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
