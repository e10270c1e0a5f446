/** Strings of the shoot loop (issue #13): audio meter, on-air state, delivered frames. */
export const loopEn = {
  meter: {
    title: 'Audio',
    peak: 'peak',
    rms: 'RMS',
    readoutHint: 'Peak and RMS level of the microphone in dBFS (0 = full scale)',
    clip: 'CLIP',
    clipping: 'Clipping: the sound reached {{db}} dBFS. Turn the microphone gain down.',
    tooQuiet: 'Too quiet: nothing louder than {{db}} dBFS in the last {{seconds}} s. Is the microphone on and close to the model?',
    suspended: 'Click anywhere on the page to start the meter.',
  },
  onAir: {
    rec: 'REC',
    checklistAsk: '{{count}} checklist item(s) not ticked. Record anyway? The take will say so.',
    recordAnyway: 'Record anyway',
    backToChecklist: 'Back to the checklist',
  },
  recStats: {
    fps: 'fps',
    dropped: 'dropped',
    low: 'Only {{fps}} fps reach the recorder (standard {{want}}, §1.2.2; warns below {{min}}): frames are being lost. Close other programs, or lower the camera resolution.',
  },
  takeCheck: {
    verdict: { pass: 'PASS', warn: 'WARN', fail: 'FAIL' },
    counts: '{{errors}} errors · {{warnings}} warnings',
    open: 'Open report',
    queued: 'Check waiting…',
    running: 'Checking…',
    paused: 'Check paused while recording',
    failed: 'The automatic check could not run: open the Check screen.',
    savedAt: 'Last check of this take, {{time}} (saved beside it; not run again)',
    auto: 'Check every take automatically when it is saved',
  },
  takeLoop: {
    incomplete: 'Incomplete: stopped at {{recorded}} s, inside the {{silent}}-s silent segment (§1.2.1).',
    override: 'Recorded with {{count}} checklist item(s) unticked (confirmed).',
    frames: 'Recorder got {{fps}} fps · {{dropped}} frames dropped',
    'audio-trimmed': 'sound {{seconds}} s longer than the picture: trimmed',
    'audio-padded': 'sound {{seconds}} s shorter than the picture: padded with silence',
  },
};
