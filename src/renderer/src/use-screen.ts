import { useEffect, useState } from 'react';
import { SCREENS } from './screens';

function fromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[?&]/)[0] ?? '';
  return SCREENS.some((s) => s.id === id) ? id : (SCREENS[0]?.id ?? 'record');
}

/** The current screen lives in the address (#/keying) so a reload or a bookmark keeps it. */
export function useScreen(): [string, (id: string) => void] {
  const [screen, setScreen] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setScreen(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [screen, (id) => (window.location.hash = `/${id}`)];
}
