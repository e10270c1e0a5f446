/**
 * The hand test of lips.occluded (issue #14 item 1): the hand landmarker bundle made from the
 * registry's @mediapipe/hands, the hand-over-lips geometry, and the real checker (ffmpeg, headless
 * Chromium, MediaPipe face + hands) on a real hand composited with ffmpeg. Expected frames come
 * from how the clip was made (the overlay's enable range) and its contact sheet, never from the
 * checker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { ByteBuffer } from 'flatbuffers';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { useFaceAnalyzer } from './helpers/real-checker';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { handCoverOfLips } from '../../src/shared/vision/hand-over-lips';
import { handLandmarkerBundle, PALM_MODEL_SPAN } from '../../src/shared/vision/hand-model/hand-bundle';
import { crc32, storedZip } from '../../src/shared/vision/hand-model/stored-zip';
import { imageInputMetadata, ModelFormatError, withTfliteMetadata } from '../../src/shared/vision/hand-model/tflite-metadata';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

const handsDir = path.join(repoRoot, 'node_modules/@mediapipe/hands');
const packed = new Uint8Array(readFileSync(path.join(handsDir, 'hands_solution_packed_assets.data')));
const landmarkModel = new Uint8Array(readFileSync(path.join(handsDir, 'hand_landmark_full.tflite')));

/** The entries of a zip, read from its central directory (the way MediaPipe finds them). */
function zipEntries(zip: Uint8Array): { name: string; crc: number; data: Uint8Array }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.length);
  const end = zip.length - 22;
  expect(v.getUint32(end, true)).toBe(0x06054b50);
  const n = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < n; i++) {
    expect(v.getUint32(at, true)).toBe(0x02014b50);
    const size = v.getUint32(at + 24, true);
    const nameLen = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen));
    const dataAt = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.push({ name, crc: v.getUint32(at + 16, true), data: zip.subarray(dataAt, dataAt + size) });
    at += 46 + nameLen;
  }
  return out;
}

/** A table's field position (0 if absent), read with the FlatBuffers runtime, not our writer. */
const field = (bb: ByteBuffer, table: number, i: number) => {
  const o = bb.__offset(table, 4 + 2 * i);
  return o ? table + o : 0;
};
const deref = (bb: ByteBuffer, pos: number) => pos + bb.readUint32(pos);

describe('the hand landmarker bundle from @mediapipe/hands', () => {
  const bundle = handLandmarkerBundle(packed, landmarkModel);
  const entries = zipEntries(bundle);

  it('is a stored zip with the two entries MediaPipe Tasks looks for, CRCs as node:zlib computes them', () => {
    expect(entries.map((e) => e.name)).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    for (const e of entries) expect(e.crc).toBe(zlibCrc32(e.data));
    for (const bytes of [new Uint8Array(0), new Uint8Array([1, 2, 3]), packed.subarray(0, 100_000)]) expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });

  it('keeps every byte of both models after the new front, and adds TFLITE_METADATA normalising to [0, 1]', () => {
    const originals = [packed.subarray(PALM_MODEL_SPAN.start, PALM_MODEL_SPAN.end), landmarkModel];
    entries.forEach((e, k) => {
      const old = originals[k]!;
      const shift = e.data.length - old.length;
      expect(shift % 16).toBe(0);
      expect(Buffer.compare(e.data.subarray(shift), old)).toBe(0);
      const bb = new ByteBuffer(e.data);
      expect(bb.__has_identifier('TFL3')).toBe(true);
      const root = bb.readUint32(0);
      // The old root's fields (version, operator codes, subgraphs) are the same objects, moved.
      const oldBb = new ByteBuffer(old);
      const oldRoot = oldBb.readUint32(0);
      expect(bb.readUint32(field(bb, root, 0))).toBe(oldBb.readUint32(field(oldBb, oldRoot, 0)));
      for (const f of [1, 2, 3, 5, 7]) {
        const was = field(oldBb, oldRoot, f);
        expect(field(bb, root, f) === 0, `field ${f} present in both or neither`).toBe(was === 0);
        if (was) expect(deref(bb, field(bb, root, f)) - shift).toBe(deref(oldBb, was));
      }
      // Every old Buffer (the tensors' weights) is the same table, moved.
      const oldBuffers = deref(oldBb, field(oldBb, oldRoot, 4));
      const newBuffers = deref(bb, field(bb, root, 4));
      const nOld = oldBb.readUint32(oldBuffers);
      expect(nOld).toBeGreaterThan(10);
      for (let i = 0; i < nOld; i++) expect(deref(bb, newBuffers + 4 + 4 * i) - shift).toBe(deref(oldBb, oldBuffers + 4 + 4 * i));
      // metadata → the entry named TFLITE_METADATA → its buffer → ModelMetadata (M001).
      const metas = deref(bb, field(bb, root, 6));
      const n = bb.readUint32(metas);
      const entry = deref(bb, metas + 4 + 4 * (n - 1));
      expect(bb.__string(field(bb, entry, 0))).toBe('TFLITE_METADATA');
      const buffers = deref(bb, field(bb, root, 4));
      const index = bb.readUint32(field(bb, entry, 1));
      expect(index).toBe(bb.readUint32(buffers) - 1);
      const buffer = deref(bb, buffers + 4 + 4 * index);
      const dataVec = deref(bb, field(bb, buffer, 0));
      expect((dataVec + 4) % 16).toBe(0);
      const meta = new ByteBuffer(e.data.subarray(dataVec + 4, dataVec + 4 + bb.readUint32(dataVec)));
      expect(meta.__has_identifier('M001')).toBe(true);
      const mroot = meta.readUint32(0);
      const sub = deref(meta, deref(meta, field(meta, mroot, 3)) + 4);
      const tensor = deref(meta, deref(meta, field(meta, sub, 2)) + 4);
      const unit = deref(meta, deref(meta, field(meta, tensor, 4)) + 4);
      expect(meta.readUint8(field(meta, unit, 0))).toBe(1); // NormalizationOptions
      const norm = deref(meta, field(meta, unit, 1));
      const mean = deref(meta, field(meta, norm, 0));
      const std = deref(meta, field(meta, norm, 1));
      expect([meta.readUint32(mean), meta.readFloat32(mean + 4)]).toEqual([1, 0]);
      expect([meta.readUint32(std), meta.readFloat32(std + 4)]).toEqual([1, 255]);
    });
  });

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['a zip, not a model', storedZip([{ name: 'x', data: new Uint8Array(64) }])],
    ['64 random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff)],
    ['a model cut after its header', landmarkModel.subarray(0, 12)],
  ])('refuses %s as a model with a ModelFormatError', (_what, bytes) => {
    expect(() => withTfliteMetadata(bytes, imageInputMetadata('x', 0, 255))).toThrow(ModelFormatError);
  });

  it('refuses a model whose buffers vector claims more entries than the file holds', () => {
    const bad = Uint8Array.from(landmarkModel);
    const bb = new ByteBuffer(bad);
    const buffers = deref(bb, field(bb, bb.readUint32(0), 4));
    new DataView(bad.buffer).setUint32(buffers, 0x7fffffff, true);
    expect(() => withTfliteMetadata(bad, imageInputMetadata('x', 0, 255))).toThrow(/runs past the end/);
  });

  it('refuses a model that already has the metadata, and files from another package version', () => {
    const once = entries[1]!.data;
    expect(() => withTfliteMetadata(once, imageInputMetadata('x', 0, 255))).toThrow(/already has TFLite metadata/);
    expect(() => handLandmarkerBundle(packed.subarray(0, 1000), landmarkModel)).toThrow(ModelFormatError);
    expect(() => handLandmarkerBundle(landmarkModel, landmarkModel)).toThrow(/no palm detection model/);
    expect(() => handLandmarkerBundle(packed, packed)).toThrow(/not a TFLite model/);
  });
});

describe('how much of the lip ring a hand covers', () => {
  // A 200×100 px frame; lips a 100×40 px rectangle at x 50–150, y 30–70, the mouth opening
  // 80×10 px at x 60–140, y 45–55: the ring is 4,000 − 800 = 3,200 px².
  const size = { width: 200, height: 100 };
  const rect = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1].map((v, i) => (i % 2 ? v / size.height : v / size.width));
  const outer = rect(50, 30, 150, 70);
  const inner = rect(60, 45, 140, 55);
  /** A straight hand pointing up: knuckles 10 px apart at y = tip + 60, fingers 60 px long ending at y = tip, palm below. */
  const hand = (x: number, tip: number) => {
    const pts: { x: number; y: number; z: number }[] = [];
    const at = (px: number, py: number) => pts.push({ x: px / size.width, y: py / size.height, z: 0 });
    at(x, tip + 140); // wrist
    for (let k = 1; k <= 4; k++) at(x - 30, tip + 100 - 10 * k); // thumb, off to the side, below the lips
    for (const dx of [-15, -5, 5, 15]) for (let k = 0; k < 4; k++) at(x + dx, tip + 60 - 20 * k);
    return pts;
  };

  it('is 0 with no hand, and with a hand whose fingertips stop below the lips', () => {
    expect(handCoverOfLips([], outer, inner, size)).toBe(0);
    expect(handCoverOfLips([hand(100, 95)], outer, inner, size)).toBe(0);
  });

  it('is about the covered area over the ring when fingers reach over the lower lip', () => {
    // Fingers at x 85, 95, 105, 115, half-width 0.4 × 10 px knuckle spacing = 4 px: 4 × 8 = 32 px
    // wide; tips at y = 60 reach up to 56 (capsule ends), over the lower lip (y 55–70): 32 × 14 =
    // 448 px² of 3,200 = 0.14. The ring is sampled on a 100 / 24 ≈ 4.2 px grid: ± 0.03.
    const share = handCoverOfLips([hand(100, 60)], outer, inner, size);
    expect(share).toBeGreaterThan(0.11);
    expect(share).toBeLessThan(0.17);
  });

  it('counts the opening as no lip: fingers over the whole mouth cover both lips, not the gap', () => {
    // Fingers to y = 20 cover their 32 px of the ring's full height less the opening: 32 × (40 − 10)
    // = 960 px² of 3,200 = 0.30 (± 0.03, the grid).
    const share = handCoverOfLips([hand(100, 20)], outer, inner, size);
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(share).toBeGreaterThanOrEqual(LIPS_OCCLUDED.handMinShare);
  });

  it('ignores a hand with fewer than 21 landmarks and contours with too few points', () => {
    expect(handCoverOfLips([hand(100, 20).slice(0, 10)], outer, inner, size)).toBe(0);
    expect(handCoverOfLips([hand(100, 20)], outer.slice(0, 4), inner, size)).toBe(0);
  });
});

describe('lips.occluded by a real hand through the real checker', () => {
  const work = tempDir('cs-hand-');
  const analyzer = useFaceAnalyzer();
  afterAll(async () => {
    work.cleanup();
  });
  const occluded = async (file: string) => {
    const { report } = await checkFile(file, { preset: 'motion-actions', faces: analyzer() });
    // The report says the hand pass ran, with the models it ran with.
    expect(report.about?.hands).toEqual({ models: '@mediapipe/hands 0.4.1675469240', on: true });
    return report.findings.filter((f) => f.rule === 'lips.occluded');
  };

  /**
   * talking-4 (700×700, 30 fps; mouth near x 400, y 348) with the real hand of faces/emma.jpg
   * (keyed from its black background, 185×272 px, fingers up) darkened to a deep brown skin, its
   * top-left corner at (308, y), in frames 60–71. Contact sheet: at y = 322 the fingers lie over
   * the lips in every one of those frames; at y = 430 the fingertips stay below the chin.
   */
  const darkHand = (y: number, out: string) =>
    ffmpegSync([
      '-i', mediaFile('talking-4.mp4'),
      '-i', mediaFile('faces/emma.jpg'),
      '-filter_complex',
      "[1:v]crop=370:545:2680:735,scale=185:272,format=rgba,geq=r='r(X\\,Y)':g='g(X\\,Y)':b='b(X\\,Y)':a='255*clip(((r(X\\,Y)+g(X\\,Y)+b(X\\,Y))/3-45)/40\\,0\\,1)*clip((H-1-Y)/25\\,0\\,1)'," +
        `colorchannelmixer=rr=0.45:gg=0.36:bb=0.3,loop=loop=-1:size=1,settb=1/30,setpts=N[p];[0:v][p]overlay=x=308:y=${y}:shortest=1:enable='between(n,60,71)'`,
      '-an', out,
    ]);

  it('a dark-skinned hand over the mouth (frames 60-71) is an error from 2.00 s; the same hand under the chin is none', async () => {
    const over = path.join(work.dir, 't4-hand-over.mp4');
    darkHand(322, over);
    const found = await occluded(over);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    // ±1 frame at the episode's start (the 2-frame minimum may start it one frame late).
    expect(found[0]!.start).toBeGreaterThanOrEqual(2.0 - 1e-6);
    expect(found[0]!.start).toBeLessThanOrEqual(2.0 + 1 / 30 + 1e-6);
    expect(found[0]!.end).toBeLessThanOrEqual(72 / 30 + 1 / 30 + 1e-6);
    const chin = path.join(work.dir, 't4-hand-chin.mp4');
    darkHand(430, chin);
    expect(await occluded(chin)).toEqual([]);
  }, 300_000);
});
