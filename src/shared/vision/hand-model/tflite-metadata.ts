/**
 * Gives a TFLite model the input metadata MediaPipe Tasks insists on: "Input tensor has type
 * float32: it requires specifying NormalizationOptions metadata". The registry's @mediapipe/hands
 * (the legacy solution) ships the very palm and hand-landmark models the Tasks HandLandmarker
 * runs, but without TFLite metadata, and the Tasks bundle itself is only on a CDN we cannot reach.
 *
 * How, without the TFLite schema compiler: a FlatBuffer only points forwards (uoffsets are
 * unsigned), so a new root table placed IN FRONT of the untouched old bytes can point into them.
 * The new root copies the old root's fields and adds (a) a buffers vector with one more Buffer that
 * holds the metadata and (b) a metadata vector naming it "TFLITE_METADATA". The old bytes move by a
 * multiple of 16, so every tensor buffer keeps its alignment within the model file (inside the
 * .task zip the file itself starts wherever the zip puts it, as in Google's own bundles: the face
 * landmarker's first model starts at byte 52). Field numbers are those of
 * tensorflow/lite/schema/schema.fbs and tflite-support's metadata_schema.fbs.
 */
import { Builder, ByteBuffer } from 'flatbuffers';

/** tensorflow/lite/schema/schema.fbs, table Model. */
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 };
const MODEL_FIELDS = 8;
const TFLITE_IDENTIFIER = 'TFL3';
const METADATA_NAME = 'TFLITE_METADATA';

export class ModelFormatError extends Error {}

/** Byte position of a table's field, or 0 when the field is absent. */
function fieldPos(bb: ByteBuffer, table: number, field: number): number {
  const rel = bb.__offset(table, 4 + 2 * field);
  return rel ? table + rel : 0;
}

/** Absolute position of what a uoffset field points at. */
function deref(bb: ByteBuffer, pos: number): number {
  return pos + bb.readUint32(pos);
}

/** The metadata FlatBuffer (identifier M001): one image input normalised as (x − mean) / std. */
export function imageInputMetadata(name: string, mean: number, std: number): Uint8Array {
  const b = new Builder(256);
  const vec = (values: number[]): number => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
    return b.endVector();
  };
  // NormalizationOptions { mean:[float] = 0, std:[float] = 1 }
  const meanV = vec([mean]);
  const stdV = vec([std]);
  b.startObject(2);
  b.addFieldOffset(0, meanV, 0);
  b.addFieldOffset(1, stdV, 0);
  const norm = b.endObject();
  // ProcessUnit { options_type (union tag) = 0, options = 1 }; NormalizationOptions is tag 1.
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, norm, 0);
  const unit = b.endObject();
  b.startVector(4, 1, 4);
  b.addOffset(unit);
  const units = b.endVector();
  // ImageProperties { color_space = 0 (RGB = 1) }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  const imageProps = b.endObject();
  // Content { content_properties_type = 0 (ImageProperties = 2), content_properties = 1 }
  b.startObject(3);
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, imageProps, 0);
  const content = b.endObject();
  const tensorName = b.createString('image');
  // TensorMetadata { name = 0, content = 3, process_units = 4 }
  b.startObject(7);
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  const tensor = b.endObject();
  b.startVector(4, 1, 4);
  b.addOffset(tensor);
  const inputs = b.endVector();
  // SubGraphMetadata { input_tensor_metadata = 2 }
  b.startObject(9);
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();
  b.startVector(4, 1, 4);
  b.addOffset(subgraph);
  const subgraphs = b.endVector();
  const modelName = b.createString(name);
  const minParser = b.createString('1.0.0');
  // ModelMetadata { name = 0, subgraph_metadata = 3, min_parser_version = 7 }
  b.startObject(8);
  b.addFieldOffset(0, modelName, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParser, 0);
  const root = b.endObject();
  b.finish(root, 'M001');
  return b.asUint8Array();
}

/** A little-endian writer for the bytes placed in front of the old model. */
class Front {
  readonly bytes: number[] = [];
  get pos(): number {
    return this.bytes.length;
  }
  u8(v: number): void {
    this.bytes.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v);
    this.u8(v >>> 8);
  }
  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  alignTo(n: number): void {
    while (this.pos % n) this.u8(0);
  }
  patch32(at: number, v: number): void {
    for (let i = 0; i < 4; i++) this.bytes[at + i] = (v >>> (8 * i)) & 0xff;
  }
}

/**
 * The model with `metadata` added as TFLITE_METADATA. Throws ModelFormatError for anything that is
 * not a TFLite FlatBuffer or already carries TFLite metadata (then nothing needs adding).
 */
export function withTfliteMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  if (model.length < 16) throw new ModelFormatError('not a TFLite model: too short');
  const bb = new ByteBuffer(model);
  if (bb.__has_identifier(TFLITE_IDENTIFIER) === false) throw new ModelFormatError('not a TFLite model: no TFL3 identifier');
  const root = bb.readUint32(0);
  if (root < 8 || root + 4 > model.length) throw new ModelFormatError('not a TFLite model: root out of range');
  // The reader returns 0 past the end instead of failing: every vector is checked to lie inside.
  const vectorAt = (pos: number): number => {
    const v = pos + 4 <= model.length ? deref(bb, pos) : -1;
    if (v < 0 || v + 4 > model.length || v + 4 + 4 * bb.readUint32(v) > model.length) throw new ModelFormatError('not a TFLite model: a vector runs past the end');
    return v;
  };
  const buffersPos = fieldPos(bb, root, MODEL.buffers);
  if (!buffersPos) throw new ModelFormatError('TFLite model without buffers');
  const oldBuffers = vectorAt(buffersPos);
  const nBuffers = bb.readUint32(oldBuffers);
  for (let i = 0; i < nBuffers; i++) {
    // Buffer.offset (field 1) is from the file's start: moving the model would break it (such
    // buffers only exist in models over 2 GB).
    const b = deref(bb, oldBuffers + 4 + 4 * i);
    if (b + 4 > model.length || (fieldPos(bb, b, 1) && bb.readUint64(fieldPos(bb, b, 1)) !== 0n)) throw new ModelFormatError('TFLite model with buffers outside the FlatBuffer: not supported');
  }
  const oldMetaPos = fieldPos(bb, root, MODEL.metadata);
  const oldMeta: number[] = [];
  if (oldMetaPos) {
    const v = vectorAt(oldMetaPos);
    const n = bb.readUint32(v);
    for (let i = 0; i < n; i++) {
      const entry = deref(bb, v + 4 + 4 * i);
      const namePos = fieldPos(bb, entry, 0);
      if (namePos && bb.__string(namePos) === METADATA_NAME) throw new ModelFormatError('the model already has TFLite metadata');
      oldMeta.push(entry);
    }
  }

  // Layout of the front part, every reference pointing forwards:
  //   [root uoffset][TFL3] [root vtable] [root table] [buffers vector] [metadata vector]
  //   [Metadata table vtable+table] [name string] [Buffer vtable+table] [data vector, 16-aligned]
  // The whole front is padded to a multiple of 16, then the old bytes follow unchanged.
  const f = new Front();
  f.u32(0); // root offset, patched
  for (const c of TFLITE_IDENTIFIER) f.u8(c.charCodeAt(0));
  const copied = [MODEL.version, MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.metadataBuffer, MODEL.signatureDefs];
  const present = new Set([MODEL.buffers, MODEL.metadata, ...copied.filter((field) => fieldPos(bb, root, field))]);
  // Root vtable: each present field a 4-byte slot after the soffset; absent ones 0 (not there).
  const vtable = f.pos;
  f.u16(4 + 2 * MODEL_FIELDS);
  f.u16(4 + 4 * MODEL_FIELDS);
  for (let i = 0; i < MODEL_FIELDS; i++) f.u16(present.has(i) ? 4 + 4 * i : 0);
  f.alignTo(4);
  const table = f.pos;
  f.patch32(0, table);
  f.u32(table - vtable); // soffset to the vtable (positive: it is before)
  const slot = (i: number): number => table + 4 + 4 * i;
  for (let i = 0; i < MODEL_FIELDS; i++) f.u32(0);
  // The old object a copied uoffset field points at, to be re-pointed once the front's size is known.
  const toOld: [at: number, oldTarget: number][] = [];
  for (const field of copied) {
    const pos = fieldPos(bb, root, field);
    if (!pos) continue;
    if (field === MODEL.version) f.patch32(slot(field), bb.readUint32(pos));
    else toOld.push([slot(field), deref(bb, pos)]);
  }
  // buffers: the old Buffer tables, then the new one.
  const buffersVec = f.pos;
  f.patch32(slot(MODEL.buffers), buffersVec - slot(MODEL.buffers));
  f.u32(nBuffers + 1);
  for (let i = 0; i < nBuffers; i++) {
    toOld.push([f.pos, deref(bb, oldBuffers + 4 + 4 * i)]);
    f.u32(0);
  }
  const newBufferRef = f.pos;
  f.u32(0);
  // metadata: the old entries, then TFLITE_METADATA.
  const metaVec = f.pos;
  f.patch32(slot(MODEL.metadata), metaVec - slot(MODEL.metadata));
  f.u32(oldMeta.length + 1);
  for (const entry of oldMeta) {
    toOld.push([f.pos, entry]);
    f.u32(0);
  }
  const newMetaRef = f.pos;
  f.u32(0);
  // Metadata { name: string = 0, buffer: uint = 1 }
  const metaVt = f.pos;
  f.u16(8);
  f.u16(12);
  f.u16(4);
  f.u16(8);
  const metaTable = f.pos;
  f.patch32(newMetaRef, metaTable - newMetaRef);
  f.u32(metaTable - metaVt);
  const nameRef = f.pos;
  f.u32(0);
  f.u32(nBuffers);
  const name = f.pos;
  f.patch32(nameRef, name - nameRef);
  f.u32(METADATA_NAME.length);
  for (const c of METADATA_NAME) f.u8(c.charCodeAt(0));
  f.u8(0);
  f.alignTo(4);
  // Buffer { data: [ubyte] = 0 }
  const bufVt = f.pos;
  f.u16(6);
  f.u16(8);
  f.u16(4);
  f.alignTo(4);
  const bufTable = f.pos;
  f.patch32(newBufferRef, bufTable - newBufferRef);
  f.u32(bufTable - bufVt);
  const dataRef = f.pos;
  f.u32(0);
  // The data vector's bytes 16-aligned (schema: force_align 16); its length word just before.
  while ((f.pos + 4) % 16) f.u8(0);
  const dataVec = f.pos;
  f.patch32(dataRef, dataVec - dataRef);
  f.u32(metadata.length);
  for (const byte of metadata) f.u8(byte);
  f.alignTo(16);

  const shift = f.pos;
  for (const [at, oldTarget] of toOld) f.patch32(at, shift + oldTarget - at);
  const out = new Uint8Array(shift + model.length);
  out.set(f.bytes, 0);
  out.set(model, shift);
  return out;
}
