import { create } from 'zustand';
import type { VoiceReport } from '../../../../shared/contract/voice';
import type { VoiceTargetId } from '../../../../shared/standards';
import type { AuthLang } from '../../../../shared/voice/auth-scripts';
import { studio } from '../../api/client';

export type SpeechTarget = Exclude<VoiceTargetId, 'auth'>;

interface VoiceState {
  target: VoiceTargetId;
  /** The speech target speech takes are checked for while the authorization is being recorded. */
  speechTarget: SpeechTarget;
  authLang: AuthLang;
  speaker: string;
  company: string;
  script: string;
  /** Paragraphs already read (§8.3: the script is read once; read ones are not shown again). */
  done: number;
  roomToneDb: number | null;
  reports: Record<string, VoiceReport | 'checking' | { error: string }>;
  set(p: Partial<Omit<VoiceState, 'set' | 'check'>>): void;
  check(shootId: string, takeId: string, target: VoiceTargetId): Promise<void>;
}

const KEY = 'capture-studio.voice';
const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<VoiceState>;
  } catch {
    return {};
  }
})();

/** The voice session: target, authorization names, the script and how far it has been read. */
export const useVoice = create<VoiceState>((set, get) => ({
  target: saved.target ?? 'tts6',
  speechTarget: saved.speechTarget ?? (saved.target && saved.target !== 'auth' ? saved.target : 'tts6'),
  authLang: saved.authLang ?? 'zh',
  speaker: saved.speaker ?? '',
  company: saved.company ?? '',
  script: saved.script ?? '',
  done: saved.done ?? 0,
  roomToneDb: null,
  reports: {},
  set(p) {
    set(p.target && p.target !== 'auth' ? { ...p, speechTarget: p.target } : p);
    const { target, speechTarget, authLang, speaker, company, script, done } = get();
    localStorage.setItem(KEY, JSON.stringify({ target, speechTarget, authLang, speaker, company, script, done }));
  },
  async check(shootId, takeId, target) {
    set((s) => ({ reports: { ...s.reports, [takeId]: 'checking' } }));
    try {
      const r = await studio.call('voice.checkTake', { shootId, takeId, target });
      set((s) => ({ reports: { ...s.reports, [takeId]: r } }));
    } catch (err) {
      set((s) => ({ reports: { ...s.reports, [takeId]: { error: (err as Error).message } } }));
    }
  },
}));

/** Paragraphs of a pasted script: blank lines or single line breaks separate them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
