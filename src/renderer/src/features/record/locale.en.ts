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
};
