/** Strings of the acceptance checker screen. */
export const checkEn = {
  check: {
    heading: 'Acceptance check',
    intro: 'Check a take or a file against the acceptance criteria (§1.2.5, §7) on every frame before you upload it. A failed training task costs 4–8 hours.',
    aTake: 'A take',
    aFile: 'A file on this computer',
    take: 'Take',
    noTakes: 'No finished takes in this shoot',
    path: 'Full path of the video',
    start: 'Check',
    cancel: 'Cancel',
    eta: 'about {{time}} left',
    stage: { probe: 'Reading the file', audio: 'Listening', video: 'Checking every frame', report: 'Writing the report' },
    verdict: { pass: 'PASS', warn: 'PASS WITH WARNINGS', fail: 'FAIL — would likely fail training' },
    stats: '{{frames}} of {{total}} frames analysed at {{size}} in {{seconds}} s',
    openReport: 'Open the full report',
    noFindings: 'No findings.',
    times: '{{count}} times',
    wholeFile: 'whole file',
    moreRanges: '+{{count}} more',
    severity: { error: 'error', warn: 'warning', info: 'info' },
  },
};
