import { describe, expect, it } from 'vitest';
import { handleFromAtText, handleFromAvatarTestId, handleFromHref, profileHandleFromPath } from './handles';

describe('handleFromHref', () => {
  it.each([
    ['/AmbLiuXiaoMing', 'AmbLiuXiaoMing'],
    ['/AmbLiuXiaoMing/', 'AmbLiuXiaoMing'],
    ['/jack?ref=1', 'jack'],
    ['https://x.com/StateDept', 'StateDept'],
    ['https://twitter.com/StateDept', 'StateDept'],
    ['https://mobile.twitter.com/a_b_1', 'a_b_1'],
    ['/X', 'X'],
  ])('reads %s as @%s', (href, handle) => {
    expect(handleFromHref(href)).toBe(handle);
  });

  it.each([
    ['/home'],
    ['/explore'],
    ['/i/lists/1'],
    ['/hashtag/UK'],
    ['/search?q=a'],
    ['/AmbLiuXiaoMing/status/1303769423498436608'],
    ['/AmbLiuXiaoMing/photo'],
    ['/AmbLiuXiaoMing/following'],
    ['https://t.co/abc123'],
    ['https://evil.example/StateDept'],
    ['http://x.com/StateDept'],
    ['//x.com/StateDept'],
    ['/has-hyphen'],
    ['/' + 'a'.repeat(21)],
    ['javascript:alert(1)'],
    [''],
    [null],
  ])('rejects %s', (href) => {
    expect(handleFromHref(href)).toBeNull();
  });

  it('answers a repeated href the same, also past the bound of what it remembers', () => {
    const hrefs = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? `/user_${i}` : i % 3 === 1 ? `/user_${i}/status/${i}` : `https://x.com/u${i}`));
    const first = hrefs.map((h) => handleFromHref(h));
    expect(first.filter((h) => h === null)).toHaveLength(2000);
    expect(hrefs.map((h) => handleFromHref(h))).toEqual(first);
    expect([...hrefs].reverse().map((h) => handleFromHref(h))).toEqual([...first].reverse());
  });
});

describe('profileHandleFromPath', () => {
  it('reads the profile and its tabs', () => {
    expect(profileHandleFromPath('/AmbLiuXiaoMing')).toBe('AmbLiuXiaoMing');
    expect(profileHandleFromPath('/AmbLiuXiaoMing/with_replies')).toBe('AmbLiuXiaoMing');
    expect(profileHandleFromPath('/AmbLiuXiaoMing/media')).toBe('AmbLiuXiaoMing');
  });
  it('rejects pages that are not a profile', () => {
    expect(profileHandleFromPath('/home')).toBeNull();
    expect(profileHandleFromPath('/AmbLiuXiaoMing/status/1')).toBeNull();
    expect(profileHandleFromPath('/AmbLiuXiaoMing/followers')).toBeNull();
    expect(profileHandleFromPath('/notifications')).toBeNull();
  });
});

describe('other handle sources', () => {
  it('reads @text only when it is the whole text', () => {
    expect(handleFromAtText('@ChineseEmbinUK')).toBe('ChineseEmbinUK');
    expect(handleFromAtText(' @a ')).toBe('a');
    expect(handleFromAtText('Liu @ChineseEmbinUK')).toBeNull();
    expect(handleFromAtText('ChineseEmbinUK')).toBeNull();
  });
  it('reads avatar test ids but not the viewer placeholder', () => {
    expect(handleFromAvatarTestId('UserAvatar-Container-AmbLiuXiaoMing')).toBe('AmbLiuXiaoMing');
    expect(handleFromAvatarTestId('UserAvatar-Container-unknown')).toBeNull();
    expect(handleFromAvatarTestId('Tweet-User-Avatar')).toBeNull();
  });
});
