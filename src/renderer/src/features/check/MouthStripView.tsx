import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { tileMarks, type MouthStrip } from '../../../../shared/qc/mouth-strip';
import type { Finding } from '../../../../shared/findings';
import { formatClock } from '../../lib/format';

/**
 * "Lips at a glance" on the check screen (mouth-strip.ts): the mouth every few seconds, tiles inside
 * a lips finding framed in its colour. A click on a tile seeks the player there, so a straw or a
 * lock of hair the checks missed is one look and one click away.
 */
export function MouthStripView({ strip, findings, onSeek }: { strip: MouthStrip; findings: readonly Finding[]; onSeek: (t: number) => void }) {
  const { t } = useTranslation();
  const marks = useMemo(() => tileMarks(strip, findings), [strip, findings]);
  const rows = Math.ceil(strip.tiles.length / strip.columns);
  const pct = (v: number) => `${v * 100}%`;
  return (
    <section className="mouth-strip" data-testid="mouth-strip" data-tiles={strip.tiles.length}>
      <h3>{t('check.mouths.heading')}</h3>
      <p className="small muted">{t('check.mouths.hint', { step: strip.stepSec })}</p>
      <div className="mouth-strip-grid" style={{ maxWidth: strip.columns * strip.tileWidth }}>
        <img src={strip.image} alt="" />
        {strip.tiles.map((tile, i) => {
          const mark = marks[i];
          return (
            <button
              key={i}
              type="button"
              className={`mouth-tile${mark ? ` ${mark.severity}` : ''}${tile.face ? '' : ' noface'}`}
              style={{ left: pct((i % strip.columns) / strip.columns), top: pct(Math.floor(i / strip.columns) / rows), width: pct(1 / strip.columns), height: pct(1 / rows) }}
              title={`${formatClock(tile.t)}${mark ? ` · ${mark.rule}` : ''}${tile.face ? '' : ` · ${t('check.mouths.noFace')}`}`}
              aria-label={formatClock(tile.t)}
              data-t={tile.t}
              data-rule={mark?.rule}
              onClick={() => onSeek(tile.t)}
            />
          );
        })}
      </div>
    </section>
  );
}
