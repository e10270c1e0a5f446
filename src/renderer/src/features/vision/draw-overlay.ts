import type { FrameMeasurement, Level, MonitorState } from '../../../../shared/vision/analysis';
import type { OverlayParts } from './vision-store';

export const LEVEL_COLOURS: Record<Level, string> = {
  ok: '#3fb950',
  warn: '#f0b429',
  error: '#ff4d4f',
  off: '#8b949e',
};

/** Where the picture is inside a box of w×h when it keeps its aspect ratio (object-fit: contain). */
export function containRect(boxW: number, boxH: number, mediaW: number, mediaH: number): { x: number; y: number; width: number; height: number } {
  if (mediaW <= 0 || mediaH <= 0) return { x: 0, y: 0, width: boxW, height: boxH };
  const s = Math.min(boxW / mediaW, boxH / mediaH);
  const width = mediaW * s;
  const height = mediaH * s;
  return { x: (boxW - width) / 2, y: (boxH - height) / 2, width, height };
}

function worst(levels: Level[]): Level {
  if (levels.includes('error')) return 'error';
  if (levels.includes('warn')) return 'warn';
  return levels.every((l) => l === 'off') ? 'off' : 'ok';
}

function polygon(ctx: CanvasRenderingContext2D, pts: number[], view: { x: number; y: number; width: number; height: number }): void {
  ctx.beginPath();
  for (let i = 0; i + 1 < pts.length; i += 2) {
    const x = view.x + (pts[i] ?? 0) * view.width;
    const y = view.y + (pts[i + 1] ?? 0) * view.height;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
}

/**
 * Draw the face boxes and lip contours of the latest analysed frame over the picture. `view` is the
 * picture's rectangle in canvas pixels. The primary face takes the colour of its worst face rule,
 * any other face is red (§1.2.5 one face only); the lips are green closed, amber open, red when a
 * lip rule is breached, grey when unknown (covered).
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  view: { x: number; y: number; width: number; height: number },
  frame: FrameMeasurement | null,
  monitor: MonitorState | null,
  show: OverlayParts,
  scale = 1,
): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (!frame || !monitor) return;
  const r = monitor.rules;
  const faceLevel = worst([r['face.multiple'].level, r['face.angle'].level, r['face.small-or-cut'].level]);
  const lipRuleLevel = worst([r['lips.open-in-silence'].level, r['lips.open-no-voice'].level, r['lips.occluded'].level]);
  ctx.lineJoin = 'round';
  for (const f of frame.faces) {
    const primary = f === monitor.primary;
    if (show.box) {
      const colour = primary ? LEVEL_COLOURS[faceLevel === 'off' ? 'ok' : faceLevel] : LEVEL_COLOURS.error;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2.5 * scale;
      ctx.setLineDash(primary ? [] : [8 * scale, 5 * scale]);
      const x = view.x + f.box.x0 * view.width;
      const y = view.y + f.box.y0 * view.height;
      ctx.strokeRect(x, y, (f.box.x1 - f.box.x0) * view.width, (f.box.y1 - f.box.y0) * view.height);
      ctx.setLineDash([]);
    }
    if (show.lips && primary) {
      const lips = monitor.lips;
      const colour =
        lipRuleLevel === 'error' || lipRuleLevel === 'warn'
          ? LEVEL_COLOURS[lipRuleLevel]
          : lips === 'open'
            ? LEVEL_COLOURS.warn
            : lips === 'closed'
              ? LEVEL_COLOURS.ok
              : LEVEL_COLOURS.off;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2 * scale;
      polygon(ctx, f.lipOuter, view);
      ctx.stroke();
      polygon(ctx, f.lipInner, view);
      ctx.stroke();
    }
  }
}
