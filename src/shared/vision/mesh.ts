/**
 * Landmark indices of MediaPipe's 478-point face mesh (canonical_face_model / face_mesh
 * connections) that the analysis and the overlay use. "Right"/"left" are the subject's.
 */

/** Outer lip contour, a closed loop starting at the right mouth corner. */
export const LIPS_OUTER = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146] as const;

/** Inner lip contour (the mouth opening), a closed loop. */
export const LIPS_INNER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95] as const;

/** Face outline (silhouette), a closed loop from the forehead. */
export const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58,
  132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;

/** Upper and lower inner-lip midpoints: their distance is the lip gap. */
export const INNER_LIP_TOP = 13;
export const INNER_LIP_BOTTOM = 14;

/** Mouth corners (subject's right, left): the axis the lip ring's sectors are cut along. */
export const MOUTH_CORNER_RIGHT = 61;
export const MOUTH_CORNER_LEFT = 291;

/** Outer eye corners: their distance normalises the lip gap. */
export const EYE_OUTER_RIGHT = 33;
export const EYE_OUTER_LEFT = 263;

/** Cheek centres, where the skin reference for the lip colour check is sampled. */
export const CHEEK_RIGHT = 50;
export const CHEEK_LEFT = 280;

export const LANDMARK_COUNT = 478;
