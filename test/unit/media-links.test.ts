/** Issue #11 item 8: /media links live while their owner does, expire after idle time, and end with the server. */
import { describe, expect, it } from 'vitest';
import { MediaLinks } from '../../src/main/services/media-links';

describe('media links', () => {
  it('expire after their idle time, are kept alive by use, and end with their owner', () => {
    let now = 0;
    const links = new MediaLinks(1000, () => now);
    const a = links.link('/x/a.mp4', 'check-result');
    const b = links.link('/x/b.html', 'review');
    expect(links.resolve(a)).toBe('/x/a.mp4');
    now = 900;
    expect(links.resolve(a)).toBe('/x/a.mp4'); // used: alive for another 1000 ms
    now = 1800;
    expect(links.resolve(a)).toBe('/x/a.mp4');
    expect(links.resolve(b)).toBeNull(); // idle since 0
    links.revokeOwner('check-result');
    expect(links.resolve(a)).toBeNull();
    const c = links.link('/x/c.mp4');
    links.clear();
    expect(links.resolve(c)).toBeNull();
    expect(links.resolve('/media/../../etc/passwd')).toBeNull();
  });
});
