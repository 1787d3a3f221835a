import { Principal } from './principal';
import { TOKEN_CACHE_MS, TokenCache } from './token-cache';

const coordinator: Principal = {
  role: 'coordinator',
  tokenId: 't1',
  label: 'c',
  regionIds: ['r1'],
  municipalityIds: [],
};
const at = (ms: number) => new Date(Date.UTC(2027, 0, 11) + ms);

describe('TokenCache', () => {
  it.each([
    ['just looked up', 0, true],
    ['a moment before the bound', TOKEN_CACHE_MS - 1, true],
    ['at the bound', TOKEN_CACHE_MS, false],
    ['a clock set back', -1, false],
  ])('a token %s (%i ms after its lookup) is believed: %s', (_, later, believed) => {
    const cache = new TokenCache();
    cache.set('h', coordinator, null, at(0), cache.generation);
    expect(cache.get('h', at(later))).toBe(believed ? coordinator : undefined);
  });

  it('checks the expiry on every use', () => {
    const cache = new TokenCache();
    cache.set('h', coordinator, at(1000), at(0), cache.generation);
    expect(cache.get('h', at(999))).toBe(coordinator);
    expect(cache.get('h', at(1000))).toBeUndefined();
  });

  it('forgets a revoked token at once, and keeps no lookup that the revocation overtook', () => {
    const cache = new TokenCache();
    cache.set('h', coordinator, null, at(0), cache.generation);
    const lookupStarted = cache.generation;
    cache.forget((principal) => principal.tokenId === 't1');
    expect(cache.get('h', at(1))).toBeUndefined();
    cache.set('h', coordinator, null, at(2), lookupStarted);
    expect(cache.get('h', at(3))).toBeUndefined();
  });
});
