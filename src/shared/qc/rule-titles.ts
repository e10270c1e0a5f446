/**
 * A short title for every rule id, in both languages: for the HTML report (which has no i18n
 * runtime) and the app's findings lists. The finding's own message carries the detail.
 */
export const RULE_TITLES: Record<string, { en: string; 'zh-CN': string }> = {
  'format.container': { en: 'Not an MP4 file', 'zh-CN': '不是 MP4 文件' },
  'video.fps': { en: 'Frame rate is not 25 fps', 'zh-CN': '帧率不是 25 fps' },
  'video.vfr': { en: 'Variable frame rate', 'zh-CN': '可变帧率' },
  'video.resolution': { en: 'Not 1080p or 4K', 'zh-CN': '不是 1080p 或 4K' },
  'video.orientation': { en: 'Landscape picture', 'zh-CN': '横屏画面' },
  'video.hdr': { en: 'HDR video', 'zh-CN': 'HDR 视频' },
  'video.black-border': { en: 'Black border at the edge', 'zh-CN': '画面边缘有黑边' },
  'face.missing': { en: 'No face', 'zh-CN': '没有人脸' },
  'face.multiple': { en: 'More than one face', 'zh-CN': '多张人脸' },
  'face.angle': { en: 'Face angle too large', 'zh-CN': '人脸角度过大' },
  'lips.occluded': { en: 'Mouth covered', 'zh-CN': '嘴部被遮挡' },
  'face.small-or-cut': { en: 'Face too small or cut off', 'zh-CN': '人脸过小或被裁切' },
  'frames.discontinuous': { en: 'Frames not continuous', 'zh-CN': '画面不连续' },
  'silent.duration': { en: 'Silent segment too short', 'zh-CN': '静默段不足' },
  'silent.lips-open': { en: 'Lips open in the silent segment', 'zh-CN': '静默段嘴唇张开' },
  'narration.duration': { en: 'Narration length', 'zh-CN': '口播时长' },
  'lips.open-no-voice': { en: 'Mouth open without voice', 'zh-CN': '张嘴但无声音' },
  'audio.missing': { en: 'No audio', 'zh-CN': '没有音频' },
  'audio.second-voice': { en: 'Possible second voice', 'zh-CN': '可能有第二人声' },
  'audio.noise': { en: 'Background noise', 'zh-CN': '背景噪声' },
  'audio.clipping': { en: 'Clipped audio', 'zh-CN': '音频削波' },
  'audio.level': { en: 'Audio level', 'zh-CN': '音量' },
  'premium.pose-return': { en: 'Not back at the default pose', 'zh-CN': '未回到默认姿势' },
  'motion.idle-return': { en: 'Action not from/to idle', 'zh-CN': '动作未从待机开始或回到待机' },
  'multi.face-angle': { en: 'Face angle differs from primary', 'zh-CN': '人脸角度与主视频不一致' },
  'multi.face-lighting': { en: 'Face lighting differs from primary', 'zh-CN': '面部光线与主视频不一致' },
};

export function ruleTitle(rule: string, lang: 'en' | 'zh-CN'): string {
  return RULE_TITLES[rule]?.[lang] ?? rule;
}
