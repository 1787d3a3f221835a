import { InvalidEnvironmentError, validateEnvironment } from '../../../config/environment';
import { publicUrlOf } from './public-url';

describe('publicUrlOf', () => {
  it.each([
    [{}, 'http://localhost:3000'],
    [{ TREFPUNT_PUBLIC_URL: '' }, 'http://localhost:3000'],
    [{ TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl/' }, 'https://trefpunt.example.nl'],
    [{ TREFPUNT_PUBLIC_URL: 'https://example.nl/trefpunt//' }, 'https://example.nl/trefpunt'],
  ])('reads %j as %s', (raw, publicUrl) => {
    expect(publicUrlOf(validateEnvironment(raw))).toBe(publicUrl);
  });

  it.each(['trefpunt.example.nl', 'ftp://example.nl', 'https://example.nl/?a=1', 'https://u:p@example.nl'])(
    'refuses %s at start, naming the variable',
    (value) => {
      const read = () => validateEnvironment({ TREFPUNT_PUBLIC_URL: value });
      expect(read).toThrow(InvalidEnvironmentError);
      expect(read).toThrow(/TREFPUNT_PUBLIC_URL/);
    },
  );
});
