import { useEffect, useRef } from 'react';
import { VisionMonitor } from '../vision/VisionMonitor';

/** The live picture. Muted: the operator monitors sound on headphones, not through the speakers. */
export function Preview({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return (
    <div className="preview">
      <video ref={video} data-testid="preview" autoPlay playsInline muted />
      <VisionMonitor video={video} stream={stream} />
    </div>
  );
}
