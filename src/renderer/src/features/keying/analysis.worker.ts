/**
 * The backdrop check (§1.2.4, src/shared/keying/analysis.ts) off the UI thread: a full-size frame
 * takes tens of milliseconds on the CPU, which would stutter the GPU preview and the camera.
 */
import { analyseBackdrop } from '../../../../shared/keying/analysis';
import type { AnalysisRequest, AnalysisReply } from './analysis-client';

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, width, height, data, params, time } = e.data;
  let reply: AnalysisReply;
  try {
    reply = { id, analysis: analyseBackdrop({ width, height, data: new Uint8ClampedArray(data) }, params, { time }) };
  } catch (err) {
    reply = { id, error: (err as Error).message ?? String(err) };
  }
  self.postMessage(reply);
};
