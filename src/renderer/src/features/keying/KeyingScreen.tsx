import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyAnalysis } from '../../../../shared/keying/analysis';
import { useStudio } from '../../stores/studio-store';
import { useMediaDevices } from '../devices/use-media-devices';
import { BackdropAnalyser } from './analysis-client';
import { CopyPastePanel } from './CopyPastePanel';
import { FindingsPanel } from './FindingsPanel';
import { decodeImage, grabFrame, sampleBgr, type PictureSource } from './frame-grab';
import { KEY_VIEWS, type KeyView } from './gl-keyer';
import { useKeying } from './keying-store';
import { KeyingStage } from './KeyingStage';
import { ParamPanel } from './ParamPanel';
import './keying.css';

const VIEW_KEY = 'capture-studio.keying.view';
const SOURCE_KEY = 'capture-studio.keying.source';
/** How often a live picture is checked again (the analysis runs on the CPU). */
const LIVE_ANALYSIS_MS = 2000;

type SourceKind = 'camera' | 'file';
interface OpenFile {
  url: string;
  name: string;
  type: 'image' | 'video';
}

/**
 * The keying preview (issue #6): the live camera, an image or a video keyed with the platform's
 * greenParams (§1.3.3) on the GPU, the backdrop check of §1.2.4, and the parameters to copy into
 * the training task (§5.3). The parameters are saved with the current shoot.
 */
export function KeyingScreen() {
  const { t } = useTranslation();
  const shootId = useStudio((s) => s.shootId);
  const shoot = useStudio((s) => s.shoots.find((x) => x.id === s.shootId));
  const { params, setParams, loadFor, save, fileProblem } = useKeying();
  useEffect(() => {
    void loadFor(shootId);
  }, [shootId, loadFor]);

  const [kind, setKind] = useState<SourceKind>(() => (localStorage.getItem(SOURCE_KEY) === 'file' ? 'file' : 'camera'));
  const [file, setFile] = useState<OpenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [source, setSource] = useState<PictureSource | null>(null);
  useEffect(() => () => (source instanceof ImageBitmap ? source.close() : undefined), [source]);
  const [view, setViewState] = useState<KeyView>(() => {
    const v = localStorage.getItem(VIEW_KEY) as KeyView | null;
    return v && KEY_VIEWS.includes(v) ? v : 'side';
  });
  const [overlay, setOverlay] = useState(true);
  const [picking, setPicking] = useState(false);
  const [analysis, setAnalysis] = useState<KeyAnalysis | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const setView = (v: KeyView) => {
    localStorage.setItem(VIEW_KEY, v);
    setViewState(v);
  };
  const chooseKind = (k: SourceKind) => {
    localStorage.setItem(SOURCE_KEY, k);
    setSource(null);
    setKind(k);
  };

  // Object URLs of opened files are released when replaced and when the screen closes.
  const fileUrl = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (fileUrl.current) URL.revokeObjectURL(fileUrl.current);
      fileUrl.current = null;
    },
    [],
  );

  const openFile = (f: File) => {
    const type = f.type.startsWith('image/') ? 'image' : f.type.startsWith('video/') ? 'video' : /\.(png|jpe?g|webp|bmp|gif)$/i.test(f.name) ? 'image' : /\.(mp4|mov|webm|mkv|m4v)$/i.test(f.name) ? 'video' : null;
    if (!type) {
      setFileError(t('keying.source.notMedia', { name: f.name }));
      return;
    }
    setFileError(null);
    setSource(null);
    setAnalysis(null);
    if (fileUrl.current) URL.revokeObjectURL(fileUrl.current);
    fileUrl.current = URL.createObjectURL(f);
    setFile({ url: fileUrl.current, name: f.name, type });
    localStorage.setItem(SOURCE_KEY, 'file');
    setKind('file');
  };

  // The backdrop check runs on the CPU, in a worker, on a full-size copy of the current picture.
  const latest = useRef({ source, params, kind });
  latest.current = { source, params, kind };
  const analyser = useRef<BackdropAnalyser | null>(null);
  const [analysisThread, setAnalysisThread] = useState<'worker' | 'main' | null>(null);
  useEffect(() => {
    const a = new BackdropAnalyser();
    analyser.current = a;
    return () => a.close();
  }, []);
  // Answers for a picture that has since been replaced are dropped.
  const generation = useRef(0);
  const analyse = useCallback(() => {
    const { source: s, params: p, kind: k } = latest.current;
    if (!s || !analyser.current) return;
    const frame = grabFrame(s);
    if (!frame) return;
    const time = k === 'file' && s instanceof HTMLVideoElement ? Math.round(s.currentTime * 1000) / 1000 : 0;
    const asked = generation.current;
    // Fire and forget: analyse() never rejects (errors are logged and answered with null).
    void analyser.current.analyse(frame, p, time).then((a) => {
      if (a && asked === generation.current) setAnalysis(a);
      setAnalysisThread(analyser.current?.thread ?? 'main');
    });
  }, []);
  useEffect(() => {
    generation.current++;
    if (!source) {
      setAnalysis(null);
      return;
    }
    const id = setTimeout(analyse, 250);
    return () => clearTimeout(id);
  }, [source, params, analyse]);
  useEffect(() => {
    if (!(source instanceof HTMLVideoElement)) return;
    const id = setInterval(() => {
      if (!source.paused && document.visibilityState === 'visible') analyse();
    }, LIVE_ANALYSIS_MS);
    source.addEventListener('seeked', analyse);
    source.addEventListener('pause', analyse);
    return () => {
      clearInterval(id);
      source.removeEventListener('seeked', analyse);
      source.removeEventListener('pause', analyse);
    };
  }, [source, analyse]);

  const pick = (x: number, y: number) => {
    const frame = source ? grabFrame(source) : null;
    setPicking(false);
    if (frame) setParams({ ...params, greenParamsSamplePointBgr: sampleBgr(frame, x, y) });
  };

  const emptyText = kind === 'camera' ? t('keying.source.waiting') : t('keying.source.drop');
  return (
    <main className="keying-screen" data-testid="keying-screen" data-source={source ? (kind === 'camera' ? 'camera' : (file?.type ?? 'none')) : 'none'} data-view={view} data-analysis-thread={analysisThread ?? undefined}>
      <aside className="left">
        <section className="panel" data-testid="keying-source-panel">
          <h2>{t('keying.source.heading')}</h2>
          <p className="muted small">{t('keying.intro')}</p>
          <div className="keying-row">
            <label className="keying-radio">
              <input type="radio" name="keying-source" checked={kind === 'camera'} data-testid="keying-source-camera" onChange={() => chooseKind('camera')} />
              {t('keying.source.camera')}
            </label>
            <label className="keying-radio">
              <input type="radio" name="keying-source" checked={kind === 'file'} data-testid="keying-source-file" onChange={() => chooseKind('file')} />
              {t('keying.source.file')}
            </label>
          </div>
          <div className="keying-row">
            <button type="button" className="secondary" onClick={() => inputRef.current?.click()} data-testid="keying-open">
              {t('keying.source.open')}
            </button>
            <input
              ref={inputRef}
              type="file"
              accept="image/*,video/*"
              hidden
              data-testid="keying-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) openFile(f);
                e.target.value = '';
              }}
            />
          </div>
          {kind === 'file' && file && <p className="small keying-filename">{file.name}</p>}
          {fileError && <p className="problem">{fileError}</p>}
          {kind === 'camera' && <CameraSource onSource={setSource} />}
          {kind === 'file' && file?.type === 'video' && <VideoFile key={file.url} file={file} onSource={setSource} onError={() => setFileError(t('keying.source.unreadable', { name: file.name }))} />}
          {kind === 'file' && file?.type === 'image' && (
            <img
              key={file.url}
              className="keying-source-el"
              src={file.url}
              alt=""
              onLoad={(e) => {
                const url = file.url;
                decodeImage(e.currentTarget)
                  .then((bitmap) => {
                    if (fileUrl.current === url) setSource(bitmap);
                    else bitmap.close();
                  })
                  .catch(() => setFileError(t('keying.source.unreadable', { name: file.name })));
              }}
              onError={() => setFileError(t('keying.source.unreadable', { name: file.name }))}
            />
          )}
        </section>
        <FindingsPanel analysis={analysis} onAnalyse={analyse} busy={!source} />
      </aside>

      <section className="center keying-center">
        <div className="keying-row keying-views" role="tablist" aria-label={t('keying.view.heading')}>
          {KEY_VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={v === view} className={v === view ? 'tab active' : 'tab'} data-testid={`keying-view-${v}`} onClick={() => setView(v)}>
              {t(`keying.view.${v}`)}
            </button>
          ))}
          <div className="spacer" />
          <label className="keying-radio small">
            <input type="checkbox" checked={overlay} data-testid="keying-overlay-toggle" onChange={(e) => setOverlay(e.target.checked)} />
            {t('keying.view.overlay')}
          </label>
        </div>
        <KeyingStage
          source={source}
          params={params}
          view={view}
          findings={analysis?.findings ?? []}
          showOverlay={overlay}
          picking={picking}
          onPick={pick}
          onDropFile={openFile}
          emptyText={emptyText}
        />
        {kind === 'file' && source instanceof HTMLVideoElement && <VideoControls video={source} />}
      </section>

      <aside className="right">
        <ParamPanel params={params} onChange={setParams} picking={picking} onPickToggle={() => setPicking((p) => !p)} canPick={!!source} />
        <p className="small keying-save" data-testid="keying-saved" data-state={save.state}>
          {save.state === 'saving' && <span className="muted">{t('keying.save.saving')}</span>}
          {save.state === 'saved' && <span className="ok">{t('keying.save.saved', { shoot: shoot?.name ?? shootId ?? '' })}</span>}
          {save.state === 'local' && <span className="muted">{t('keying.save.local')}</span>}
          {save.state === 'error' && <span className="problem">{t('keying.save.failed', { message: save.message })}</span>}
        </p>
        {fileProblem && <p className="problem small">{t('keying.save.fileProblem', { message: fileProblem })}</p>}
        <CopyPastePanel params={params} onApply={setParams} />
      </aside>
    </main>
  );
}

/** The live camera (the device chosen on the Record screen), as a hidden video element. */
function CameraSource({ onSource }: { onSource(v: HTMLVideoElement | null): void }) {
  const { t } = useTranslation();
  const devices = useMediaDevices();
  const ref = useRef<HTMLVideoElement>(null);
  const stream = devices.stream;
  const hasVideo = !!stream && stream.getVideoTracks().length > 0;
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    const video = hasVideo && stream ? new MediaStream(stream.getVideoTracks()) : null;
    v.srcObject = video;
    if (!video) onSource(null);
    else void v.play().catch(() => {});
  }, [stream, hasVideo, onSource]);
  return (
    <>
      {devices.cameras.length > 1 && (
        <label className="field">
          {t('devices.camera')}
          <select value={devices.cameraId ?? ''} data-testid="keying-camera-select" onChange={(e) => devices.setCameraId(e.target.value)}>
            {devices.cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label || c.deviceId}
              </option>
            ))}
          </select>
        </label>
      )}
      {!devices.opening && !hasVideo && <p className="problem" data-testid="keying-no-camera">{t('keying.source.noCamera')}</p>}
      <video ref={ref} className="keying-source-el" autoPlay playsInline muted onLoadedData={(e) => onSource(e.currentTarget)} />
    </>
  );
}

function VideoFile({ file, onSource, onError }: { file: OpenFile; onSource(v: HTMLVideoElement): void; onError(): void }) {
  return (
    <video
      className="keying-source-el"
      src={file.url}
      loop
      muted
      playsInline
      preload="auto"
      onLoadedData={(e) => onSource(e.currentTarget)}
      onError={onError}
    />
  );
}

/** Play, pause and scrub an imported video. */
function VideoControls({ video }: { video: HTMLVideoElement }) {
  const { t } = useTranslation();
  const [time, setTime] = useState(video.currentTime);
  const [duration, setDuration] = useState(video.duration || 0);
  const [paused, setPaused] = useState(video.paused);
  useEffect(() => {
    const sync = () => {
      setTime(video.currentTime);
      setDuration(Number.isFinite(video.duration) ? video.duration : 0);
      setPaused(video.paused);
    };
    const events = ['timeupdate', 'play', 'pause', 'seeked', 'durationchange', 'loadedmetadata'];
    for (const e of events) video.addEventListener(e, sync);
    sync();
    return () => {
      for (const e of events) video.removeEventListener(e, sync);
    };
  }, [video]);
  return (
    <div className="keying-row keying-video-controls" data-testid="keying-video-controls" data-time={time.toFixed(3)} data-paused={paused ? '1' : '0'}>
      <button type="button" className="secondary" data-testid="keying-play" onClick={() => (video.paused ? void video.play() : video.pause())}>
        {paused ? t('keying.source.play') : t('keying.source.pause')}
      </button>
      <input
        type="range"
        className="keying-scrub"
        min={0}
        max={duration || 0}
        step={0.04}
        value={Math.min(time, duration || 0)}
        aria-label={t('keying.source.scrub')}
        data-testid="keying-scrub"
        onChange={(e) => {
          video.currentTime = Number(e.target.value);
          setTime(video.currentTime);
        }}
      />
      <span className="muted small keying-time" data-testid="keying-time">
        {formatTime(time)} / {formatTime(duration)}
      </span>
    </div>
  );
}

function formatTime(s: number): string {
  const m = Math.floor(s / 60);
  const sec = s - m * 60;
  return `${m}:${sec.toFixed(2).padStart(5, '0')}`;
}
