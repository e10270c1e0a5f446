import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreenParams } from '../../../../shared/green-params';
import type { KeyFinding } from '../../../../shared/keying/findings';
import { ruleTitle } from '../../../../shared/rules';
import { registryLang } from '../../lib/rules';
import { renderOnCpu, sourceSize, type PictureSource } from './frame-grab';
import { GlKeyer, type KeyView } from './gl-keyer';

interface Props {
  source: PictureSource | null;
  params: GreenParams;
  view: KeyView;
  findings: readonly KeyFinding[];
  showOverlay: boolean;
  picking: boolean;
  onPick(x: number, y: number): void;
  onDropFile(file: File): void;
  emptyText: string;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/**
 * The keyed picture: the WebGL2 keyer draws every new video frame (or the image when anything
 * changes) into the canvas; the findings are drawn over it; a click picks the key colour. State the
 * tests read sits on the `keying-stage` element (frames drawn, size, engine, fps).
 */
export function KeyingStage({ source, params, view, findings, showOverlay, picking, onPick, onDropFile, emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const stageRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const keyer = useRef<GlKeyer | null | undefined>(undefined);
  const latest = useRef({ source, params, view });
  latest.current = { source, params, view };
  const frames = useRef(0);
  const fps = useRef({ count: 0, since: performance.now() });
  const [picture, setPicture] = useState({ width: 0, height: 0 });
  const [area, setArea] = useState({ width: 0, height: 0 });
  const [engine, setEngine] = useState<{ kind: 'webgl2' | 'cpu'; renderer: string } | null>(null);
  const [shownFps, setShownFps] = useState<number | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || keyer.current !== undefined) return;
    keyer.current = GlKeyer.create(canvas);
    setEngine(keyer.current ? { kind: 'webgl2', renderer: keyer.current.renderer } : { kind: 'cpu', renderer: '' });
  }, []);

  useEffect(
    () => () => {
      keyer.current?.dispose();
      keyer.current = undefined;
    },
    [],
  );

  const draw = useCallback(() => {
    const { source: src, params: p, view: v } = latest.current;
    const canvas = canvasRef.current;
    const stage = stageRef.current;
    if (!src || !canvas || !stage || keyer.current === undefined) return;
    const { width, height } = sourceSize(src);
    if (!width || !height) return;
    if (src instanceof HTMLVideoElement && src.readyState < 2) return;
    let ok = true;
    try {
      if (keyer.current) {
        keyer.current.setParams(p);
        keyer.current.render(src, width, height, v);
      } else ok = renderOnCpu(canvas, src, p, v);
    } catch {
      ok = false;
    }
    if (!ok) return;
    frames.current++;
    fps.current.count++;
    const now = performance.now();
    if (now - fps.current.since >= 1000) {
      const value = Math.round((fps.current.count * 10000) / (now - fps.current.since)) / 10;
      fps.current = { count: 0, since: now };
      stage.dataset.fps = String(value);
      setShownFps(value);
    }
    stage.dataset.frames = String(frames.current);
    stage.dataset.width = String(width);
    stage.dataset.height = String(height);
    stage.dataset.renderedView = v;
    stage.dataset.renderedParams = JSON.stringify(p);
    setPicture((old) => (old.width === canvas.width && old.height === canvas.height ? old : { width: canvas.width, height: canvas.height }));
  }, []);

  // Redraw when the parameters, the view or the picture change.
  useEffect(() => {
    draw();
  }, [draw, source, params, view, engine]);

  // Live pictures: draw every new frame.
  useEffect(() => {
    if (!(source instanceof HTMLVideoElement)) return;
    let stop = false;
    let handle = 0;
    const hasRvfc = 'requestVideoFrameCallback' in source;
    const tick = () => {
      if (stop) return;
      draw();
      handle = hasRvfc ? source.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
    };
    handle = hasRvfc ? source.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
    const once = () => draw();
    source.addEventListener('seeked', once);
    source.addEventListener('loadeddata', once);
    return () => {
      stop = true;
      if (hasRvfc) source.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
      source.removeEventListener('seeked', once);
      source.removeEventListener('loadeddata', once);
    };
  }, [source, draw]);

  // Fit the picture into the area, keeping its shape.
  useLayoutEffect(() => {
    const el = areaRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setArea({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setArea({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);
  const scale = picture.width && picture.height && area.width && area.height ? Math.min(area.width / picture.width, area.height / picture.height) : 0;
  const shown = { width: Math.floor(picture.width * scale), height: Math.floor(picture.height * scale) };
  const srcSize = source ? sourceSize(source) : { width: 0, height: 0 };
  const software = engine?.kind === 'webgl2' && SOFTWARE_GL.test(engine.renderer);

  const click = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (!picking || !srcSize.width) return;
    const rect = e.currentTarget.getBoundingClientRect();
    let x = Math.floor(((e.clientX - rect.left) / rect.width) * e.currentTarget.width);
    const y = Math.floor(((e.clientY - rect.top) / rect.height) * e.currentTarget.height);
    if (view === 'side') x %= srcSize.width;
    onPick(Math.min(srcSize.width - 1, Math.max(0, x)), Math.min(srcSize.height - 1, Math.max(0, y)));
  };

  const halves = view === 'side' ? [0, srcSize.width] : [0];
  return (
    <div
      ref={stageRef}
      className="keying-stage"
      data-testid="keying-stage"
      data-engine={engine?.kind ?? ''}
      data-renderer={engine?.renderer ?? ''}
      data-software={software ? '1' : '0'}
      data-frames="0"
    >
      <div
        ref={areaRef}
        className={`keying-area${picking ? ' picking' : ''}`}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer.files[0];
          if (f) onDropFile(f);
        }}
      >
        {!source && <p className="muted keying-empty">{emptyText}</p>}
        <div className="keying-canvas-wrap" style={{ width: shown.width, height: shown.height, visibility: source && scale ? 'visible' : 'hidden' }}>
          <canvas ref={canvasRef} data-testid="keying-canvas" onClick={click} style={{ width: shown.width, height: shown.height }} />
          {showOverlay && source && findings.length > 0 && (
            <svg className="keying-overlay" data-testid="keying-overlay" viewBox={`0 0 ${picture.width || 1} ${picture.height || 1}`} preserveAspectRatio="none">
              {halves.map((dx) => (
                <g key={dx} transform={`translate(${dx} 0)`}>
                  {findings.map((f, i) => (
                    <FindingMarks key={i} finding={f} label={ruleTitle(f.rule, registryLang(i18n.language))} pictureHeight={srcSize.height} />
                  ))}
                </g>
              ))}
            </svg>
          )}
        </div>
      </div>
      <div className="keying-engine muted small" data-testid="keying-engine">
        {engine?.kind === 'cpu'
          ? t('keying.engine.cpu')
          : engine
            ? t(software ? 'keying.engine.software' : 'keying.engine.gpu', { renderer: shortRenderer(engine.renderer) })
            : ''}
        {shownFps !== null && source instanceof HTMLVideoElement && !source.paused ? ` · ${t('keying.engine.fps', { fps: shownFps })}` : ''}
        {srcSize.width ? ` · ${t('keying.source.size', srcSize)}` : ''}
      </div>
    </div>
  );
}

/** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …), SwiftShader driver)" → "SwiftShader". */
function shortRenderer(r: string): string {
  const soft = SOFTWARE_GL.exec(r);
  if (soft) return soft[0];
  return r.replace(/^ANGLE \((.*)\)$/, '$1').slice(0, 60);
}

function FindingMarks({ finding, label, pictureHeight }: { finding: KeyFinding; label: string; pictureHeight: number }) {
  const boxes = finding.where.regions?.length ? finding.where.regions : finding.where.bbox ? [finding.where.bbox] : [];
  const stroke = Math.max(2, Math.round(pictureHeight / 300));
  const font = Math.max(12, Math.round(pictureHeight / 28));
  return (
    <g className={`keying-mark ${finding.severity}`} data-rule={finding.rule}>
      {boxes.map((b, i) => (
        <rect
          key={i}
          x={b.x + stroke / 2}
          y={b.y + stroke / 2}
          width={Math.max(1, b.width - stroke)}
          height={Math.max(1, b.height - stroke)}
          strokeWidth={stroke}
          className={finding.where.edge ? 'edge' : undefined}
        />
      ))}
      {boxes[0] && (
        <text x={boxes[0].x + stroke * 2} y={Math.max(font, boxes[0].y + (finding.where.edge === 'bottom' ? -stroke * 2 : font + stroke))} fontSize={font}>
          {label}
        </text>
      )}
    </g>
  );
}
