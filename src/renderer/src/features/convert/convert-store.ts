import { create } from 'zustand';
import type { ConvertJob, IngestItem } from '../../../../shared/contract/convert';
import { ConvertOptionsSchema, type ConvertOptions } from '../../../../shared/ingest/options';
import { formatRule } from '../../../../shared/ingest/problems';
import { studio } from '../../api/client';
import { useStudio } from '../../stores/studio-store';
import { pathsFromText } from './paths-text';

const OPTIONS_KEY = 'capture-studio.convert.options';

interface ConvertState {
  items: IngestItem[];
  /** Paths ticked for conversion. */
  selected: string[];
  options: ConvertOptions;
  outputDir: string;
  jobs: ConvertJob[];
  mergeList: string[];
  mergeName: string;
  importing: boolean;
  hdrMethod: 'zscale' | 'lut-computed' | 'untouched' | null;
  /** The current shoot's finished takes by name and its exports/ folder (issue #13). */
  shootFiles: { shootId: string; shootName: string; exportsDir: string; takes: Array<{ takeId: string; name: string; path: string }> } | null;
  /** The operator typed an output folder: the shoot's exports/ is no longer filled in. */
  outputDirTouched: boolean;
  addPaths(text: string): Promise<void>;
  /** Takes of the shoot by id, into the list (and the merge list). */
  addTakes(takeIds: string[], toMerge: boolean): Promise<void>;
  loadShootFiles(): Promise<void>;
  remove(path: string): void;
  clearItems(): void;
  toggle(path: string, on: boolean): void;
  setOptions(patch: Partial<ConvertOptions>): void;
  setOutputDir(dir: string): void;
  convertSelected(): Promise<void>;
  addToMerge(path: string): void;
  moveMerge(index: number, by: -1 | 1): void;
  removeFromMerge(index: number): void;
  setMergeName(name: string): void;
  merge(): Promise<void>;
  cancel(jobId: string): Promise<void>;
  clearJobs(): Promise<void>;
  load(): Promise<void>;
}

function loadOptions(): ConvertOptions {
  try {
    const parsed = ConvertOptionsSchema.safeParse(JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? '{}'));
    if (parsed.success) return parsed.data;
  } catch {
    // A bad saved value falls back to the defaults.
  }
  return ConvertOptionsSchema.parse({});
}

const fail = (err: unknown) => useStudio.getState().setError(err);

/** A file name part: no folder separators or characters a file system refuses. */
const safe = (s: string) => s.replace(/[/\\:*?"<>|\0]+/g, '-').replace(/\s+/g, ' ').trim();

/**
 * A merge of the shoot's takes is named after them: "<shoot> — <take>+<take>.mp4" (issue #13),
 * instead of "delivery-merged.mp4" beside the first part. Other files keep main's free name.
 */
export function defaultMergeName(parts: string[], f: ConvertState['shootFiles']): { outputName?: string } {
  if (!f) return {};
  const names = parts.map((p) => f.takes.find((t) => t.path === p)?.name);
  if (names.some((n) => !n)) return {};
  const stem = safe(`${f.shootName} — ${names.join('+')}`).slice(0, 190);
  return { outputName: `${stem}.mp4` };
}

/** The Convert screen's state: imported files, options, the queue as main reports it, the merge list. */
export const useConvert = create<ConvertState>((set, get) => ({
  items: [],
  selected: [],
  options: loadOptions(),
  outputDir: '',
  jobs: [],
  mergeList: [],
  mergeName: '',
  importing: false,
  hdrMethod: null,
  shootFiles: null,
  outputDirTouched: false,

  async addPaths(text) {
    const paths = pathsFromText(text);
    if (paths.length === 0) return;
    set({ importing: true });
    try {
      const { items } = await studio.call('convert.inspect', { paths });
      const fresh = new Map(items.map((i) => [i.path, i]));
      const kept = get().items.filter((i) => !fresh.has(i.path));
      // Files already in the delivery format come unticked: none of their problems is one that
      // converting cures (a small picture stays small), so converting would only re-encode them.
      const convertible = items
        .filter((i) => i.probe?.video && i.suggestedOutput && i.problems.some((f) => formatRule(f.rule)?.fixedByConvert))
        .map((i) => i.path);
      set({ items: [...kept, ...items], selected: [...new Set([...get().selected, ...convertible])] });
    } catch (err) {
      fail(err);
    } finally {
      set({ importing: false });
    }
  },

  remove(path) {
    set({ items: get().items.filter((i) => i.path !== path), selected: get().selected.filter((p) => p !== path) });
  },

  clearItems() {
    set({ items: [], selected: [] });
  },

  toggle(path, on) {
    const rest = get().selected.filter((p) => p !== path);
    set({ selected: on ? [...rest, path] : rest });
  },

  setOptions(patch) {
    const options = { ...get().options, ...patch };
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(options));
    set({ options });
  },

  setOutputDir(outputDir) {
    set({ outputDir, outputDirTouched: true });
  },

  async loadShootFiles() {
    const shootId = useStudio.getState().shootId;
    if (!shootId) return set({ shootFiles: null });
    try {
      const f = await studio.call('shoot.files', { shootId });
      if (useStudio.getState().shootId !== shootId) return;
      set({ shootFiles: { shootId, ...f }, ...(get().outputDirTouched ? {} : { outputDir: f.exportsDir }) });
    } catch (err) {
      fail(err);
    }
  },

  async addTakes(takeIds, toMerge) {
    const f = get().shootFiles;
    if (!f) return;
    const paths = takeIds.map((id) => f.takes.find((t) => t.takeId === id)?.path).filter((p): p is string => !!p);
    await get().addPaths(paths.join('\n'));
    if (toMerge) set({ mergeList: [...get().mergeList, ...paths.filter((p) => get().items.some((i) => i.path === p && i.probe?.video))] });
  },

  async convertSelected() {
    const { items, selected, options, outputDir } = get();
    const files = items.filter((i) => selected.includes(i.path)).map((i) => i.path);
    if (files.length === 0) return;
    try {
      await studio.call('convert.enqueue', { files, options, ...(outputDir.trim() ? { outputDir: outputDir.trim() } : {}) });
      set({ selected: [] });
    } catch (err) {
      fail(err);
    }
  },

  addToMerge(path) {
    set({ mergeList: [...get().mergeList, path] });
  },

  moveMerge(index, by) {
    const list = [...get().mergeList];
    const to = index + by;
    if (to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to] as string, list[index] as string];
    set({ mergeList: list });
  },

  removeFromMerge(index) {
    set({ mergeList: get().mergeList.filter((_, i) => i !== index) });
  },

  setMergeName(mergeName) {
    set({ mergeName });
  },

  async merge() {
    const { mergeList, mergeName, options, outputDir } = get();
    try {
      await studio.call('convert.merge', {
        files: mergeList,
        options,
        ...(mergeName.trim() ? { outputName: mergeName.trim().replace(/(\.mp4)?$/i, '.mp4') } : defaultMergeName(mergeList, get().shootFiles)),
        ...(outputDir.trim() ? { outputDir: outputDir.trim() } : {}),
      });
      set({ mergeList: [], mergeName: '' });
    } catch (err) {
      fail(err);
    }
  },

  async cancel(jobId) {
    try {
      await studio.call('convert.cancel', { jobId });
    } catch (err) {
      fail(err);
    }
  },

  async clearJobs() {
    try {
      set({ jobs: await studio.call('convert.clear', {}) });
    } catch (err) {
      fail(err);
    }
  },

  async load() {
    try {
      set({ jobs: await studio.call('convert.jobs', {}) });
      const caps = await studio.call('convert.capabilities', { hardware: false });
      set({ hdrMethod: caps.hdr.method });
    } catch (err) {
      fail(err);
    }
  },
}));

studio.on('convert.job-changed', (job) => {
  useConvert.setState((s) => {
    const i = s.jobs.findIndex((j) => j.id === job.id);
    if (i < 0) return { jobs: [...s.jobs, job] };
    const jobs = [...s.jobs];
    jobs[i] = job;
    return { jobs };
  });
});
