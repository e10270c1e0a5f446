/** Kept for old imports: titles now live in the rule registry (src/shared/rules, ADR 0003). */
export { ruleTitle } from '../rules';
