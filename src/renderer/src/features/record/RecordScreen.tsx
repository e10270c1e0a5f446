import { useCallback, useEffect } from 'react';
import { StreamAudioMeter } from '../../components/AudioMeter';
import { useStudio } from '../../stores/studio-store';
import { DevicesPanel } from '../devices/DevicesPanel';
import { useMediaDevices } from '../devices/use-media-devices';
import { PlaybackControls } from '../prompter/PlaybackControls';
import { connectPrompter } from '../prompter/prompter-store';
import { usePrompterKeys } from '../prompter/use-prompter-keys';
import { ChecklistPanel } from '../run/ChecklistPanel';
import { LiveTimeline } from '../run/LiveTimeline';
import { MarkerBar } from '../run/MarkerBar';
import { PhaseBanner } from '../run/PhaseBanner';
import { usePhaseClock } from '../run/use-phase-clock';
import { ShootPanel } from '../shoots/ShootPanel';
import { TakeList } from '../takes/TakeList';
import { OnAirTally } from './OnAir';
import { Preview } from './Preview';
import './record.css';
import { RecordControls } from './RecordControls';

/** The operator's main screen: shoot, devices and checklist; the picture with its phase; the takes. */
export function RecordScreen() {
  const devices = useMediaDevices();
  const setError = useStudio((s) => s.setError);
  const onError = useCallback((err: unknown) => setError(err), [setError]);
  useEffect(() => connectPrompter(), []);
  usePhaseClock();
  usePrompterKeys(window);
  return (
    <main className="record-screen">
      <aside className="left">
        <ShootPanel />
        <DevicesPanel devices={devices} />
        <ChecklistPanel />
      </aside>
      <section className="center">
        <div className="preview-wrap">
          <Preview stream={devices.stream} />
          <PhaseBanner />
          <OnAirTally />
        </div>
        <StreamAudioMeter stream={devices.stream} />
        <LiveTimeline />
        <MarkerBar />
        <RecordControls devices={devices} onError={onError} />
        <PlaybackControls compact />
      </section>
      <aside className="right">
        <TakeList />
      </aside>
    </main>
  );
}
