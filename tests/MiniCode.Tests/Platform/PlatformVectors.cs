namespace MiniCode.Tests.Platform;

/// <summary>The published vectors of /work/shared/vectors/platform-vectors.json, verbatim.</summary>
internal static class PlatformVectors
{
    public const string Json = """
{
  "wechat_rawdata_signature": {
    "source": "WeChat mini program docs, open-ability/signature (sha1(rawData + session_key), lowercase hex)",
    "rawData": "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\",\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}",
    "session_key": "HyVFkGl5F5OQWJZZaNzBBg==",
    "signature": "75e81ceda165f4ffa64f4068af58c64b8f54b88c"
  },
  "wechat_encrypted_data": {
    "source": "WeChat official decrypt demo (AES-128-CBC, PKCS#7, key=b64(session_key), iv=b64(iv))",
    "appid": "wx4f4bc4dec97d474b",
    "session_key": "tiihtNczf5v6AKRyjwEUhQ==",
    "iv": "r7BXXKkLb8qrSNn05n0qiA==",
    "encryptedData": "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==",
    "plaintext": "{\"openId\":\"oGZUI0egBJY1zhBYw2KhdUfwVJJE\",\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\",\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0\",\"unionId\":\"ocMvos6NjeKLIBqg5Mr9QjxrP1FA\",\"watermark\":{\"timestamp\":1477314187,\"appid\":\"wx4f4bc4dec97d474b\"}}"
  },
  "aliyun_rpc_signature_sendsms": {
    "source": "Aliyun Dysms signature guide (HMAC-SHA1, RFC 3986 percent-encoding, StringToSign = GET&%2F&encode(sorted query), key = secret + '&')",
    "access_key_secret": "testSecret",
    "params": {
      "AccessKeyId": "testId",
      "Action": "SendSms",
      "Format": "XML",
      "OutId": "123",
      "PhoneNumbers": "15300000001",
      "RegionId": "cn-hangzhou",
      "SignName": "阿里云短信测试专用",
      "SignatureMethod": "HMAC-SHA1",
      "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
      "SignatureVersion": "1.0",
      "TemplateCode": "SMS_71390007",
      "TemplateParam": "{\"customer\":\"test\"}",
      "Timestamp": "2017-07-12T02:42:19Z",
      "Version": "2017-05-25"
    },
    "http_method": "GET",
    "signature": "zJDF+Lrzhj/ThnlvIToysFRq6t4="
  },
  "tencent_tc3_signature": {
    "source": "Tencent Cloud API 3.0 signature v3 doc example (TC3-HMAC-SHA256)",
    "secret_key": "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    "service": "cvm",
    "host": "cvm.tencentcloudapi.com",
    "timestamp": 1551113065,
    "date": "2019-02-25",
    "content_type": "application/json; charset=utf-8",
    "signed_headers": "content-type;host",
    "payload": "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}",
    "payload_sha256": "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    "signature": "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
  },
  "gb11643_id_numbers": {
    "source": "GB 11643-1999 check digit: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; sum mod 11 indexes '10X98765432'",
    "valid": [
      "11010519491231002X",
      "440524188001010014"
    ],
    "invalid_check_digit": [
      "110105194912310021"
    ]
  }
}
""";
}

