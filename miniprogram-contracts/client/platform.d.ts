// The slice of the WeChat (wx) and Alipay (my) mini-program APIs the wrapper uses.
export interface PlatformRequestOptions {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  data?: unknown;
  header?: Record<string, string>;
  headers?: Record<string, string>;
  dataType?: string;
  success(res: { statusCode?: number; status?: number; data: unknown }): void;
  fail(err: { errMsg?: string; errorMessage?: string }): void;
}

export interface WxLike {
  request(options: PlatformRequestOptions): void;
  login(options: { success(res: { code: string }): void; fail(err: { errMsg?: string }): void }): void;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

export interface MyLike {
  request(options: PlatformRequestOptions): void;
  getAuthCode(options: { scopes: string | string[]; success(res: { authCode: string }): void; fail(err: { errorMessage?: string }): void }): void;
  getStorageSync(options: { key: string }): { data: unknown };
  setStorageSync(options: { key: string; data: unknown }): void;
  removeStorageSync(options: { key: string }): void;
}
