import { pageScriptKilobytes } from '../../support/bundle-sizes';

describe('the web app’s bundles (built by pretest)', () => {
  it('keeps each page a link opens on a phone within 60 kB of JavaScript, gzip', () => {
    expect(pageScriptKilobytes('me.html')).toBeLessThanOrEqual(60);
    expect(pageScriptKilobytes('driver.html')).toBeLessThanOrEqual(60);
  });

  it('keeps the coordinator’s app within 400 kB of JavaScript, gzip', () => {
    expect(pageScriptKilobytes('index.html')).toBeLessThanOrEqual(400);
  });
});
