import { readFileSync } from 'node:fs';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const PLANNING_ORIGIN = 'https://planning.example.nl';
const OTHER_ORIGIN = 'https://elders.example.org';

/** Sends `count` requests one after the other and returns their statuses. */
async function statuses(count: number, send: () => request.Test): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await send()).status);
  return result;
}

describe('security headers and CORS, by default', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('sends the security headers on answers, refusals included', async () => {
    for (const response of [await api.get('/regions').expect(200), await api.anonymous().get('/regions')]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows no other origin: no Access-Control-Allow-Origin on requests nor preflights', async () => {
    const simple = await api.get('/regions').set('Origin', PLANNING_ORIGIN).expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api
      .anonymous()
      .options('/regions')
      .set('Origin', PLANNING_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('still serves Swagger UI at /docs, with every script and style it references, within the CSP', async () => {
    const page = await api.anonymous().get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp: string = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    // Inline scripts would be blocked by script-src 'self': every script must be a file.
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc=/);
    if (/<style\b/.test(page.text)) expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);

    const references = [...page.text.matchAll(/(?:src|href)=["']([^"']+)["']/g)]
      .map((match) => match[1])
      .filter((reference) => !/^(https?:)?\/\//.test(reference));
    expect(references).toEqual(
      expect.arrayContaining(['./docs/swagger-ui-bundle.js', './docs/swagger-ui-init.js']),
    );
    for (const reference of references) {
      const path = new URL(reference, 'http://trefpunt.test/docs').pathname;
      const asset = await api.anonymous().get(path);
      expect({ path, status: asset.status }).toEqual({ path, status: 200 });
      expect(asset.headers['content-type']).toMatch(path.endsWith('.css') ? /text\/css/ : /javascript|image/);
    }
    await api.anonymous().get('/docs/openapi.json').expect(200);
  });

  it('logs each request as one JSON line into TREFPUNT_LOG_FILE: method, path, status; no headers, no query', async () => {
    await api.get('/regions?limit=1&offset=0').expect(200);
    await api.anonymous().get('/regions').set('Authorization', 'Bearer not-a-real-token-at-all').expect(401);
    expect(api.logFile).toBeDefined();
    const entries = readFileSync(api.logFile!, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
    const requests = entries.filter((entry) => entry.req?.path === '/regions');
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          req: expect.objectContaining({ method: 'GET' }),
          res: { statusCode: 200 },
        }),
        expect.objectContaining({ res: { statusCode: 401 } }),
      ]),
    );
    const text = JSON.stringify(requests);
    expect(text).not.toMatch(/authorization|not-a-real-token|limit=1/i);
  });
});

describe('CORS for the origins in TREFPUNT_CORS_ORIGINS', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_CORS_ORIGINS: `${PLANNING_ORIGIN}, http://localhost:5173` });
  });
  afterAll(() => api.close());

  it('allows a configured origin, for requests and for preflights with a bearer token', async () => {
    const simple = await api.get('/regions').set('Origin', PLANNING_ORIGIN).expect(200);
    expect(simple.headers['access-control-allow-origin']).toBe(PLANNING_ORIGIN);
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await api
      .anonymous()
      .options('/regions')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'authorization,content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
  });

  it('allows no origin that is not configured', async () => {
    const response = await api.get('/regions').set('Origin', OTHER_ORIGIN).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api
      .anonymous()
      .options('/regions')
      .set('Origin', OTHER_ORIGIN)
      .set('Access-Control-Request-Method', 'DELETE');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('is off again for the next app started without it', async () => {
    const plain = await startTestApp();
    try {
      const response = await plain.get('/regions').set('Origin', PLANNING_ORIGIN).expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('the rate limit per token', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_RATE_LIMIT_PER_TOKEN: '5' });
  });
  afterAll(() => api.close());

  it('answers 429 with a clear message and Retry-After once a token made 5 requests in a minute, on any route', async () => {
    const made = await statuses(5, () => api.get('/regions'));
    made.push(...(await statuses(1, () => api.get('/municipalities'))));
    expect(made).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await api.get('/municipalities').expect(429);
    expect(refused.body.message).toBe(
      `Too many requests: at most 5 a minute from this token; try again in ${refused.headers['retry-after']} s`,
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts each token apart, and requests without a token only per address', async () => {
    const otherToken = await statuses(6, () =>
      api.anonymous().get('/regions').set('Authorization', 'Bearer another-token-of-someone-else'),
    );
    expect(otherToken).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await statuses(6, () => api.anonymous().get('/regions'))).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it('never limits /health', async () => {
    expect(await statuses(8, () => api.get('/health'))).toEqual(Array(8).fill(200));
  });
});

describe('the rate limit per client address', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_RATE_LIMIT_PER_ADDRESS: '5' });
  });
  afterAll(() => api.close());

  it('answers 429 after 5 requests from one address, before the token is even checked', async () => {
    const guesses = await statuses(6, () =>
      api.anonymous().get('/regions').set('Authorization', 'Bearer guessing-the-token-0001'),
    );
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    const withTheRightToken = await api.get('/regions').expect(429);
    expect(withTheRightToken.body.message).toMatch(
      /^Too many requests: at most 5 a minute from this address/,
    );
  });

  it('ignores X-Forwarded-For when no proxy is trusted (a client could write any address there)', async () => {
    await api.get('/regions').set('X-Forwarded-For', '203.0.113.9').expect(429);
  });

  it('never limits /health', async () => {
    expect(await statuses(8, () => api.anonymous().get('/health'))).toEqual(Array(8).fill(200));
  });
});

describe('the rate limit per client address behind a trusted proxy', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_RATE_LIMIT_PER_ADDRESS: '3', TREFPUNT_TRUSTED_PROXIES: '1' });
  });
  afterAll(() => api.close());

  it('counts the client address the proxy reports, each apart', async () => {
    const from = (address: string) => () => api.get('/regions').set('X-Forwarded-For', address);
    expect(await statuses(4, from('203.0.113.7'))).toEqual([200, 200, 200, 429]);
    expect(await statuses(3, from('198.51.100.20'))).toEqual([200, 200, 200]);
  });
});
