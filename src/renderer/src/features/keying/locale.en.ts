/** Strings of the green-screen keying preview (issue #6). */
export const keyingEn = {
  title: 'Keying preview',
  intro: 'What the platform’s green-screen keying will do with these parameters (§1.3.3), before you record.',
  source: {
    heading: 'Picture',
    camera: 'Live camera',
    file: 'Image or video file',
    open: 'Open image or video…',
    drop: 'Drop an image or a video here, or open one.',
    notMedia: '{{name}} is not an image or a video.',
    unreadable: '{{name}} cannot be shown by this browser.',
    noCamera: 'No camera picture. Connect a camera or open an image or video file.',
    waiting: 'Waiting for the picture…',
    size: '{{width}}×{{height}}',
    play: 'Play',
    pause: 'Pause',
    scrub: 'Position in the video',
  },
  view: {
    heading: 'View',
    original: 'Original',
    keyed: 'Keyed',
    matte: 'Matte',
    side: 'Side by side',
    overlay: 'Show findings on the picture',
  },
  engine: {
    gpu: 'WebGL2: {{renderer}}',
    software: 'WebGL2 in software ({{renderer}}): slower than on a graphics card',
    cpu: 'No WebGL2 here: keyed on the CPU, slowly',
    fps: '{{fps}} frames/s',
  },
  params: {
    heading: 'Green-screen parameters (§1.3.3)',
    /** Label, then the meaning shown as a tooltip. */
    greenParamsRefinethHBgr: 'Background retention level',
    greenParamsRefinethHBgrTip:
      '§1.3.3 greenParamsRefinethHBgr, default 160. Pixels at least this much like the key colour (0–255) become fully background. §5.3: to remove more green set it lower (145, 130, 120, 100, 80, 60 …); too low loses edge detail.',
    greenParamsRefinethLBgr: 'Character edge retention width',
    greenParamsRefinethLBgrTip:
      '§1.3.3 greenParamsRefinethLBgr, default 40. Pixels at most this much like the key colour stay fully subject; between this and the background level the edge fades. §5.3: to remove more green at the edges set it lower (30, 20, 10 …); too low loses edge detail.',
    greenParamsBlurKs: 'Smoothness',
    greenParamsBlurKsTip: '§1.3.3 greenParamsBlurKs, default 3: the size in pixels of the filter that smooths the matte (0 or 1 = none). §5.3: the default is recommended.',
    greenParamsColorbalance: 'Green removal level',
    greenParamsColorbalanceTip:
      '§1.3.3 greenParamsColorbalance, default 100: how strongly green cast (spill) is removed from the subject, 0–100. §5.3: yellow clothes or objects may shift colour; set it to 1 to keep yellow as it is.',
    greenParamsSpillByalpha: 'Green removal colour balance',
    greenParamsSpillByalphaTip:
      '§1.3.3 greenParamsSpillByalpha, default 0.5: corrects the colour change that green removal causes on the subject. 0.5 = no correction; above gives the removed light back as grey, below darkens. §5.3: the default is recommended.',
    greenParamsSamplePointBgr: 'Sampling colour (key colour)',
    greenParamsSamplePointBgrTip:
      '§1.3.3 greenParamsSamplePointBgr, default [0, 255, 0] = green, written in B,G,R order. §5.3: blue (RGB 0,0,255) can also be used, which is [255, 0, 0] here; other colours are not recommended.',
    greenParamsSampleBackground: 'Background colour',
    greenParamsSampleBackgroundTip:
      '§1.3.3 greenParamsSampleBackground.color, default [255, 0, 0], written in B,G,R order like the sampling colour (so the default is blue). §1.3.1: choose a colour that makes problems easy to see.',
    bgr: 'B,G,R',
    channel: { b: 'B', g: 'G', r: 'R' },
    pick: 'Pick from picture',
    picking: 'Click the backdrop in the picture…',
    presetGreen: 'Green screen',
    presetBlue: 'Blue screen (§5.3)',
    noChroma: 'This sampling colour is grey: nothing will be keyed. Pick the backdrop’s colour.',
    defaults: 'Reset to §1.3.3 defaults',
    invalid: 'Not applied: {{message}}',
  },
  save: {
    saving: 'Saving…',
    saved: 'Saved with shoot “{{shoot}}”: new takes get these parameters.',
    local: 'No shoot selected: the parameters are kept in this browser only.',
    failed: 'Could not save: {{message}}',
    fileProblem: 'The saved parameters could not be read ({{message}}); the defaults are shown.',
  },
  copy: {
    heading: 'Copy and paste parameters',
    copy: 'Copy parameters',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The clipboard is not available here: select the text below and copy it.',
    paste: 'Paste parameters',
    pastePlaceholder: 'Paste the parameters from the platform (“Copy Parameters”, §1.3.3) here.',
    apply: 'Apply pasted parameters',
    applied: 'Pasted parameters applied.',
    errors: 'Not applied — fix these and try again:',
    issue: {
      'not-json': 'This is not JSON: {{message}}',
      'not-object': 'Expected a JSON object like the one in §1.3.3.',
      missing: '{{key}} is missing.',
      'unknown-key': 'Unknown key {{key}}: §1.3.3 does not have it (check the spelling).',
      'wrong-type': '{{key}} has the wrong type: {{got}}.',
      'not-integer': '{{key}} must be a whole number from {{min}} to {{max}}, not {{got}}.',
      'out-of-range': '{{key}} must be between {{min}} and {{max}}, not {{got}}.',
      'wrong-length': '{{key}} must have exactly three values, B,G,R: {{got}}.',
      order: '{{key}} must be lower than greenParamsRefinethHBgr.',
    },
  },
  findings: {
    heading: 'Backdrop check (§1.2.4)',
    analyse: 'Check now',
    none: 'No backdrop problems found in this picture.',
    notScreen: 'No green or blue backdrop keys out in this picture: only the frame edges are checked.',
    count: '{{n}} finding(s)',
    severity: { error: 'error', warn: 'warning', info: 'note' },
    rule: {
      key: {
        'backdrop-uneven': 'Backdrop not one even shade',
        'non-backdrop-edge': 'Bar or border at the frame edge',
        spill: 'Green spill on the subject',
        holes: 'Holes in the subject',
        'distance-hint': 'Model too close to the screen?',
      },
    },
    edge: { top: 'top', bottom: 'bottom', left: 'left', right: 'right' },
    /** By rule and kind; the action follows. */
    finding: {
      key: {
        'non-backdrop-edge': {
          'black-bar': 'A black bar {{px}} px wide along the {{edge}} edge: it is not backdrop and stays in the picture.',
          'color-bar': 'A non-green bar {{px}} px wide along the {{edge}} edge: it is not backdrop and stays in the picture.',
          thin: 'A {{px}}-px dark border along the {{edge}} edge (hard to see, shows up when compositing).',
          action: 'Crop it away or export again without it (check the editing software’s frame size).',
        },
        'backdrop-uneven': {
          dark: '{{percent}}% of the backdrop is much darker than the rest: folds, creases or shadows (e.g. between the feet).',
          shade: '{{percent}}% of the backdrop is a different shade of green: use one shade only.',
          unkeyed: '{{percent}}% of the backdrop does not key out fully: unevenly lit or washed out.',
          action: 'Smooth the backdrop and light it (and the floor by the feet) evenly; one backdrop, one shade.',
        },
        holes: {
          keyed: 'Parts of the subject key out ({{percent}}% of the picture): green shows through or is reflected (glasses, phone screen, shiny shoes, jewellery) or the clothes are green.',
          partial: 'Parts of the subject are partly transparent ({{percent}}% of the picture): green reflection or spill.',
          action: 'Remove transparent, shiny or green things from the subject; change the light so no green is reflected.',
        },
        spill: {
          edge: 'Green cast on {{percent}}% of the subject’s outline (hair, shoulders, edges).',
          action: 'Move the subject away from the backdrop, add back light; the green removal level takes out the rest.',
        },
        'distance-hint': {
          distance: 'Spill this strong ({{percent}}% of the outline) suggests the model is closer than {{metres}} m to the screen (§1.2.2).',
          action: 'Place the model at least {{metres}} m in front of the screen.',
        },
      },
    },
  },
};
