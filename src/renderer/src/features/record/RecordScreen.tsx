import { useCallback } from 'react';
import { useStudio } from '../../stores/studio-store';
import { DevicesPanel } from '../devices/DevicesPanel';
import { useMediaDevices } from '../devices/use-media-devices';
import { ShootPanel } from '../shoots/ShootPanel';
import { TakeList } from '../takes/TakeList';
import { Preview } from './Preview';
import { RecordControls } from './RecordControls';

/** The operator's main screen: shoot and devices on the left, the picture, the takes. */
export function RecordScreen() {
  const devices = useMediaDevices();
  const setError = useStudio((s) => s.setError);
  const onError = useCallback((err: unknown) => setError(err), [setError]);
  return (
    <main className="record-screen">
      <aside className="left">
        <ShootPanel />
        <DevicesPanel devices={devices} />
      </aside>
      <section className="center">
        <Preview stream={devices.stream} />
        <RecordControls devices={devices} onError={onError} />
      </section>
      <aside className="right">
        <TakeList />
      </aside>
    </main>
  );
}
