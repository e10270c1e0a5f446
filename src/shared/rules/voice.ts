/**
 * Voice cloning rules (§8–10), in the rule registry's shape: one entry per id with its § and the
 * words in both languages. Messages are templates filled from the finding's `values`.
 */
import type { RuleDef } from './types';

export const voiceRules = [
  {
    id: 'voice.format',
    section: '§8.5',
    severity: 'error',
    title: { en: 'Unsupported file format', 'zh-CN': '不支持的文件格式' },
    message: {
      en: '{{ext}} is not an accepted format: save the recording as wav, mp3, m4a, mp4, mov or aac (wav preferred)',
      'zh-CN': '{{ext}} 不是支持的格式：请将录音保存为 wav、mp3、m4a、mp4、mov 或 aac（推荐 wav）',
    },
  },
  {
    id: 'voice.no-audio',
    section: '§8.5',
    severity: 'error',
    title: { en: 'No audio', 'zh-CN': '没有音频' },
    message: { en: 'The file has no audio stream to check', 'zh-CN': '文件中没有可检查的音频流' },
  },
  {
    id: 'voice.lossy',
    section: '§8.3',
    severity: 'warn',
    title: { en: 'Lossy audio', 'zh-CN': '有损音频' },
    message: {
      en: 'The audio is {{codec}} (lossy): deliver the original lossless recording (WAV) if you have it',
      'zh-CN': '音频为 {{codec}}（有损压缩）：如有原始无损录音（WAV），请交付原始文件',
    },
  },
  {
    id: 'voice.sample-rate',
    section: '§8.3, §8.5',
    severity: 'error',
    title: { en: 'Low sample rate', 'zh-CN': '采样率过低' },
    message: {
      en: 'Sample rate {{hz}} Hz (want ≥ {{wantHz}} Hz): record at 44.1 or 48 kHz',
      'zh-CN': '采样率 {{hz}} Hz（应 ≥ {{wantHz}} Hz）：请以 44.1 或 48 kHz 录制',
    },
  },
  {
    id: 'voice.clipping',
    section: '§8.3',
    severity: 'error',
    title: { en: 'Clipping', 'zh-CN': '削波失真' },
    message: {
      en: 'The audio hits full scale {{count}} times (clipped, distorted): lower the microphone gain and record again',
      'zh-CN': '音频 {{count}} 次达到满刻度（削波失真）：请调低麦克风增益后重录',
    },
  },
  {
    id: 'voice.noise-floor',
    section: '§8.1, §8.3',
    severity: 'error',
    title: { en: 'Background noise', 'zh-CN': '背景噪声' },
    message: {
      en: 'Background noise at {{db}} dBFS in the quietest moments (limit {{limitDb}} dBFS): switch off fans and air conditioning, record in a quiet small room',
      'zh-CN': '最安静处的背景噪声为 {{db}} dBFS（上限 {{limitDb}} dBFS）：请关闭风扇和空调，在安静的小房间录制',
    },
  },
  {
    id: 'voice.snr',
    section: '§8.1, §8.3',
    severity: 'error',
    title: { en: 'Speech too close to the noise', 'zh-CN': '信噪比不足' },
    message: {
      en: 'Speech is {{db}} dB above the background (want ≥ 30 dB; under 20 dB fails): quiet the room or move closer to the microphone',
      'zh-CN': '语音仅比背景高 {{db}} dB（应 ≥ 30 dB，低于 20 dB 不合格）：请降低环境噪声或靠近麦克风',
    },
  },
  {
    id: 'voice.level',
    section: '§8.3',
    severity: 'warn',
    title: { en: 'Speech level', 'zh-CN': '语音音量' },
    message: {
      en: 'Speech averages {{db}} dBFS (want {{minDb}}…{{maxDb}} dBFS): keep a moderate volume at a steady distance from the microphone',
      'zh-CN': '语音平均 {{db}} dBFS（应在 {{minDb}}…{{maxDb}} dBFS）：保持适中音量和稳定的麦克风距离',
    },
  },
  {
    id: 'voice.consistency',
    section: '§8.4',
    severity: 'warn',
    title: { en: 'Level changes between parts', 'zh-CN': '各段音量不一致' },
    message: {
      en: 'Speech level varies by {{db}} dB between parts of the recording (limit {{limitDb}} dB): keep the same distance, gain and voice in every segment',
      'zh-CN': '录音各部分的语音音量相差 {{db}} dB（上限 {{limitDb}} dB）：每段保持相同的距离、增益和语气',
    },
  },
  {
    id: 'voice.pause',
    section: '§8.3',
    severity: 'warn',
    title: { en: 'Long pause', 'zh-CN': '停顿过长' },
    message: {
      en: 'No speech for {{seconds}} s: cut long pauses or record in segments with breaks between files',
      'zh-CN': '{{seconds}} 秒没有语音：请剪掉长停顿，或分段录制并在文件之间休息',
    },
  },
  {
    id: 'voice.narrowband',
    section: '§8.2',
    severity: 'warn',
    title: { en: 'Narrow bandwidth (Bluetooth?)', 'zh-CN': '频带过窄（蓝牙耳机？）' },
    message: {
      en: 'Almost nothing above 4 kHz ({{db}} dB below the voice band): this sounds like a Bluetooth headset or a phone line; use a wired microphone',
      'zh-CN': '4 kHz 以上几乎没有能量（比语音频带低 {{db}} dB）：疑似蓝牙耳机或电话线路，请使用有线麦克风',
    },
  },
  {
    id: 'voice.second-speaker',
    section: '§8.1',
    severity: 'warn',
    title: { en: 'Possibly a second speaker', 'zh-CN': '可能有第二个说话人' },
    message: {
      en: 'Speech at two distinct pitches (about {{hzA}} Hz and {{hzB}} Hz): listen — only one person may speak (heuristic, can miss similar voices)',
      'zh-CN': '检测到两个不同音高（约 {{hzA}} Hz 和 {{hzB}} Hz）：请试听确认——只能有一个人说话（启发式判断，音色相近时可能漏判）',
    },
  },
  {
    id: 'voice.too-short',
    section: '§8.4, §10',
    severity: 'error',
    title: { en: 'Not enough speech', 'zh-CN': '有效语音不足' },
    message: {
      en: '{{speechS}} s of effective speech; {{target}} needs at least {{minS}} s (recommended {{recS}} s)',
      'zh-CN': '有效语音 {{speechS}} 秒；{{target}} 至少需要 {{minS}} 秒（建议 {{recS}} 秒）',
    },
  },
  {
    id: 'voice.below-recommended',
    section: '§8.4, §10',
    severity: 'warn',
    title: { en: 'Below the recommended length', 'zh-CN': '低于建议时长' },
    message: {
      en: '{{speechS}} s of effective speech meets the minimum for {{target}}; {{recS}} s is recommended',
      'zh-CN': '有效语音 {{speechS}} 秒已达 {{target}} 最低要求；建议 {{recS}} 秒',
    },
  },
  {
    id: 'voice.too-long',
    section: '§10',
    severity: 'error',
    title: { en: 'Too much speech', 'zh-CN': '有效语音过长' },
    message: {
      en: '{{speechS}} s of effective speech; {{target}} takes at most {{maxS}} s: trim it',
      'zh-CN': '有效语音 {{speechS}} 秒；{{target}} 最多 {{maxS}} 秒：请剪短',
    },
  },
  {
    id: 'voice.no-speech',
    section: '§8.4',
    severity: 'error',
    title: { en: 'No speech found', 'zh-CN': '未检测到语音' },
    message: { en: 'No speech was found in the recording', 'zh-CN': '录音中未检测到语音' },
  },
  {
    id: 'voice.vad-fallback',
    section: '§8.4',
    severity: 'info',
    title: { en: 'Energy-based speech detection', 'zh-CN': '使用能量法检测语音' },
    message: {
      en: 'Silero VAD could not run ({{reason}}); speech was measured by level instead and is less exact',
      'zh-CN': 'Silero VAD 无法运行（{{reason}}）；改用音量检测语音，结果不够精确',
    },
  },
  {
    id: 'voice.auth-words-unverified',
    section: '§8.6, §10',
    severity: 'info',
    title: { en: 'Authorization words not verified', 'zh-CN': '授权词句未校验' },
    message: {
      en: 'The studio checks the authorization recording for one speaker, level and length, but cannot verify the words offline: listen that the script was read exactly',
      'zh-CN': '工作室会检查授权录音的说话人、音量和时长，但无法离线核对词句：请试听确认完全按授权文本朗读',
    },
  },
] as const satisfies readonly RuleDef[];

export type VoiceRuleId = (typeof voiceRules)[number]['id'];
