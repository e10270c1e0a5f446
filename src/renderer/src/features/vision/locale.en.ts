/** Strings of the live face and lip monitor (issue #5). */
export const visionEn = {
  title: 'Face and lip monitor',
  /** Rule names, nested as the rule ids (face.missing → rules.face.missing). */
  rules: {
    face: {
      missing: 'Face in frame',
      multiple: 'One face only',
      angle: 'Face angle',
      'small-or-cut': 'Face size and framing',
    },
    lips: {
      'open-in-silence': 'Lips closed in silence',
      'open-no-voice': 'No open mouth without voice',
      occluded: 'Mouth unobstructed',
    },
  },
  /** What a breach means, for the summary at Stop and the take's findings. */
  problem: {
    face: {
      missing: 'no face found (faces under about a tenth of the frame height are missed: move closer)',
      multiple: 'more than one face in the picture',
      angle: 'face turned more than 30°',
      'small-or-cut': 'face too small or cut by the frame edge',
    },
    lips: {
      'open-in-silence': 'lips opened in the silent segment',
      'open-no-voice': 'mouth open without voice for over 1 s',
      occluded: 'mouth covered (hand, microphone, glasses)',
    },
    vision: {
      coverage: 'the monitor checked too few frames a second: short problems may be missing',
    },
  },
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
