/** Export-package rules (§5.3): the export helper adds them here, one entry each. */
import type { RuleDef } from './types';

export const exportRules: RuleDef[] = [];
