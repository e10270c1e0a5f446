/**
 * The ingest (convert screen) findings are the studio-wide ones: one shape, src/shared/findings.ts.
 * Kept so old imports resolve; whole-file problems span [0, duration] instead of null times.
 */
export { FindingSchema, type Finding, type Severity } from '../findings';
