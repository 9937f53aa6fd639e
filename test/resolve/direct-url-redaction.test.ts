// `name @ url` errors name the requirement without the URL's password.
import { describe, expect, it } from 'vitest';
import { fileForUrl } from '../../src/resolve/provider.js';

describe('direct URL requirements', () => {
  it.each([
    ['https://deploy:hunter2@files.example/pkg/app.tar.bz3', /does not point at a wheel/],
    ['ftp://deploy:hunter2@files.example/app-1.0.whl', /only http\(s\) and file URLs/],
    ['https://deploy:hunter2@files.example/other-1.0-py3-none-any.whl', /names app, but the file is a distribution of other/],
  ])('redacts the password in the error for %s', (url, why) => {
    let message = '';
    try {
      fileForUrl(url, 'app');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toContain('***@files.example');
    expect(message).not.toContain('hunter2');
  });
});
