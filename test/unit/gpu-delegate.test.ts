/**
 * Issue #15: which WebGL renderers are taken for a real GPU, and when a GPU answer counts as the
 * CPU's. Renderer strings as browsers report them (Chromium's SwiftShader through ANGLE, Mesa's
 * software rasterisers, hardware GPUs through ANGLE and Mesa); measurements built by hand.
 */
import { describe, expect, it } from 'vitest';
import { disagreement, GPU_AGREEMENT, isSoftwareRenderer, largestDifferences } from '../../src/shared/vision/gpu-delegate';
import type { FaceMeasurement, FrameMeasurement } from '../../src/shared/vision/analysis';

describe('real GPU or software renderer', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['Google SwiftShader', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)', true],
    ['softpipe', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', false],
    ['Apple M1', false],
    ['ANGLE (AMD, AMD Radeon(TM) Graphics (radeonsi, renoir, LLVM 15.0.7, DRM 3.49, 6.1.0-13-amd64), OpenGL 4.6)', false],
  ])('%s → software %s', (renderer, software) => {
    expect(isSoftwareRenderer(renderer)).toBe(software);
  });
});

const face = (over: Partial<FaceMeasurement> = {}): FaceMeasurement => ({
  box: { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 },
  heightShare: 0.6,
  cut: false,
  yaw: 5,
  pitch: -3,
  roll: 1,
  jawOpen: 0.1,
  lipGap: 0.02,
  lipColour: null,
  occluded: false,
  paleCover: null,
  yellowCover: null,
  blueCover: null,
  dark: false,
  handCover: null,
  lips: 'open' as FaceMeasurement['lips'],
  lipOuter: [],
  lipInner: [],
  ...over,
});
const frame = (...faces: FaceMeasurement[]): FrameMeasurement => ({ size: { width: 480, height: 480 }, faces });

describe('a GPU answer against the CPU answer of the same frame', () => {
  it('agrees within the bounds, both ways of each bound', () => {
    expect(disagreement(frame(face()), frame(face()))).toBeNull();
    expect(disagreement(frame(), frame())).toBeNull();
    const near = face({ lipGap: 0.02 + GPU_AGREEMENT.lipGap * 0.9, yaw: 5 - GPU_AGREEMENT.angleDeg * 0.9, box: { x0: 0.3 + GPU_AGREEMENT.boxEdge * 0.9, y0: 0.2, x1: 0.7, y1: 0.8 } });
    expect(disagreement(frame(face()), frame(near))).toBeNull();
  });
  it.each([
    ['another face count', frame(face()), frame(face(), face()), /2 face\(s\) on the GPU, 1 on the CPU/],
    ['no face on the GPU', frame(face()), frame(), /0 face\(s\) on the GPU/],
    ['lip gap', frame(face()), frame(face({ lipGap: 0.02 + GPU_AGREEMENT.lipGap * 1.5 })), /lip gap differs/],
    ['yaw', frame(face()), frame(face({ yaw: 5 + GPU_AGREEMENT.angleDeg * 2 })), /yaw differs/],
    ['pitch missing', frame(face()), frame(face({ pitch: null })), /pitch missing/],
    ['box edge', frame(face()), frame(face({ box: { x0: 0.3, y0: 0.2, x1: 0.7 + GPU_AGREEMENT.boxEdge * 2, y1: 0.8 } })), /box x1 differs/],
    ['lip colour check', frame(face()), frame(face({ occluded: true })), /lip colour/],
  ])('disagrees on %s', (_n, cpu, gpu, why) => {
    expect(disagreement(cpu, gpu)).toMatch(why);
  });
  it('largest differences over frames', () => {
    const d = largestDifferences([
      { cpu: frame(face()), gpu: frame(face({ lipGap: 0.021, roll: 1.5 })) },
      { cpu: frame(face()), gpu: frame(face({ lipGap: 0.0195, box: { x0: 0.303, y0: 0.2, x1: 0.7, y1: 0.8 } })) },
    ]);
    expect(d.lipGap).toBeCloseTo(0.001, 9);
    expect(d.angleDeg).toBeCloseTo(0.5, 9);
    expect(d.boxEdge).toBeCloseTo(0.003, 9);
  });
});
