/**
 * The collection standard (../shared/seed/collection-standards.md) as data. Every duration, rate and
 * threshold the app enforces lives here once, with the section it comes from. Nothing else in the
 * code base may restate these numbers.
 */

/** §1.2.2 "Record at 1080×1920 resolution, 25fps, in portrait mode"; §1.1.2 recommends portrait. */
export const CAPTURE_FORMAT = {
  section: '§1.2.2',
  width: 1080,
  height: 1920,
  fps: 25,
} as const;

/** §1.2.5 / §7.1 "FPS requirement: 25fps": the delivery file is exactly 25/1 constant frame rate. */
export const DELIVERY_FPS = { section: '§7.1', num: 25, den: 1 } as const;

/** One frame at the delivery rate; phase markers and action times are multiples of it (§5.3). */
export const FRAME_SECONDS = DELIVERY_FPS.den / DELIVERY_FPS.num;

/** §1.2.5 / §7.1 "Format requirement: MP4; MOV format is not supported." */
export const DELIVERY_CONTAINER = { section: '§7.1', container: 'mp4' } as const;

/**
 * §1.2.5 / §7.1 "1080P is recommended; 4K is supported". Measured on the short side so that
 * portrait and landscape are treated alike (§7.1: landscape is also supported).
 */
export const DELIVERY_RESOLUTIONS = {
  section: '§7.1',
  shortSides: [1080, 2160] as readonly number[],
} as const;

/**
 * Audio of the delivery file. The standard asks for clear, synchronised on-site audio (§1.2.2) but
 * names no rate; 48 kHz AAC is the video-production norm and what the platform's MP4 expects.
 */
export const DELIVERY_AUDIO = { section: '§1.2.2', codec: 'aac', sampleRate: 48_000 } as const;

/**
 * Recording quality, chosen so the delivery encode cannot be spoiled by the capture (DESIGN.md:
 * ≥ 20 Mbit/s at 1080×1920). Not from the standard: an engineering floor.
 */
export const RECORDING_VIDEO_BITS_PER_SECOND = 20_000_000;
export const RECORDING_AUDIO_BITS_PER_SECOND = 256_000;

/** How often the renderer hands recorded media to main: at least once a second (crash safety). */
export const RECORDING_CHUNK_MS = 1000;

/** Frame-rate tolerance when deciding that a stream "is" 25 fps or that r and avg rates differ. */
export const FPS_TOLERANCE = 0.01;

// ─── Shoot presets and the phases of a take (issue #4) ─────────────────────────────────────────

/** §1.2.1 / §7.3: "The first 30 seconds … are for silent footage"; lips closed throughout. */
export const SILENT_SEGMENT_SECONDS = { section: '§1.2.1', seconds: 30 } as const;

/** §1.2.2: after a flub the model closes the mouth for 2–3 s, then goes on. */
export const FLUB_PAUSE_SECONDS = { section: '§1.2.2', min: 2, max: 3 } as const;

/** §2.1: default pose → action → default pose within 10 s (Premium). */
export const PREMIUM_ACTION_MAX_SECONDS = { section: '§2.1', seconds: 10 } as const;

/** §3.2: motion video: actions within 10 s, about 3 s recommended; idle within 3 min. */
export const MOTION_ACTION_SECONDS = { section: '§3.2', recommended: 3, max: 10 } as const;
export const MOTION_IDLE_MAX_SECONDS = { section: '§3.2', seconds: 180 } as const;
/** §5.3: "Action 1 must be the idle time segment … a 30-second segment is recommended." */
export const MOTION_IDLE_RECOMMENDED_SECONDS = { section: '§5.3', seconds: 30 } as const;

export type PresetId =
  | 'quick'
  | 'standard-short'
  | 'standard-live'
  | 'premium'
  | 'motion-lip'
  | 'motion-actions'
  | 'multi-primary'
  | 'multi-aux';

/** What a take of a preset consists of, in order. Durations in seconds. */
export type PhasePlan =
  | { kind: 'silent'; seconds: number; section: string }
  | { kind: 'narration'; targetSeconds: number; minSeconds: number; maxSeconds: number; section: string }
  | { kind: 'idle'; targetSeconds: number; maxSeconds: number; section: string }
  | { kind: 'actions'; actionSeconds: number; actionMaxSeconds: number; section: string };

export interface ShootPreset {
  id: PresetId;
  /** §5.3 model type on the platform. */
  modelType: 'quick' | 'standard' | 'premium' | 'motion' | 'multi';
  phases: PhasePlan[];
  /** Premium / motion: markers for actions and returns to the default (idle) pose are offered. */
  actionMarkers: boolean;
  /** Green-screen segmentation allowed on the platform (§5.3: not for Quick). */
  greenScreen: boolean;
  section: string;
}

const silent: PhasePlan = { kind: 'silent', seconds: SILENT_SEGMENT_SECONDS.seconds, section: SILENT_SEGMENT_SECONDS.section };

/** The presets of §1–§4 and §5.3. */
export const SHOOT_PRESETS: Record<PresetId, ShootPreset> = {
  // §5.3 "Quick Digital Human: real-scene … cannot use green screen segmentation"; recorded as §1.
  quick: {
    id: 'quick',
    modelType: 'quick',
    phases: [silent, { kind: 'narration', targetSeconds: 300, minSeconds: 300, maxSeconds: 600, section: '§1.2.1' }],
    actionMarkers: false,
    greenScreen: false,
    section: '§1.2.1, §5.3',
  },
  // §1.2.1 "for digital humans used only in short video production, 5 minutes of narration … is sufficient"
  'standard-short': {
    id: 'standard-short',
    modelType: 'standard',
    phases: [silent, { kind: 'narration', targetSeconds: 300, minSeconds: 300, maxSeconds: 600, section: '§1.2.1' }],
    actionMarkers: false,
    greenScreen: true,
    section: '§1.2.1',
  },
  // §1.2.1 "for digital humans used in live streaming … 20–30 minutes recommended"
  'standard-live': {
    id: 'standard-live',
    modelType: 'standard',
    phases: [silent, { kind: 'narration', targetSeconds: 1500, minSeconds: 1200, maxSeconds: 1800, section: '§1.2.1' }],
    actionMarkers: false,
    greenScreen: true,
    section: '§1.2.1',
  },
  // §2.1 "30 seconds of silent footage, followed by approximately 4.5 minutes of narration"
  premium: {
    id: 'premium',
    modelType: 'premium',
    phases: [silent, { kind: 'narration', targetSeconds: 270, minSeconds: 240, maxSeconds: 330, section: '§2.1' }],
    actionMarkers: true,
    greenScreen: true,
    section: '§2.1',
  },
  // §3.1 "a duration of 3.5 minutes, with the first 30 seconds in silent … and 3 minutes in speaking"
  'motion-lip': {
    id: 'motion-lip',
    modelType: 'motion',
    phases: [silent, { kind: 'narration', targetSeconds: 180, minSeconds: 180, maxSeconds: 240, section: '§3.1' }],
    actionMarkers: false,
    greenScreen: true,
    section: '§3.1',
  },
  // §3.2 the motion editing video: idle, then actions of ≈3 s (≤10 s), each from and back to idle
  'motion-actions': {
    id: 'motion-actions',
    modelType: 'motion',
    phases: [
      {
        kind: 'idle',
        targetSeconds: MOTION_IDLE_RECOMMENDED_SECONDS.seconds,
        maxSeconds: MOTION_IDLE_MAX_SECONDS.seconds,
        section: '§3.2, §5.3',
      },
      {
        kind: 'actions',
        actionSeconds: MOTION_ACTION_SECONDS.recommended,
        actionMaxSeconds: MOTION_ACTION_SECONDS.max,
        section: MOTION_ACTION_SECONDS.section,
      },
    ],
    actionMarkers: true,
    greenScreen: true,
    section: '§3.2',
  },
  // §4.1 primary: "30 seconds silent followed by 4.5 minutes speaking"
  'multi-primary': {
    id: 'multi-primary',
    modelType: 'multi',
    phases: [silent, { kind: 'narration', targetSeconds: 270, minSeconds: 240, maxSeconds: 330, section: '§4.1' }],
    actionMarkers: false,
    greenScreen: true,
    section: '§4.1',
  },
  // §4.1 auxiliary: "No 30-second silent segment needed … total length of 3–4 minutes"
  'multi-aux': {
    id: 'multi-aux',
    modelType: 'multi',
    phases: [{ kind: 'narration', targetSeconds: 210, minSeconds: 180, maxSeconds: 240, section: '§4.1' }],
    actionMarkers: false,
    greenScreen: true,
    section: '§4.1',
  },
};

export const PRESET_IDS = Object.keys(SHOOT_PRESETS) as PresetId[];

/** The pre-shoot checklist of §1.1 and §1.2.2; the texts are in the locale files under checklist.<id>. */
export const PRESHOOT_CHECKLIST = [
  { id: 'quiet-set', section: '§1.1.1, §1.2.2' },
  { id: 'clean-background', section: '§1.1.1' },
  { id: 'even-lighting', section: '§1.1.1, §1.2.2' },
  { id: 'green-screen-distance', section: '§1.2.2' },
  { id: 'mic-placement', section: '§1.1.2, §1.2.2' },
  { id: 'makeup-props', section: '§1.1.3' },
  { id: 'framing', section: '§1.2.2' },
  { id: 'camera-format', section: '§1.2.2' },
] as const;
export type ChecklistId = (typeof PRESHOOT_CHECKLIST)[number]['id'];

/** Recording stops itself when the disk has less than this many seconds of recording left. */
export const DISK_STOP_SECONDS_LEFT = 10;
/** §-free engineering: warn the operator while recording when less than 2 minutes of space remain. */
export const DISK_WARN_SECONDS_LEFT = 120;
/**
 * Crash safety: chunks reach disk every second (RECORDING_CHUNK_MS) and a recovered take may lose
 * at most this much of its end.
 */
export const RECOVERY_MAX_LOSS_SECONDS = 2;

/**
 * §1.3.3 "Copy Parameters": the platform's seven green-screen parameters with the defaults exactly
 * as the standard prints them (key order, nesting and number types included). What each one means
 * and how the keyer reads it: src/shared/green-params.ts.
 */
export const GREEN_PARAMS_SECTION = '§1.3.3';
export const GREEN_PARAMS_DEFAULTS = {
  greenParamsRefinethHBgr: 160,
  greenParamsRefinethLBgr: 40,
  greenParamsBlurKs: 3,
  greenParamsColorbalance: 100,
  greenParamsSpillByalpha: 0.5,
  greenParamsSamplePointBgr: [0, 255, 0],
  greenParamsSampleBackground: { color: [255, 0, 0] },
} as const;

/** §5.3 "Default is green; blue (RGB: 0,0,255) can also be used": the blue key in B,G,R order. */
export const BLUE_SCREEN_SAMPLE_BGR = { section: '§5.3', bgr: [255, 0, 0] } as const;

/**
 * §5.3 "set this value lower (145, 130, 120, 100, 80, 60 …)" and "(30, 20, 10 …)": the steps the
 * standard suggests for background retention and character edge retention width (slider marks).
 */
export const REFINE_H_SUGGESTED = { section: '§5.3', values: [145, 130, 120, 100, 80, 60] } as const;
export const REFINE_L_SUGGESTED = { section: '§5.3', values: [30, 20, 10] } as const;

/** §1.2.2 "the model should be at least 2m away from the green screen to avoid green spill". */
export const GREEN_SCREEN_MIN_DISTANCE = { section: '§1.2.2', metres: 2 } as const;

/**
 * Backdrop analysis of a keyed frame (§1.2.4 and its error examples). The standard gives the
 * problems, not numbers: these are engineering thresholds, chosen from what each problem does to the
 * matte, not fitted to any clip. Shares are of the analysed picture area; 8-bit colour values.
 */
export const KEYING_CHECKS = {
  section: '§1.2.4',
  /** A frame is a keyed (green/blue) screen when this share keys out and touches the border. */
  backdrop: { minKeyedShare: 0.05, minBorderKeyedShare: 0.2 },
  /**
   * Bars and borders at the frame edges: a band is a bar when each of its lines is one flat colour
   * (this share of pixels within the tolerance of its median) and it ends within maxDepthShare of
   * the dimension (letterboxing a 16:9 picture into 9:16 leaves ~34% bars); outside a keyed screen
   * only near-black bands count (uniform content is common in real rooms, black bars are not).
   * A thin border (1–3 px, often smeared by the codec) is a line darker than the picture just
   * inside it along the whole edge. A bar ends at a straight boundary: boundaryShare of the first
   * line inside differs from it (a dark garment that fills the bottom edge has no such boundary).
   */
  edge: {
    uniformTolerance: 24,
    uniformShare: 0.9,
    boundaryShare: 0.5,
    maxDepthShare: 0.35,
    blackLuma: 40,
    thinMaxPx: 3,
    thinDarkerRatio: 0.75,
    thinShare: 0.9,
    thinJudgeShare: 0.25,
  },
  /**
   * One even shade: backdrop darker than darkRatio × its median (folds, shadows between the feet),
   * a hue further than shadeHueDeg from the median (a second green), or backdrop that does not key
   * out fully (alpha above unkeyedAlpha). Reported from minTotalShare of the backdrop on.
   */
  uneven: { darkRatio: 0.6, shadeHueDeg: 12, unkeyedAlpha: 0.1, minRegionShare: 0.002, minTotalShare: 0.02 },
  /**
   * Subject pixels that key out: enclosed keyed regions whose shade differs from the backdrop's
   * (a gap between arm and body shows the backdrop's own shade and is not a hole), and partly
   * transparent subject areas away from its outline. Errors from errorShare of the picture.
   */
  holes: { minRegionShare: 0.0005, sameShadeValue: 0.15, sameShadeHueDeg: 8, errorShare: 0.005 },
  /**
   * Green cast near the subject's outline: key-hue excess over the other channels, relative to
   * brightness, above castRatio on edgeShare of the outline band's reasonably bright pixels (dark
   * hair blended with the backdrop looks green whatever the light does), and twice as common there
   * as inside (a green garment is a hole, not spill). Spill on more than strongShare of the outline
   * suggests the model stands too close to the screen (§1.2.2).
   */
  spill: { castRatio: 0.06, edgeShare: 0.15, strongShare: 0.35 },
} as const;

// ─── Live face and lip monitor (issue #5) ──────────────────────────────────────────────────────
// Used by src/shared/vision/analysis.ts, live (vision worker + overlay) and offline alike.

/** §1.2.5 / §7.4 "Missing face: Ensure every frame has a visible face": one analysed frame is enough. */
export const FACE_MISSING = { section: '§1.2.5' } as const;

/** §1.2.5 / §7.4 "Ensure no frame contains two faces (… a face on a poster …)". */
export const FACE_MULTIPLE = { section: '§1.2.5', maxFaces: 1 } as const;

/**
 * §1.2.5 / §7.4 "Face angles should be within 30°. Large angles (45° or more) … have a certain
 * probability of failure". The angle is the largest of |yaw|, |pitch| and |roll| from the face
 * landmarker's transformation matrix: warn above 30°, error from 45°.
 */
export const FACE_ANGLE = { section: '§1.2.5', warnAboveDeg: 30, errorFromDeg: 45 } as const;

/**
 * §1.2.2 "keep the model's body and gestures within the video frame" and §1.2.5 (a face in every
 * frame). Cut: the face outline (landmarks) reaches past a frame edge. Small: the face outline is
 * shorter than minHeightShare of the frame height. MediaPipe's short-range face detector finds a
 * face from scratch only from about a tenth of the frame height at the 720-px analysis size
 * (talking-3.mp4 shrunk inside a 1080×1920 frame: found at 11.9 %, missed at 8.3 %; once found,
 * tracking holds it down to 3 %, but a face lost for a frame is not found again). So 12 % warns
 * before a lost face can no longer come back; a portrait half-body framing puts the face at 15–25 %.
 */
export const FACE_FRAMING = { section: '§1.2.2', minHeightShare: 0.12 } as const;

/**
 * §1.2.1 / §1.2.2 lips closed "with no gap". Measured as the inner-lip gap (landmarks 13–14)
 * divided by the eye-corner distance (33–263), in image pixels. Calibrated on driving-d18.mp4 with
 * hand labels (test/fixtures/d18-lips-labels.json): closed frames measure ≤ 0.0094 (pressed or
 * pursed lips included), the slightest visible gap 0.0133; open from 0.012. jawOpen is kept as a
 * measurement but does not decide: with the lips pressed together it reaches 0.46 on d18.
 */
export const LIPS_GAP = { section: '§1.2.2', openFrom: 0.012 } as const;

/**
 * §1.2.2 "Confirm that the model's face has uniform lighting with no strong shadows" (and §1.1.1
 * "ensure overall uniform illumination"). Not a threshold of the standard's: the face is too dark
 * when the lip checks cannot judge the lips for want of light — the cheeks darker than
 * LIPS_OCCLUDED.minSkinLuma, or the lip ring mostly crushed to black under cheeks darker than
 * LIPS_OCCLUDED.crushedSkinLuma (round 8: held-out I's dimmed d20) — for longer than minSeconds.
 * Then nothing can tell whether something covers the lips, and a check that stays silent would
 * pass a take it never saw (round 9). A dip shorter than minSeconds (a light flickering, a turn into
 * a shadow) is not worth a finding.
 */
export const FACE_DARK = { section: '§1.2.2', minSeconds: 1 } as const;

/** §1.2.1 "lips must remain closed throughout the 30-second silent segment": open for more than 3 frames. */
export const LIPS_OPEN_IN_SILENCE = { section: '§1.2.1', maxOpenFrames: 3 } as const;

/** §1.2.2 "avoid situations where the mouth is 'open but no sound is produced'": more than 1 s. */
export const LIPS_OPEN_NO_VOICE = { section: '§1.2.2', maxSeconds: 1 } as const;

/**
 * §1.2.5 "No frame should have hands or other objects obstructing the lip area", §7.4 glasses near
 * the lips. A colour check of the lip ring (between the outer and inner lip contour) against two
 * cheek patches, in (R−G)/(R+G+B) "redness" and luma:
 *  - grey or dark things (a microphone, a glasses frame): more than maxGreyShare of the ring darker
 *    than darkLuma × the cheeks and no redder than them. 0 % on every frame of eight clean clips
 *    (d18, d20's dark lipstick, d13's glasses …), a microphone head on the lips reaches 3–20 %;
 *  - skin over the lips (a hand): the ring's redness over the cheeks falls below fadeRatio of the
 *    face's own median of its last baselineFrames frames (at least baselineMinFrames of them, with
 *    a median of baselineMinContrast or more; restarted when the face jumps or is lost);
 *  - something darker than the lips and less red over them (round 7: a dark-skinned hand, dark
 *    fingers): the whole ring's redness falls below darkCoverContrast and its luma (as a share of
 *    the cheeks') below darkCoverLuma of the same baseline's medians, at once. Such a hand is
 *    neither grey (it is redder than the cheeks), nor dark (not under darkLuma × the cheeks), nor
 *    skin-coloured against a paler face, and keeps over half the lips' redness: no other test saw
 *    it (held-out F's dark hand over a whole mouth, D's dark fingers). Shadow alone keeps the
 *    redness (a ratio of channels), so it never passes the redness half. On the clean frames of
 *    the development clips and the spent sets A–F (23,849 two-frame runs of 107 clips: grimaces,
 *    toothy smiles, wide-open mouths, turned heads), no run's ring luma fell under 0.91 of its
 *    baseline at all, and none with the redness under 0.8 went under 0.94
 *    (scripts/accuracy/dark-margin.mts prints it). darkCoverLuma 0.85 stays 0.06 under the lowest
 *    clean luma of any kind and 0.09 under the lowest with the redness down too; F's dark hand and
 *    D's dark fingers read 0.71–0.73 of the redness and 0.78–0.79 of the luma;
 *  - something redder than the lips over them (round 8: a red mug rim, a lollipop, red wine, a red
 *    marker; every other test looks for "less red"): the whole ring's redness over the cheeks
 *    reaches redCoverRatio × AND rises redCoverMinRise above the median of this face's last
 *    binMedianOf clear frames with an inner-lip gap within binSimilarGap of now's (of its last
 *    binHistoryFrames; at least baselineMinFrames of them, median ≥ baselineMinContrast). The
 *    similar gap matters: lips pressed shut are redder than parted ones, and against all recent
 *    frames d18's and d14's closed mouths read 1.5× with no occluder. On the clean frames of 41
 *    clips (the nine shared ones, the four development cases, 28 cases of the spent sets G and H:
 *    16 hard controls, the red occluders and other covers outside their episodes; 8,934 judged
 *    two-frame runs), the closest run was d3 pressing her lips together in a frown: 1.60× and
 *    +0.035 (d13: 1.37×, +0.025; all others ≤ 1.24×; scripts/accuracy/perioral-dump.mts); G's red
 *    mug, red wine and lollipop and H's red marker read 3.15× +0.21, 2.56× +0.22, 2.11× +0.053 and
 *    2.00× +0.097. Both limits sit above the frown (1.19× and 1.43× of it);
 *  - skin over part of the lips (fingers at a mouth corner, a blurred hand sweeping across): one
 *    third of the ring along the mouth (`sectors`, at least sectorMinPixels judged) is as red as
 *    the cheeks (contrast ≤ skinSectorMaxContrast) and as bright (luma ≥ skinSectorMinLuma × the
 *    cheeks), on a face watched for baselineMinFrames clear frames. Lips are redder and darker
 *    than the cheeks: on every frame of d3, d13, d14, d18, d20, talking-1/3/4 no third with luma ≥
 *    0.85 had a contrast under 0.019; hamilton's fingers and hand sweep give −0.013…0.001 at luma
 *    0.90–0.97, its closest clear frame 0.007 at 0.99 (frame 175, one frame: not a breach);
 *  - skin laid along one lip (round 10: a finger across the upper lip, corner to corner): one half
 *    of the ring cut along the mouth's axis (`halves`) under the thirds' limits. Each third keeps
 *    the other lip, so no third reads as skin; and held-out J's pale finger came at frame 3, before
 *    the history tests knew the lips, and became "the lips" for them. A lip as red as the cheeks
 *    from corner to corner is no lip, so this test needs no history: judged on this frame alone,
 *    under the pale test's limits (angle, paleMinEyePx: hamilton's 640×360 audience faces, ~40
 *    samples a half, read skin-red on two frames). On the clean frames of 103 replayed clips (all
 *    ten shared ones, hamilton's first 275 frames; the four development cases; 20 of G, 9 of H, all
 *    30 of I and of J) no half went under 0.016 for two frames in a row (a pen under d18's nose; every
 *    other clip ≥ 0.026; scripts/accuracy/halves-margin.mts): over three times skinSectorMaxContrast.
 *    J's pale finger reads −0.003 on all 15 of its frames;
 *  - skin over a slice of the lips (a finger at a corner, across the lips; lip-slices.ts): the ring
 *    in `bins` = 16 slices along the mouth, each against the median of the same slice in this face's
 *    last binMedianOf clear frames whose inner-lip gap is within binSimilarGap of now's (of the last
 *    binHistoryFrames; at least baselineMinFrames of them). A slice is skin when it moved binToSkin
 *    of the way from its own lip colour to the cheeks' in (redness × binRednessWeight, luma share);
 *    binRun = 2 adjacent slices (an eighth of the mouth, narrower than a fingertip at any framing
 *    the standard allows) make a covered frame. Slices whose clear colour is within
 *    binMinLipToSkin of the cheeks (thin corners), with under binMinPixels samples, or on a face
 *    whose eye corners are under binMinEyePx apart (a mouth under ~32 px: under 2 px a slice) are
 *    not judged. Measured (scripts/accuracy/slice-margin.mts, occlusion-replay.mts): on every frame
 *    of d0, d3, d13, d14, d18, d20, talking-1/3/4 the largest 2-slice move is 0.55, but for one
 *    frame of talking-1 (35: turned 16°, pale lips, motion blur) at 0.79, its neighbours 0.55 and
 *    below, so no breach; the patches of the development cases and of the spent held-out sets A
 *    and B move 0.85–1.47 (episode medians) except d13's two (0.11, 0.43: orange forehead skin on
 *    lips barely redder than his cheeks).
 *    Comparing with similar-gap frames matters: against all recent frames a wide-open mouth (d18
 *    126–137) thins its corners to 0.66.
 *  - a hand over the lips, whatever its colour (hand-over-lips.ts): MediaPipe's hand landmarker
 *    (models from the registry's @mediapipe/hands, hand-model/) runs on a square handCropEyes
 *    eye-corner distances wide, centred handCropBelow of them below the mouth: a hand at the mouth
 *    fills it, so the palm detector's 192-px input sees it large (held-out C's d13 with a real hand
 *    over the lips: found in a crop, missed in the whole 720×1280 frame), and the palm of fingers
 *    laid over the mouth sits below it, inside the square (a 4-eye square centred on the mouth cut
 *    the palm of talking-4's hand-over-mouth test off: not found; 6 wide, 1 below: presence 0.97–1.00
 *    on its frames). The square is cut to the frame (hand-crop.ts): on a close-up it is larger than
 *    the picture, and the uncut square shrank the hand with empty border or, over twice the frame,
 *    was not looked at (round 6: held-out E's real hands over d3's and d14's lips, found after E's
 *    measurement). The hand is its palm polygon plus capsules along the
 *    bones handFingerHalfWidth × the knuckle spacing wide (a knuckle spacing is about one finger
 *    width); the lip ring is sampled on a handRingSteps-wide grid. handMinShare = 0.08 of the ring
 *    under a hand covers the frame: one finger across one lip is about a finger width over twice
 *    the mouth width (≈ 0.15), and a landmark a few pixels off at a lip edge stays under it. Not
 *    judged on a face whose eye corners are under handMinEyePx apart (the slice test's limit: a
 *    mouth under ~32 px, where a hand landmark a few pixels off is a tenth of the mouth): held-out
 *    E's small face (d20 at 192 px, eye corners ~45 px apart) got a hand the landmarker imagined
 *    at the mouth for 2 frames with no hand in the picture (found after E's one measurement). The
 *    standard's framing (§1.2.4, face.small-or-cut) keeps real takes far above it.
 *  - something pale over the lips (round 6, measureLipRing in analysis.ts): more than paleMinShare
 *    of the ring's outer half (outside mouthBand) teeth-coloured covers the frame. Teeth are left
 *    out of every colour test, so a white cup rim, a sheet, a white phone or a pale hand read as
 *    "teeth" and were never judged; but teeth show through the mouth opening, next to the inner
 *    contour, and the outer half is lip. On every clean frame of the development clips and of the
 *    spent held-out sets A–E (bared-teeth smiles and grimaces, a wide "O", toothy talking) the
 *    outer half is at most 0.11 teeth-coloured on one frame and 0.06 over two in a row (d3's
 *    glossy lower lip); the white occluders of C and E read 0.26–0.62 and a pale real hand
 *    0.15–0.6. paleMinShare = 0.15 is over twice the clean two-frame top, and about a finger's
 *    width across both lips. Judged on this frame alone, also when so little lip is left that the
 *    other colour tests have no answer (a sheet over the whole mouth), with their angle limit and
 *    the slice test's small-face limit (paleMinEyePx).
 *  - something yellow, yellow-orange or green over the lips (round 9, measureLipRing: a pencil held
 *    like a bit, a green bottle; held-out I's yellow pencil was seen by no other test): more than
 *    yellowMinShare of the ring is pixels whose (G−B)/(R+G+B) is yellowAboveSkin above the cheeks'
 *    and whose redness (R−G)/(R+G+B) is no more than yellowMaxRedder above theirs. Skin and lips
 *    have G and B close, the lips less far apart than the cheeks; a red lip or lipstick that is
 *    yellower than the cheeks (coral, orange, a saturated red whose blue is crushed) is far redder
 *    than them, so the redness limit keeps every lipstick out. Both are ratios of the same pixel's
 *    channels against the same frame's cheeks: a warm or cool light or grade moves both alike.
 *    Pixels darker than hueMinMean (mean channel) have too little colour to tell. Judged on
 *    this frame alone, no history: a cover present from the take's first frame is found too. On
 *    every clean frame of 72 clips (the nine shared ones, the development cases, the spent sets
 *    G, H and I with their hard controls: a warm saturated grade, a red tint, a dimmed
 *    desaturated picture, red lipstick, toothy smiles; scripts/accuracy/hue-margin.mts) not one
 *    ring pixel is yellow on two frames in a row (exploring with the limit at 0.08 instead of 0.10,
 *    0.005 of the ring was); I's yellow pencil reads 0.37, its green bottle 0.38 and G's yellow
 *    sticky note 0.29 (episode medians). yellowMinShare 0.05 is an eighth of the pencil: about a
 *    straw's width across both lips. Under the pale test's limits (angle, paleMinEyePx). A yellow
 *    pixel is never taken for teeth or the mouth interior (teeth are less yellow than skin).
 *  - one blue or violet thing over the lips and the skin around them (round 9: a scarf pulled up
 *    over the mouth, a mask; held-out I's purple scarf, there from the first frame, was seen by no
 *    other test): at least blueMinShare of the lip ring AND of the skin band just outside it
 *    (blueBandEyes eye distances wide) is pixels whose (G−B)/(R+G+B) is blueBelowSkin under the
 *    cheeks' (and not darker than hueMinMean). A violet or plum lipstick is as blue but stays
 *    on the lips, and such a scarf is redder than pale cheeks, so no redness limit can tell it:
 *    the band does. Judged on this frame alone. On every clean frame of the 72 clips of the yellow
 *    test the smaller share reached 0.008 over two frames in a row with the band looked at on every
 *    frame (I's warm saturated grade; as the test runs, 0 on all of them: the ring never reaches
 *    blueMinShare on a clean frame, so the band is never looked at); I's
 *    purple scarf reads 0.88 and its dark red apple in a bite 0.48 (episode medians). blueMinShare
 *    0.25 is 30× the clean top. Under the pale test's limits (angle, paleMinEyePx); the band is
 *    sampled only when the ring alone reaches blueMinShare (no cost on a clear frame).
 *  - the hand landmarker's own confidence: handMinConfidence for both the palm detection and the
 *    hand's presence. At the default 0.5 it imagined a hand over all of d13's toothy smile (frames
 *    315–316 of a re-encoded copy: a false breach); 0.8 also lost real hands (held-out E's hand at
 *    60 % opacity, its spread fingers); at 0.65 d13 has no hand and both of those have theirs.
 * The skin every colour test compares the lips with is the mean of two cheek patches (CHEEK_PATCH
 * in analysis.ts), leaving out pixels further than cheekPixelGap in (redness, (G−B)/(R+G+B)) from
 * the median of both patches' pixels (round 10): held-out K's red phone held to one cheek (no
 * cover at the mouth) made "skin" red, the lips read pale and skin-red, a false breach of 0.4 s.
 * On 93 of 103 other replayed clips not one pixel is ever left out (the reference is the old
 * mean); on the other 10 (hair or a mug over a cheek, the noise of a dimmed, desaturated or
 * warm-graded picture, hamilton's stage light) at most 17 % of them (scripts/accuracy/
 * cheek-margin.mts). No clip found an episode more or fewer, none got a false breach (the phone's
 * is gone), and the halves and hue margins did not move; I's deep-brown hand's finding gained a
 * 3-frame gap inside its episode. The phone's pixels lie 0.35 from the skin; clean
 * cheeks differ by up to 0.18 between the two patches, so no limit on that difference could tell
 * a phone half over one patch (0.11–0.20), and the median of all pixels alone (not the mean of the
 * kept ones) moved marginal cases elsewhere (a new false breach on hamilton and on J's red wine).
 * A hand of skin colour over a whole cheek patch keeps every pixel (round 13: held-out O's knuckles
 * scratching beside the nose, that patch's redness 0.08 → 0.16 and luma 183 → 97, 2.1 s of false
 * error from the history tests against lips that had not changed). cheek-watch.ts: when one
 * patch's luma, against its own median over this face's recent clear frames, moves cheekSideRatio
 * (1.5×) more than the other's, and the ring's own mean redness and luma (against no cheek) are
 * within cheekLipsStillRg and cheekLipsStillLuma of their median in those frames, the history
 * tests and "skin along a lip" call the lips covered only if they do so against the mean and
 * against each cheek alone, carried by its offset to the mean in those frames. Such frames do not
 * join the cheeks' history. This can only clear a frame, and only one whose lips kept their look.
 * On the knuckles the ring's own luma stayed within 0.975–0.998 of its median and its redness
 * within −0.010…+0.019. Covers that also lay over a cheek moved it: I's deep-brown hand over half
 * the mouth 0.79–0.82, J's dark hair lock 0.82–0.92 (−0.055…−0.006 in redness). Without the lips'
 * own test the replay lost the hand and most of the hair. 1.5× is where the knuckles lay (0.53
 * against the other patch's 1.01).
 * The tests against the face's own history (fade, dark, red, skin thirds, slices) learn from clear
 * frames only, so a cover there from the take's first frame becomes "the lips" and the bare lips
 * after it read as covered for ever (round 9: held-out J's red cloth over the mouth for the first
 * 0.5 s gave an error to the clip's end, 6 s). A cover seen by those tests alone (not by the grey,
 * pale, hue or hand tests, which need no history) for relearnAfterSec is taken as the face's look
 * now and the history starts again: such an error lasts at most 2 s past the real cover. 2 s is
 * longer than every labelled episode of the development clips and sets A–J (≤ 1.4 s); on the
 * replayed clips (scripts/accuracy/occlusion-replay.mts) it shortened no labelled episode's
 * breach, and at 1 s neither; J's red cloth now ends 2 s after it left. A real cover seen only
 * against the history and held longer than that keeps its error from its first frame; its end is
 * then reported early. A cover the tests never saw (round 11: held-out K's watermelon, as red as
 * the lips and held still for 1.4 s) joins the history the same way, and the bare lips after it
 * read as covered (1 s of error). So on the first frame the history tests call covered, every test
 * that fires is asked again against the clear frames before the last baselineFrames; when all of
 * them can judge and call the lips clear, the recent frames were the stranger: they are forgotten
 * and the frame is clear. Asked on the first minFrames such frames only — within a real cover
 * older lips are no witness (asked on every frame, J's red wine sip lost a third of its episode to
 * older, redder lips). On the replay of 133 clips it removed the watermelon's false breach and
 * changed nothing else; a cover there from the first frame has no older frames and keeps the limit
 * above. Round 11 asked on the first frame only; held-out N's red wine glass (round 12) showed why
 * one is not enough: that frame was the glass leaving, rightly called covered by the older frames
 * too, and the bare lips after it, never asked, kept 1.97 s of error. Asked on the first two (a
 * breach needs two), N's after-glass breach went and nothing else moved on the replay of 195 clips.
 * The colour tests are not judged with the face turned beyond FACE_ANGLE.warnAboveDeg (the far
 * cheek and lip corner leave the picture; face.angle already warns); the hand test is. Landmark visibility cannot help: the face mesh
 * gives none (visibility 0 on every landmark) and
 * keeps drawing plausible lips behind a hand. Measured on short_hamilton_clip.mp4 against hand
 * labels (test/fixtures/hamilton-occlusion-labels.json) and `npm run accuracy` (README Accuracy).
 * The mouth is no occluder (issue #14): ring pixels that are teeth (luma ≥ teethLuma × the cheeks'
 * and redness teethRgBelowSkin under them) or dark pixels in the inner mouthBand of the ring (the
 * mouth interior where the inner contour sits inside the real opening) are left out. Cheeks darker
 * than minSkinLuma (a black frame, a monitor restarting): not judged — unknown is never a breach.
 * Nor is a picture so dark that over crushedRingShare of the ring has no colour left (R+G+B < 24)
 * while the cheeks are darker than crushedSkinLuma (round 8, found by held-out I's dimmed and
 * desaturated d20 after its one measurement: lips crushed to RGB 0–16, 0, 0 under cheeks of luma
 * 17–45 read as a grey object on every frame): such lips cannot be told from a black thing. A black
 * microphone on a face lit well enough to judge leaves the cheeks far brighter. A crushed pixel
 * has no colour left to call it grey, so it counts as grey only when over crushedRingShare of the
 * ring is crushed under cheeks lit over crushedSkinLuma (a black thing over the lips; round 12,
 * found by held-out M's underexposed, desaturated, grainy d13 after its one measurement: under
 * cheeks of luma 77–86 the folds of both mouth corners, within a tenth of the mouth's width of
 * them, crushed to black on 2–2.7 % of the ring, and four false breaches called them a
 * microphone). On the replay of 194 clips (the shared ones, the development cases, all of I–M,
 * part of G and H) no episode was found by crushed grey pixels; only those four breaches changed.
 * Still open (held-out N, round 12): under a dim, cool grade the upper lip in the nose's shadow
 * falls under darkLuma × the cheeks and, its shadows graded bluish, is no redder than them: it
 * reads as a grey thing on 2–20 % of the ring (N's dimmed d3 and cool-graded talking-4).
 * A breach needs minFrames = 2 consecutive covered frames (0.08 s at 25 fps, 0.067 s at 30). §1.2.5
 * says no frame may have a hand over the lips, and a lip-sync model learns from windows of 5
 * frames (SyncNet/Wav2Lip: 0.2 s at 25 fps): a 2-frame hand sweep spoils the windows it falls in,
 * so it must be found (hamilton 141–142). One frame alone is not enough evidence: over 2,361
 * analysed frames of nine shared clips the only single-frame reading is hamilton 175 (clear by the
 * hand labels: the whole ring faded for one frame of motion), and every labelled episode lasts ≥ 2
 * frames. The finding starts at the first covered frame.
 */
export const LIPS_OCCLUDED = {
  section: '§1.2.5',
  darkLuma: 0.45,
  maxGreyShare: 0.015,
  fadeRatio: 0.4,
  darkCoverContrast: 0.8,
  darkCoverLuma: 0.85,
  redCoverRatio: 1.9,
  redCoverMinRise: 0.05,
  baselineFrames: 45,
  baselineMinFrames: 8,
  baselineMinContrast: 0.02,
  minFrames: 2,
  minSkinLuma: 16,
  crushedRingShare: 0.5,
  crushedSkinLuma: 64,
  teethLuma: 0.9,
  teethRgBelowSkin: 0.04,
  mouthBand: 0.5,
  sectors: 3,
  sectorMinPixels: 8,
  skinSectorMaxContrast: 0.005,
  skinSectorMinLuma: 0.85,
  bins: 16,
  binRun: 2,
  binToSkin: 0.7,
  binRednessWeight: 3,
  binMinLipToSkin: 0.15,
  binMinPixels: 3,
  binMinEyePx: 64,
  binHistoryFrames: 150,
  binMedianOf: 45,
  binSimilarGap: 0.08,
  handCropEyes: 6,
  handCropBelow: 1,
  handFingerHalfWidth: 0.4,
  handRingSteps: 24,
  handMinShare: 0.08,
  handMinEyePx: 64,
  handMinConfidence: 0.65,
  paleMinShare: 0.15,
  paleMinEyePx: 64,
  yellowAboveSkin: 0.1,
  yellowMaxRedder: 0.05,
  hueMinMean: 40,
  yellowMinShare: 0.05,
  blueBelowSkin: 0.12,
  blueBandEyes: 0.06,
  blueMinShare: 0.25,
  relearnAfterSec: 2,
  cheekPixelGap: 0.3,
  cheekSideRatio: 1.5,
  cheekLipsStillRg: 0.03,
  cheekLipsStillLuma: 1.05,
} as const;

/**
 * Speech in the microphone signal for lips.open-no-voice (§1.2.2). Not from the standard: a simple
 * energy VAD on an AnalyserNode (src/shared/vision/speech.ts): RMS in dBFS over 50-ms windows;
 * speech when a window is marginDb above the noise floor (the floorPercentile of the last
 * floorSeconds, at most maxFloorDbfs) and above minDbfs; held for hangoverMs after the last loud
 * window so the gaps between syllables do not count as silence. On jfk.wav (room tone ≈ −41 dBFS,
 * speech −8…−20 dBFS) it finds the phrases and the pauses between them.
 */
export const SPEECH_VAD = {
  section: '§1.2.2',
  windowMs: 50,
  marginDb: 12,
  minDbfs: -50,
  floorSeconds: 10,
  floorPercentile: 0.1,
  maxFloorDbfs: -30,
  hangoverMs: 300,
} as const;

/**
 * The Record screen's audio meter (issue #13; §1.2.2 "confirm that the captured audio is clear").
 * Engineering numbers, not the platform's: the scale runs from floorDb to 0 dBFS (OBS-style zones:
 * green below yellowDb, yellow below redDb, red above); a peak at or above clipDbfs counts as
 * clipping (EBU R128's −1 dBTP ceiling) and the clip lamp holds for clipHoldMs; the peak-hold tick
 * holds peakHoldMs then falls at fallDbPerSecond. "Too quiet" means the loudest peak of the last
 * quietWindowMs stayed under quietPeakDbfs: a muted, unplugged or far-away microphone (room tone at
 * a sane gain peaks well above it, so the silent phase does not trip it). Levels every updateMs.
 */
export const AUDIO_METER = {
  section: '§1.2.2',
  floorDb: -60,
  yellowDb: -20,
  redDb: -9,
  clipDbfs: -1,
  clipHoldMs: 2000,
  peakHoldMs: 1500,
  fallDbPerSecond: 20,
  quietWindowMs: 5000,
  quietPeakDbfs: -40,
  updateMs: 50,
} as const;

/**
 * §1.2.2 "25fps": the frames the recorder really gets, measured live while a take records. The
 * rate over the last windowSeconds below minFps (more than one frame a second short of 25) warns
 * at once; a whole take below it is marked belowStandard in take.json. Frames "dropped" are those
 * short of CAPTURE_FORMAT.fps over the take's time.
 */
export const DELIVERED_FPS = { section: '§1.2.2', minFps: CAPTURE_FORMAT.fps - 1, windowSeconds: 2, updateMs: 500 } as const;

/**
 * The live analysis itself (engineering, not the standard): frames are scaled to at most maxSide
 * pixels on their long side before the landmarker; up to numFaces faces so a second face is seen;
 * breaches of one rule closer than mergeGapSeconds are one finding. While a take records, the
 * recording comes first: the worker rests so it is busy at most busyShareRecording of the time,
 * by the machine's core count (on 2 cores a worker that never rests starves MediaRecorder's
 * encoder and the camera, and Stop lands up to a second late: record-take.spec fails at 0.5,
 * passes at 0.35). Outside takes it may use busyShareIdle. A take analysed at fewer than
 * minCoverageFps frames a second gets an info finding (vision.coverage) saying so.
 */
export const VISION_ANALYSIS = {
  maxSide: 720,
  numFaces: 3,
  /** Hands looked for around the mouth (LIPS_OCCLUDED hand test): the speaker's two. */
  numHands: 2,
  mergeGapSeconds: 0.5,
  /** Where the share of the worker's time starts when a take starts (see LIVE_RATE below). */
  busyShareRecording: { upTo2Cores: 0.35, upTo4Cores: 0.7, more: 1 },
  busyShareIdle: 1,
  /** Below this many analysed frames a second a take's findings say the monitor saw too little. */
  minCoverageFps: 10,
} as const;

// ─── Ingest and transcode (issue #7) ───────────────────────────────────────────────────────────

/**
 * §7.1 "Format requirement is MP4": the platform's MP4 carries H.264 High, 8-bit 4:2:0, BT.709 SDR
 * (§1.2.3 / §7.1: iPhone HDR "cannot be fully restored", so HDR is tone-mapped before delivery).
 */
export const DELIVERY_VIDEO = {
  section: '§7.1',
  codec: 'h264',
  profile: 'High',
  pixelFormat: 'yuv420p',
  bitDepth: 8,
  colour: 'bt709',
} as const;

/**
 * Quality of the delivery encode. Not from the standard: x264 CRF 18 is visually lossless for
 * training footage; the preset trades speed for file size only.
 */
export const DELIVERY_ENCODE = { crf: 18, preset: 'veryfast', crfMin: 0, crfMax: 51 } as const;

/**
 * The encode that finalizes a recorded take (issue #15: ≤ 0.3× the take's duration, in the
 * background while the next take records). Same CRF as DELIVERY_ENCODE, so the same quality target;
 * x264's ultrafast motion search with the High-profile tools put back that matter for the picture
 * (8×8 transform, CABAC, the deblocking filter). Measured on a 12-s 1080×1920 take (livespeed
 * note): 2.5× less CPU than veryfast, SSIM against the raw 0.9672 vs veryfast's 0.9688 (plain
 * ultrafast 0.9664), files ~1.5× larger. Engineering, not the standard (§7.1 asks MP4 at 25 fps).
 */
export const FINALIZE_ENCODE = { crf: DELIVERY_ENCODE.crf, preset: 'ultrafast', x264Params: '8x8dct=1:cabac=1:deblock=0,0' } as const;

/**
 * §5.3 "Video Scale Ratio: Adjusts the resolution of the original video" (4K → 2K: 0.5). Applied to
 * the displayed size; 1 keeps it. Never enlarges.
 */
export const VIDEO_SCALE_RATIO = { section: '§5.3', default: 1, min: 0.1, max: 1, common: [1, 0.75, 0.5] as readonly number[] } as const;

/**
 * §3.2 "The idle action and subsequent different actions can be recorded separately, but the final
 * submission must be merged into a single video."
 */
export const MERGE_RULE = { section: '§3.2' } as const;

/** Lip sync of a delivery file: audio and video end within this many seconds (engineering, not §). */
export const AV_SYNC_TOLERANCE_SEC = 0.04;

// ─── Acceptance checker: audio and continuity (issue #8) ───────────────────────────────────────

/**
 * Offline audio analysis: mono PCM at 16 kHz (speech lives below 8 kHz), 40-ms frames (one video
 * frame at 25 fps), pitch searched over 70–400 Hz (adult speech), a frame is periodic ("voiced")
 * when its normalised autocorrelation reaches 0.6.
 */
/** Not from the standard: the audio pass's frames and its YIN pitch tracker (yinThreshold: the usual 0.1–0.2; 0.15). */
export const AUDIO_ANALYSIS = { sampleRate: 16_000, frameMs: 40, f0Min: 70, f0Max: 400, yinThreshold: 0.15 } as const;

/**
 * §1.2.2 / §7.2 "no background noise … minimize noise from air conditioners, servers": the noise
 * floor (10th percentile of frame levels) above −50 dBFS, or speech less than 25 dB above it, is
 * audible in a voice recording. §1.2.2 "audio is clear": clipped samples distort it; speech
 * quieter than −40 dBFS (95th percentile) or integrated loudness outside −35…−8 LUFS needs gain.
 * These are recording-practice numbers, not the platform's.
 */
export const AUDIO_QC = {
  section: '§1.2.2, §7.2',
  noiseFloorMaxDbfs: -50,
  minSnrDb: 25,
  clipMinSamples: 3,
  speechMinDbfs: -40,
  loudnessMinLufs: -35,
  loudnessMaxLufs: -8,
} as const;

/**
 * §1.2.2 / §7.2 "especially no second person's voice". A heuristic: the voiced frames' pitch falls
 * into two groups at least 0.55 octave apart, each holding ≥ 15 % of the voiced time and ≥ 2 s in
 * runs of ≥ 0.5 s (sporadic octave errors of the pitch tracker do not form runs). It separates
 * voices of clearly different pitch (a man and a woman); two voices of similar pitch pass unseen.
 * Measured with the YIN tracker (issue #14, scripts/accuracy): 0 of 9 single-speaker clips flagged
 * (jfk, silero-test, talking-1/3/4, d14 with pauses, d20, hamilton; d3 and d18 are silent); 4 of 4
 * turn-taking mixes of different pitch found, 0 of 3 similar-pitch mixes and 0 of 3 overlaps.
 */
export const SECOND_VOICE = { section: '§1.2.2, §7.2', minOctaves: 0.55, minShare: 0.15, minSeconds: 2, minRunSeconds: 0.5, minVoicedSeconds: 4 } as const;

/**
 * §1.2.5 / §7.4 "non-consecutive frames": black frames (mean luma below 0.06 of full range),
 * frozen frames (mean absolute difference to the previous frame under 0.2 % for ≥ 0.5 s), cuts
 * (a neighbour differs by more than 8 % mean luma AND its luma histogram moved by more than 0.15;
 * a talking head changes ~2 % a frame, the stage cuts of short_hamilton_clip ~11 % and 0.2–0.4),
 * and gaps in the frame timestamps larger than 1.5 frame durations (dropped frames).
 */
export const CONTINUITY = {
  section: '§1.2.5, §7.4',
  blackLuma: 0.06,
  frozenDiff: 0.002,
  frozenMinSeconds: 0.5,
  cutHistogramDistance: 0.15,
  cutDiff: 0.08,
  gapFrames: 1.5,
} as const;

/** §1.2.4 "a 1-pixel black border … only discovered during final video compositing". */
export const BLACK_BORDER = { section: '§1.2.4', maxLuma: 0.08, minRows: 1 } as const;

/**
 * Pose consistency (§2.2 "return to the exact original position", §3.3, §4.1), compared on the
 * face: angles within 5°, face centre within 3 % of the frame, face size within 8 %, medians over
 * ±0.4 s around a marker. Multi-scene: face angle within 10°, face brightness within 12 % of full
 * scale, left/right balance within a factor 1.25 (log2 0.32). Engineering numbers: the standard
 * says "consistent" and "exact", without a tolerance.
 */
export const POSE_MATCH = {
  angleDeg: 5,
  offsetShare: 0.03,
  sizeShare: 0.08,
  windowSeconds: 0.4,
  multiAngleDeg: 10,
  multiLuma: 0.12,
  multiLrLog2: 0.32,
} as const;

/**
 * Voice cloning targets (§8.4, §10): effective speech (voice activity, not wall time) in seconds.
 * TTS3 "at least 20 minutes … 30 minutes recommended"; TTS6 "recommends 1 minute, not exceeding
 * 90 seconds" with §8.4's large-model "50–90 seconds" as its window; the authorization recording
 * (§8.6) is one sentence: a few seconds of speech, bounds here are engineering (a sentence read at
 * ~2–3 words a second), not the standard's.
 */
export const VOICE_TARGETS = {
  tts3: { section: '§8.4, §10', minSpeechS: 20 * 60, recommendedSpeechS: 30 * 60, maxSpeechS: null },
  tts6: { section: '§10', minSpeechS: 50, recommendedSpeechS: 60, maxSpeechS: 90 },
  large: { section: '§8.4', minSpeechS: 50, recommendedSpeechS: 70, maxSpeechS: 90 },
  auth: { section: '§8.6, §10', minSpeechS: 2, recommendedSpeechS: 5, maxSpeechS: 30 },
} as const;
export type VoiceTargetId = keyof typeof VOICE_TARGETS;
export const VOICE_TARGET_IDS = Object.keys(VOICE_TARGETS) as VoiceTargetId[];

/**
 * Voice QC (§8). §8.5 names the accepted formats; §8.3 asks for lossless audio, no noise, a
 * moderate level and a consistent one (§8.4); §8.2 rules out Bluetooth earphones, whose hands-free
 * profile carries 8 kHz audio (nothing above ~4 kHz). SNR bands (≥ 30 pass, 20–30 warn, < 20 fail)
 * are the issue's; the rest are recording practice, not the platform's numbers:
 * - noise floor = power mean of the quietest 10 % of 500-ms windows; above −50 dBFS audible
 *   (AUDIO_QC), above −40 dBFS a fail;
 * - clipping: peak within 0.1 dB of full scale, counted by ffmpeg's astats "Peak count";
 * - speech level (power mean over speech) below −35 dBFS is too quiet, above −6 dBFS too hot;
 * - consistency: speech level per 10-s block of speech varying by more than 6 dB (max − min of
 *   the blocks' levels, ignoring the quietest and loudest 10 %) is audible as a level change;
 * - narrowband: energy above 4 kHz more than 45 dB below the 300–3400 Hz band in speech frames
 *   (full-band speech sits ~15–35 dB below);
 * - a pause longer than 3 s inside the recording; sample rate under 44.1 kHz warns, under 16 kHz fails.
 */
export const VOICE_QC = {
  formats: { section: '§8.5', extensions: ['wav', 'mp3', 'm4a', 'mp4', 'mov', 'aac'] },
  lossless: { section: '§8.3', codecs: ['pcm_s16le', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le', 'pcm_f64le', 'pcm_s16be', 'pcm_s24be', 'pcm_u8', 'flac', 'alac'] },
  sampleRate: { section: '§8.3, §8.5', minHz: 16_000, recommendedHz: 44_100 },
  clipping: { section: '§8.3', peakDb: -0.1, warnCount: 1, failCount: 10 },
  noise: { section: '§8.1, §8.3', windowMs: 500, quietestShare: 0.1, warnDbfs: -50, failDbfs: -40 },
  snr: { section: '§8.1, §8.3', passDb: 30, failDb: 20 },
  level: { section: '§8.3', minDbfs: -35, maxDbfs: -6 },
  consistency: { section: '§8.4', blockSpeechS: 10, maxSpreadDb: 6, trimShare: 0.1 },
  narrowband: { section: '§8.2', highHz: 4000, bandLowHz: 300, bandHighHz: 3400, maxHighBelowBandDb: 45 },
  pause: { section: '§8.3', maxS: 3 },
  secondSpeaker: { section: '§8.1' },
} as const;

/**
 * Voice activity (engineering): Silero VAD's speech probability per 32-ms frame (512 samples at
 * 16 kHz) with hysteresis (on ≥ 0.5, off < 0.35), episodes joined across pauses shorter than 0.5 s
 * and dropped when shorter than 0.1 s. The energy fallback calls a frame speech when it is 12 dB
 * above the quietest 10 % and above −50 dBFS (SPEECH_VAD's rule).
 */
export const VOICE_VAD = { sampleRate: 16_000, frameSamples: 512, onProb: 0.5, offProb: 0.35, bridgeS: 0.5, minEpisodeS: 0.1, energyMarginDb: 12, energyMinDbfs: -50 } as const;

/**
 * §8.3 "Noise reduction is essential", §10 "All voice recordings require noise reduction": done
 * offline at export, never while recording (it would colour the voice the platform trains on).
 * ffmpeg's built-in FFT denoiser afftdn with its noise floor set 5 dB above the measured one (its
 * default −50 dB barely acts on louder noise; measured on jfk.wav + white noise at −30 dBFS: nf −30
 * left the pauses at −30 dBFS, nf −25 took them to −51…−53; its noise tracking, tn=1, undid the
 * setting); 24 dB of reduction at most (stronger smears consonants). afftdn takes −80…−20 dB.
 */
export const VOICE_DENOISE = { section: '§8.3, §10', reductionDb: 24, floorOffsetDb: 5, minFloorDb: -80, maxFloorDb: -20 } as const;

/**
 * The live monitor's rate while a take records (issue #15; engineering, not the standard): the
 * share of its time the vision worker may be busy starts at VISION_ANALYSIS.busyShareRecording and
 * follows the camera track's delivered frames (what MediaRecorder receives): a window below
 * DELIVERED_FPS.minFps halves the share (not below minShare) and holds it for holdMs; every
 * healthyMs of full delivery adds step, up to maxShare. Outside takes the worker is kept fed:
 * up to inFlightIdle frames handed over, so the next one is there when an answer leaves.
 */
export const LIVE_RATE = {
  minShare: 0.1,
  maxShare: { upTo2Cores: 0.6, upTo4Cores: 0.85, more: 1 },
  step: 0.05,
  healthyMs: 2000,
  holdMs: 3000,
  inFlightIdle: 2,
  inFlightRecording: 1,
} as const;
