/** Voice-take rules (§8–10): the voice helper adds them here, one entry each. */
import type { RuleDef } from './types';

export const voiceRules: RuleDef[] = [];
