import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api';
import { studio } from '../../api/client';
import type { SpeechTarget } from './voice-store';

type Result = MethodOutput<'voice.export'>;

/**
 * Export of the voice folder (§8.4–8.6, §10): the originals, their noise-reduced twins, merged,
 * authorization, voice_task.json and the QC report, with progress, ETA and cancel — noise reduction
 * and QC of a 30-min session take minutes.
 */
export function VoiceExport({ shootId, target, disabled, setError }: { shootId: string; target: SpeechTarget; disabled: boolean; setError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<{ id: string; fraction: number; eta: number | null } | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (!job) return;
    return studio.on('voice.progress', (p) => {
      if (p.jobId === job.id) setJob((j) => (j && j.id === p.jobId ? { ...j, fraction: p.fraction, eta: p.etaSeconds } : j));
    });
  }, [job?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- resubscribe per job only

  const start = () => {
    const id = `export-${Date.now()}`;
    setResult(null);
    setJob({ id, fraction: 0, eta: null });
    studio
      .call('voice.export', { shootId, target, languages: target === 'tts3' ? ['zh-CN'] : [], jobId: id })
      .then(setResult, (err: unknown) => {
        if ((err as { code?: string }).code !== 'cancelled') setError(err);
      })
      .finally(() => setJob(null));
  };

  return (
    <div className="voice-export" data-testid="voice-export-panel">
      <div className="row">
        <button type="button" data-testid="voice-export" disabled={disabled || job !== null} onClick={start}>
          {t('voice.segments.export', { target: t(`voice.target.short.${target}`) })}
        </button>
        {job && (
          <span data-testid="voice-export-progress" data-fraction={job.fraction.toFixed(3)}>
            <progress max={1} value={job.fraction} /> {t('voice.review.progress', { pct: Math.round(job.fraction * 100), eta: job.eta === null ? '…' : `${job.eta} s` })}{' '}
            <button type="button" data-testid="voice-export-cancel" onClick={() => void studio.call('voice.cancel', { jobId: job.id })}>
              {t('voice.review.cancel')}
            </button>
          </span>
        )}
      </div>
      <p className="muted">{t('voice.segments.exportHint')}</p>
      {result && (
        <div data-testid="voice-exported" data-dir={result.dir} data-files={result.files.join(' ')} className="ok-text">
          <p>{t('voice.segments.exported', { segments: result.segments, auth: result.auth ? t('voice.segments.withAuth') : t('voice.segments.noAuth'), dir: result.dir })}</p>
          <ul className="voice-files">
            {result.files.map((f) => (
              <li key={f}>
                <code>{f}</code> <span className="muted">{t(`voice.segments.fileKind.${fileKind(f)}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** What a file in the export folder is, for the operator (names follow export-session.ts). */
function fileKind(f: string): 'denoised' | 'original' | 'task' | 'qc' {
  if (f.endsWith('.denoised.wav')) return 'denoised';
  if (f.endsWith('.wav')) return 'original';
  return f === 'voice_task.json' ? 'task' : 'qc';
}
