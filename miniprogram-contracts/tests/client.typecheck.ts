// Compile-time checks of the wrapper against fake wx / my objects (type-checked by scripts/contracts-check.sh).
import { alipay, ApiError, MiniCodeClient, toApiError, wechat } from '../client/index';
import type { MyLike, WxLike } from '../client/platform';
import type { ErrorCode } from '../types/api';
import { ERROR_CODES } from '../types/error-codes';

declare const wx: WxLike;
declare const my: MyLike;

const onWechat = new MiniCodeClient({ baseUrl: 'https://minicode.example', platform: wechat(wx) });
const onAlipay = new MiniCodeClient({ baseUrl: 'https://minicode.example', platform: alipay(my), loginPath: '/api/auth/alipay' });

export async function usage(): Promise<string> {
  await onWechat.login();
  const any = await onAlipay.request<{ name: string }>('GET', '/api');
  const error: ApiError = toApiError(401, { type: 'about:blank', title: '请先登录', status: 401, code: 'auth.unauthorized' });
  const code: ErrorCode = 'auth.unauthorized';
  return any.name + error.title + ERROR_CODES[code].message;
}
