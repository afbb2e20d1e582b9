// Runtime checks of the wrapper against fake wx / my objects: compiled to CommonJS and run by scripts/contracts-check.sh.
// Exits non-zero on the first failed check and prints how many passed.
import { alipay, ApiError, MiniCodeClient, wechat } from '../client/index';
import type { MyLike, PlatformRequestOptions, WxLike } from '../client/platform';

declare const process: { exit(code: number): never; stdout: { write(s: string): void } };
declare function setTimeout(callback: () => void, ms: number): unknown;

type Reply = { status: number; data: unknown };
function fakeServer(replies: Array<(o: PlatformRequestOptions) => Reply>) {
  const seen: PlatformRequestOptions[] = [];
  return {
    seen,
    request(o: PlatformRequestOptions) {
      seen.push(o);
      const next = replies.shift();
      if (!next) { o.fail({ errMsg: 'request:fail no reply' }); return; }
      const r = next(o);
      setTimeout(() => o.success({ statusCode: r.status, status: r.status, data: r.data }), 0);
    },
  };
}

function fakeWx(server: ReturnType<typeof fakeServer>): WxLike {
  const store = new Map<string, unknown>();
  return {
    request: (o) => server.request(o),
    login: (o) => o.success({ code: 'wx-code-' + server.seen.length }),
    getStorageSync: (k) => store.get(k) ?? '',
    setStorageSync: (k, v) => { store.set(k, v); },
    removeStorageSync: (k) => { store.delete(k); },
  };
}

function fakeMy(server: ReturnType<typeof fakeServer>): MyLike {
  const store = new Map<string, unknown>();
  return {
    request: (o) => server.request(o),
    getAuthCode: (o) => o.success({ authCode: 'ali-code' }),
    getStorageSync: (o) => ({ data: store.get(o.key) }),
    setStorageSync: (o) => { store.set(o.key, o.data); },
    removeStorageSync: (o) => { store.delete(o.key); },
  };
}

let passed = 0;
function check(condition: boolean, what: string): void {
  if (!condition) { process.stdout.write(`FAILED: ${what}\n`); process.exit(1); }
  passed++;
}

const problem401 = { type: 'about:blank', title: '登录已过期，请重新登录', status: 401, code: 'auth.session_expired' };

async function main(): Promise<void> {
  // WeChat: logs in first, sends the bearer token, re-logs in once on 401 and repeats the request.
  const s1 = fakeServer([
    () => ({ status: 200, data: { token: 't1' } }),
    () => ({ status: 401, data: problem401 }),
    () => ({ status: 200, data: { token: 't2' } }),
    () => ({ status: 200, data: { ok: true } }),
  ]);
  const c1 = new MiniCodeClient({ baseUrl: 'http://bff', platform: wechat(fakeWx(s1)) });
  const r1 = await c1.request<{ ok: boolean }>('GET', '/api/thing');
  check(r1.ok === true, 'request succeeds after re-login');
  check(s1.seen[0].url === 'http://bff/api/auth/wechat' && (s1.seen[0].data as { code: string }).code.startsWith('wx-code'), 'WeChat login posts the wx.login code');
  check(s1.seen[1].header?.Authorization === 'Bearer t1', 'first call carries the first token');
  check(s1.seen[3].header?.Authorization === 'Bearer t2', 'retry carries the new token');
  check(c1.token === 't2', 'new token stored');

  // Alipay: my.request gets `headers`, ProblemDetails become ApiError with the Chinese title.
  const s2 = fakeServer([
    () => ({ status: 200, data: { token: 'a1' } }),
    () => ({ status: 400, data: { type: 'x', title: '请求参数有误，请检查后重试', status: 400, code: 'request.validation_failed', errors: { phone: ['手机号格式不正确'] } } }),
  ]);
  const c2 = new MiniCodeClient({ baseUrl: 'http://bff', platform: alipay(fakeMy(s2)), loginPath: '/api/auth/alipay' });
  try {
    await c2.request('POST', '/api/thing', { phone: '1' });
    check(false, 'a 400 rejects');
  } catch (e) {
    check(e instanceof ApiError && e.code === 'request.validation_failed' && e.title === '请求参数有误，请检查后重试', 'ProblemDetails mapped to ApiError with the Chinese title');
    check(e instanceof ApiError && e.fieldErrors.phone[0] === '手机号格式不正确', 'field errors exposed');
  }
  check(s2.seen[1].headers?.Authorization === 'Bearer a1', 'Alipay request uses `headers`');

  // A disabled account is final: no second login.
  const s3 = fakeServer([
    () => ({ status: 200, data: { token: 'd1' } }),
    () => ({ status: 401, data: { type: 'x', title: '账号已停用', status: 401, code: 'auth.account_disabled' } }),
  ]);
  const c3 = new MiniCodeClient({ baseUrl: 'http://bff', platform: wechat(fakeWx(s3)) });
  try {
    await c3.request('GET', '/api/thing');
    check(false, 'a disabled account rejects');
  } catch (e) {
    check(e instanceof ApiError && e.title === '账号已停用' && s3.seen.length === 2, 'no re-login for a disabled account');
  }

  // A problem without a title falls back to the catalogue's message; network failure is network.failed.
  const s4 = fakeServer([
    () => ({ status: 200, data: { token: 'n1' } }),
    () => ({ status: 429, data: { code: 'common.rate_limited' } }),
  ]);
  const c4 = new MiniCodeClient({ baseUrl: 'http://bff', platform: wechat(fakeWx(s4)) });
  try { await c4.request('GET', '/api/x'); } catch (e) {
    check(e instanceof ApiError && e.status === 429 && e.title === '操作过于频繁，请稍后再试', 'catalogue message used when title is missing');
  }
  try { await c4.request('GET', '/api/x'); } catch (e) {
    check(e instanceof ApiError && e.code === 'network.failed', 'network failure reported');
  }
  process.stdout.write(`${passed}\n`);
}

main().catch((e: unknown) => { process.stdout.write(`FAILED: ${String(e)}\n`); process.exit(1); });
