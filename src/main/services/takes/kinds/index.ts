import type { TakeKind } from '../../../../shared/api';
import type { TakeKindDef } from '../take-kind';
import { videoKind } from './video';
import { voiceKind } from './voice';

/**
 * Every kind of take, one line each. The Record type makes a kind listed in TAKE_KINDS
 * (src/shared/api-schemas.ts) without a definition here a compile error.
 */
const KINDS: { [K in TakeKind]: TakeKindDef<K> } = {
  video: videoKind,
  voice: voiceKind,
};

export function takeKind<K extends TakeKind>(kind: K): TakeKindDef<K> {
  return KINDS[kind];
}
