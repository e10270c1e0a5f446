/** Strings of the live face and lip monitor (issue #5). */
export const visionEn = {
  title: 'Face and lip monitor',
  level: { ok: 'OK', warn: 'Warning', error: 'Problem', off: 'Not checked now' },
  hud: {
    faces: 'Faces',
    yaw: 'Yaw',
    pitch: 'Pitch',
    roll: 'Roll',
    lips: 'Lips',
    lipState: { open: 'open', closed: 'closed', unknown: 'unknown' },
    rate: '{{fps}} fps analysed · {{ms}} ms',
  },
  show: {
    label: 'Overlay',
    box: 'Face box',
    lips: 'Lips',
    hud: 'Readout',
    rules: 'Checks',
  },
  status: {
    model: 'Getting the face model…',
    download: 'Downloading the face model: {{percent}} %',
    loading: 'Starting face analysis…',
    noVideo: 'Face analysis starts with the camera.',
    failed: 'Face analysis is off: {{message}}',
  },
  summary: {
    heading: 'Monitor findings of {{take}}',
    clean: 'No face or lip problems seen.',
    line: '{{rule}}: {{count}} times, at {{times}}',
    lineOnce: '{{rule}}: once, at {{times}}',
    dismiss: 'Close',
  },
  take: {
    findings: 'Monitor findings: {{count}}',
    none: 'Monitor: no findings',
  },
};
