/* global AudioWorkletProcessor, registerProcessor, sampleRate */
/**
 * Lossless capture: the microphone's float samples exactly as the audio graph delivers them at the
 * context's (native) rate, interleaved, in blocks of ~100 ms posted to the page (transferred, not
 * copied). No gain, no filtering, no resampling here: what the page sends to main is what the
 * microphone gave. Also the block's peak and RMS so the page can show numbers and measure room tone.
 */
class PcmCapture extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.channels = Math.max(1, Math.min(2, (options.processorOptions && options.processorOptions.channels) || 1));
    this.blockFrames = Math.round(sampleRate / 10);
    this.buf = new Float32Array(this.blockFrames * this.channels);
    this.fill = 0;
    this.peak = 0;
    this.sum = 0;
    this.clipped = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const n = input[0].length;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < this.channels; c++) {
        const ch = input[Math.min(c, input.length - 1)];
        const v = ch[i];
        this.buf[this.fill * this.channels + c] = v;
        const a = v < 0 ? -v : v;
        if (a > this.peak) this.peak = a;
        if (a >= 0.999) this.clipped++;
        this.sum += v * v;
      }
      this.fill++;
      if (this.fill === this.blockFrames) {
        const pcm = this.buf;
        this.port.postMessage({ pcm, peak: this.peak, rms: Math.sqrt(this.sum / (this.blockFrames * this.channels)), clipped: this.clipped }, [pcm.buffer]);
        this.buf = new Float32Array(this.blockFrames * this.channels);
        this.fill = 0;
        this.peak = 0;
        this.sum = 0;
        this.clipped = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCapture);
