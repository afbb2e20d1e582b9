// MiniCode request wrapper for WeChat (wx.request) and Alipay (my.request) mini programs.
// Login, token storage, one automatic re-login on 401, ProblemDetails errors carrying the Chinese message.
import type { Endpoints, ErrorCode, ProblemDetails } from '../types/api';
import { ERROR_CODES } from '../types/error-codes';
import type { MyLike, PlatformRequestOptions, WxLike } from './platform';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An error answered by the server (ProblemDetails) or raised by the network layer (code `network.failed`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network.failed' | 'common.unknown',
    /** Chinese text to show the user (ProblemDetails `title`, or the catalogue's message). */
    readonly title: string,
    readonly problem?: ProblemDetails,
  ) {
    super(title);
  }
  /** Field errors of a 400 `request.validation_failed`. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem?.errors ?? {};
  }
}

/** How the wrapper talks to one platform. */
export interface Platform {
  kind: 'wechat' | 'alipay';
  request(options: PlatformRequestOptions): void;
  /** wx.login code or my.getAuthCode authCode. */
  loginCode(): Promise<string>;
  load(key: string): string | undefined;
  save(key: string, value: string): void;
  remove(key: string): void;
}

export function wechat(wx: WxLike): Platform {
  return {
    kind: 'wechat',
    request: (o) => wx.request(o),
    loginCode: () => new Promise((resolve, reject) =>
      wx.login({ success: (r) => resolve(r.code), fail: (e) => reject(new ApiError(0, 'network.failed', e.errMsg ?? '微信登录失败')) })),
    load: (k) => { const v = wx.getStorageSync(k); return typeof v === 'string' && v ? v : undefined; },
    save: (k, v) => wx.setStorageSync(k, v),
    remove: (k) => wx.removeStorageSync(k),
  };
}

export function alipay(my: MyLike): Platform {
  return {
    kind: 'alipay',
    // my.request takes `headers`; `dataType: 'json'` parses the body.
    request: (o) => my.request({ ...o, headers: o.header, header: undefined, dataType: 'json' }),
    loginCode: () => new Promise((resolve, reject) =>
      my.getAuthCode({ scopes: 'auth_base', success: (r) => resolve(r.authCode), fail: (e) => reject(new ApiError(0, 'network.failed', e.errorMessage ?? '支付宝授权失败')) })),
    load: (k) => { const v = my.getStorageSync({ key: k }).data; return typeof v === 'string' && v ? v : undefined; },
    save: (k, v) => my.setStorageSync({ key: k, data: v }),
    remove: (k) => my.removeStorageSync({ key: k }),
  };
}

export interface ClientOptions {
  baseUrl: string;
  platform: Platform;
  /**
   * Exchanges a platform login code for a session token. Defaults to POST `loginPath` with `{ code }` expecting `{ token }`;
   * override when the login endpoint differs (see README: login sequences).
   */
  login?: (client: MiniCodeClient, code: string) => Promise<string>;
  loginPath?: string;
  storageKey?: string;
}

type Args<K extends keyof Endpoints> = {
  path?: Endpoints[K] extends { path: infer P } ? P : never;
  query?: Endpoints[K] extends { query: infer Q } ? Q : never;
  body?: Endpoints[K] extends { body: infer B } ? B : never;
};
type Response<K extends keyof Endpoints> = Endpoints[K] extends { response: infer R } ? R : unknown;

export class MiniCodeClient {
  private readonly storageKey: string;
  private loginInFlight: Promise<string> | undefined;

  constructor(private readonly options: ClientOptions) {
    this.storageKey = options.storageKey ?? 'minicode.session';
  }

  get token(): string | undefined {
    return this.options.platform.load(this.storageKey);
  }

  /** Logs in with the platform (wx.login / my.getAuthCode) and stores the session token. Concurrent callers share one login. */
  login(): Promise<string> {
    this.loginInFlight ??= (async () => {
      try {
        const code = await this.options.platform.loginCode();
        const token = this.options.login
          ? await this.options.login(this, code)
          : (await this.send<{ token: string }>('POST', this.options.loginPath ?? `/api/auth/${this.options.platform.kind}`, { code }, false)).token;
        this.options.platform.save(this.storageKey, token);
        return token;
      } finally {
        this.loginInFlight = undefined;
      }
    })();
    return this.loginInFlight;
  }

  logout(): void {
    this.options.platform.remove(this.storageKey);
  }

  /** A typed call of an endpoint in the contract, e.g. `client.call('GET /api/codes/me')`. */
  call<K extends keyof Endpoints & string>(endpoint: K, args: Args<K> = {}): Promise<Response<K>> {
    const [method, template] = (endpoint as string).split(' ') as [Method, string];
    let url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String((args.path as Record<string, unknown> | undefined)?.[name] ?? '')));
    const query = args.query as Record<string, unknown> | undefined;
    if (query) {
      const qs = Object.entries(query).filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
      if (qs) url += `?${qs}`;
    }
    return this.request<Response<K>>(method, url, args.body);
  }

  /** Any request; with a session, and after a 401 one fresh login and one retry. */
  async request<T>(method: Method, url: string, body?: unknown): Promise<T> {
    if (!this.token) await this.login();
    try {
      return await this.send<T>(method, url, body, true);
    } catch (e) {
      // A disabled account stays disabled: logging in again would not help.
      if (!(e instanceof ApiError) || e.status !== 401 || e.code === 'auth.account_disabled') throw e;
      this.logout();
      await this.login();
      return this.send<T>(method, url, body, true);
    }
  }

  send<T>(method: Method, url: string, body: unknown, withSession: boolean): Promise<T> {
    const header: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = this.token;
    if (withSession && token) header.Authorization = `Bearer ${token}`;
    return new Promise<T>((resolve, reject) => {
      this.options.platform.request({
        url: this.options.baseUrl + url,
        method,
        data: body,
        header,
        success: (res) => {
          const status = res.statusCode ?? res.status ?? 0;
          if (status >= 200 && status < 300) resolve(res.data as T);
          else reject(toApiError(status, res.data));
        },
        fail: (err) => reject(new ApiError(0, 'network.failed', err.errMsg ?? err.errorMessage ?? '网络异常，请检查网络后重试')),
      });
    });
  }
}

/** Maps a non-2xx answer to an ApiError with the Chinese message: the server's title, else the catalogue's, else a generic one. */
export function toApiError(status: number, data: unknown): ApiError {
  const problem = typeof data === 'object' && data !== null && 'code' in data ? (data as ProblemDetails) : undefined;
  const code = problem?.code as ErrorCode | undefined;
  const known = code !== undefined && code in ERROR_CODES ? ERROR_CODES[code] : undefined;
  const title = problem?.title || known?.message || '系统繁忙，请稍后再试';
  return new ApiError(status, code ?? 'common.unknown', title, problem);
}
