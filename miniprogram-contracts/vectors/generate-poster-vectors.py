# Poster-code (张贴码) vectors for ../qr-payload.md, "Poster codes". Same key as generate-health-code-vectors.py.
# Run: python3 generate-poster-vectors.py > poster-vectors.json  (needs the 'cryptography' package)
import base64, json, struct, hashlib, datetime
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives import hashes

def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
def key(seed):
    d = int.from_bytes(hashlib.sha256(seed).digest(), 'big') % (2**256 - 2**224 - 1) or 1
    return ec.derive_private_key(d, ec.SECP256R1())
k1 = key(b'minicode test vector key 1'); kid1 = 0x5a17c0de
k2 = key(b'minicode test vector key 2 (not published)'); kid2 = 0x0badbeef
def jwk(k, kid):
    n = k.public_key().public_numbers()
    return {"kty":"EC","crv":"P-256","x":b64u(n.x.to_bytes(32,'big')),"y":b64u(n.y.to_bytes(32,'big')),"kid":"%08x"%kid,"use":"sig","alg":"ES256"}
def signed(t, kid, subj, color, iat, exp): return bytes([1, t]) + struct.pack('>IQBII', kid, subj, color, iat, exp)
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # order of P-256
def sign(k, data):
    r, s = utils.decode_dss_signature(k.sign(data, ec.ECDSA(hashes.SHA256())))
    if s > N // 2: s = N - s  # low-S only: (r, n - s) is the malleable twin, refused by verifiers
    return r.to_bytes(32,'big') + s.to_bytes(32,'big')
def high_s_twin(sig):
    r, s = int.from_bytes(sig[:32],'big'), int.from_bytes(sig[32:],'big')
    return r.to_bytes(32,'big') + (N - s).to_bytes(32,'big')
def payload(data, sig): return "MC1:" + b64u(data + sig)

iat = int(datetime.datetime(2026,11,21,2,0,0,tzinfo=datetime.timezone.utc).timestamp())
year = 365*86400
V = []
def add(name, p, now, expected, d=None):
    v = {"name": name, "payload": p, "now": now, "expected": expected}
    if d is not None: v["signedBytesHex"] = d.hex()
    V.append(v)
def valid(subj, life): return {"valid": True, "keyId": "%08x"%kid1, "posterId": subj, "issuedAt": iat, "expiresAt": iat+life}

for name, subj in [("valid_poster", 1001), ("valid_poster_large_id", 9007199254740993)]:
    d = signed(3, kid1, subj, 0xFF, iat, iat+year)
    add(name, payload(d, sign(k1, d)), "2027-06-01T00:00:00Z", valid(subj, year), d)
d = signed(3, kid1, 1001, 0xFF, iat, iat+year); sig = sign(k1, d)
add("expired_poster", payload(d, sig), "2027-11-21T02:00:00Z", {"valid": False, "reason": "expired"}, d)
add("high_s_twin", payload(d, high_s_twin(sig)), "2027-06-01T00:00:00Z", {"valid": False, "reason": "bad_signature"})  # verifies as plain ECDSA, but s > n/2
add("tampered_poster_id", payload(signed(3, kid1, 1002, 0xFF, iat, iat+year), sig), "2027-06-01T00:00:00Z", {"valid": False, "reason": "bad_signature"})
d2 = signed(3, kid2, 1001, 0xFF, iat, iat+year)
add("unknown_key", payload(d2, sign(k2, d2)), "2027-06-01T00:00:00Z", {"valid": False, "reason": "unknown_key"})
h = signed(1, kid1, 12345, 0, iat, iat+60)
add("health_code_is_not_a_poster", payload(h, sign(k1, h)), "2026-11-21T02:00:30Z", {"valid": False, "reason": "not_a_poster"}, h)
c = signed(3, kid1, 1001, 0, iat, iat+year)
add("poster_with_colour_is_not_a_poster", payload(c, sign(k1, c)), "2027-06-01T00:00:00Z", {"valid": False, "reason": "not_a_poster"}, c)
add("malformed_padding", payload(d, sig) + "==", "2027-06-01T00:00:00Z", {"valid": False, "reason": "malformed"})

S = [
  {"scene": "P1001.AbCdEfGhIjKlMn-_", "valid": True, "posterId": 1001, "token": "AbCdEfGhIjKlMn-_"},
  {"scene": "P99999999999999.0123456789abcdef", "valid": True, "posterId": 99999999999999, "token": "0123456789abcdef"},
  {"scene": "P1001.AbCdEfGhIjKlMn-", "valid": False, "why": "token is 15 characters"},
  {"scene": "P01001.AbCdEfGhIjKlMn-_", "valid": False, "why": "leading zero"},
  {"scene": "p1001.AbCdEfGhIjKlMn-_", "valid": False, "why": "lower-case prefix"},
  {"scene": "P1001AbCdEfGhIjKlMn-_", "valid": False, "why": "no dot"},
  {"scene": "P1001.AbCdEfGhIjKlMn+/", "valid": False, "why": "not base64url"},
  {"scene": "P999999999999999.0123456789abcdef", "valid": False, "why": "33 characters"},
]
out = {"description": "MiniCode poster-code (张贴码) test vectors (see ../qr-payload.md, 'Poster codes'). Generated with Python 'cryptography' independently of the server code.",
       "jwks": {"keys": [jwk(k1, kid1)]}, "vectors": V, "scenes": S}
print(json.dumps(out, indent=2, ensure_ascii=False))
