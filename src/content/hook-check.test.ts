// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { missingHooks } from './hook-check';
import { loadFixture } from '../../tests/unit/x-fixture';

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('layout drift check', () => {
  it('finds every expected hook on the fixtures', () => {
    loadFixture('home.html');
    expect(missingHooks(document, '/home')).toEqual([]);
    loadFixture('profile-AmbLiuXiaoMing.html');
    expect(missingHooks(document, '/AmbLiuXiaoMing')).toEqual([]);
    loadFixture('followers.html');
    expect(missingHooks(document, '/jane_reader/following')).toEqual([]);
  });

  it('names the hooks that stopped matching when X renames them', () => {
    loadFixture('home.html');
    for (const el of document.querySelectorAll('[data-testid="tweet"]')) el.setAttribute('data-testid', 'post');
    expect(missingHooks(document, '/home')).toEqual(['article[data-testid="tweet"]']);
    loadFixture('profile-AmbLiuXiaoMing.html');
    document.querySelector('[data-testid="UserName"]')!.removeAttribute('data-testid');
    document.querySelector('[data-testid="primaryColumn"]')!.setAttribute('data-testid', 'mainColumn');
    expect(missingHooks(document, '/AmbLiuXiaoMing')).toEqual(['[data-testid="primaryColumn"]', '[data-testid="UserName"]']);
    loadFixture('followers.html');
    for (const el of document.querySelectorAll('[data-testid="UserCell"]')) el.removeAttribute('data-testid');
    expect(missingHooks(document, '/jane_reader/following')).toEqual(['[data-testid="UserCell"]']);
  });

  it('expects nothing on a page that is not X\'s app', () => {
    document.body.innerHTML = '<p>Something else</p>';
    expect(missingHooks(document, '/home')).toEqual([]);
  });
});
