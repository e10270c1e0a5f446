import type { ComponentType } from 'react';
import { ConvertScreen } from './features/convert/ConvertScreen';
import { KeyingScreen } from './features/keying/KeyingScreen';
import { CheckScreen } from './features/check/CheckScreen';
import { PrompterScreen } from './features/prompter/PrompterScreen';
import { RecordScreen } from './features/record/RecordScreen';
import { ReviewScreen } from './features/review/ReviewScreen';
import { VoiceScreen } from './features/voice/VoiceScreen';

/**
 * The studio's screens, in tab order. A capability adds its screen here with one line; the label
 * is `nav.<id>` in the locale files.
 */
export const SCREENS: { id: string; Component: ComponentType }[] = [
  { id: 'record', Component: RecordScreen },
  { id: 'prompter', Component: PrompterScreen },
  { id: 'check', Component: CheckScreen },
  { id: 'keying', Component: KeyingScreen },
  { id: 'convert', Component: ConvertScreen },
  { id: 'review', Component: ReviewScreen },
  { id: 'voice', Component: VoiceScreen },
];
