import { useEffect, useRef, type RefObject } from 'react';
import { LiveMonitor } from './live-monitor';
import { OverlayCanvas, VisionHud, VisionRulesPanel, VisionStatusLine, VisionSummary, VisionToggles } from './VisionPanels';
import './vision.css';

/**
 * The live face and lip monitor over the preview: the overlay canvas (face box, lip contour), the
 * readout, a traffic light per rule, the overlay switches, and the summary after Stop. It only
 * draws over the <video>: MediaRecorder records the camera stream, so nothing of this is recorded.
 */
export function VisionMonitor({ video, stream }: { video: RefObject<HTMLVideoElement | null>; stream: MediaStream | null }) {
  const monitor = useRef<LiveMonitor | null>(null);
  useEffect(() => {
    const m = new LiveMonitor();
    monitor.current = m;
    return () => {
      m.dispose();
      monitor.current = null;
    };
  }, []);
  useEffect(() => {
    monitor.current?.attach(video.current, stream);
  }, [video, stream]);
  return (
    <>
      <OverlayCanvas media={video} />
      <VisionHud />
      <VisionRulesPanel />
      <VisionStatusLine />
      <VisionToggles />
      <VisionSummary />
    </>
  );
}
