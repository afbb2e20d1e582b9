import base64, json, struct, hashlib
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
def signed(t, kid, subj, color, iat, exp):
    return bytes([1, t]) + struct.pack('>IQBII', kid, subj, color, iat, exp)
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # order of P-256
def sign(k, data):
    der = k.sign(data, ec.ECDSA(hashes.SHA256()))
    r, s = utils.decode_dss_signature(der)
    if s > N // 2: s = N - s  # low-S only: (r, n - s) is the malleable twin, refused by verifiers
    return r.to_bytes(32,'big') + s.to_bytes(32,'big')
def high_s_twin(sig):
    r, s = int.from_bytes(sig[:32],'big'), int.from_bytes(sig[32:],'big')
    return r.to_bytes(32,'big') + (N - s).to_bytes(32,'big')
def payload(data, sig): return "MC1:" + b64u(data + sig)
import datetime
iat = int(datetime.datetime(2026,11,21,2,0,0,tzinfo=datetime.timezone.utc).timestamp())
V = []
def add(name, p, now, expected, signed_hex=None):
    v = {"name": name, "payload": p, "now": now, "expected": expected}
    if signed_hex: v["signedBytesHex"] = signed_hex
    V.append(v)
colors = {0:"green",1:"yellow",2:"orange",3:"red",255:None}
types = {1:"health_code",2:"offline_card",3:"poster"}
for name,t,subj,color,life in [("valid_green_health_code",1,12345,0,60),("valid_red_health_code",1,987654321,3,60),("valid_offline_card_yellow",2,42,1,30*86400),("valid_poster_without_colour",3,7,255,365*86400)]:
    d = signed(t, kid1, subj, color, iat, iat+life); sig = sign(k1, d)
    add(name, payload(d, sig), "2026-11-21T02:00:30Z", {"valid":True,"type":types[t],"keyId":"%08x"%kid1,"subjectId":subj,"color":colors[color],"issuedAt":iat,"expiresAt":iat+life}, d.hex())
d = signed(1, kid1, 12345, 0, iat, iat+60); sig = sign(k1, d)
add("expired_health_code", payload(d, sig), "2026-11-21T02:01:00Z", {"valid":False,"reason":"expired"}, d.hex())
add("high_s_twin", payload(d, high_s_twin(sig)), "2026-11-21T02:00:30Z", {"valid":False,"reason":"bad_signature"})  # verifies as plain ECDSA, but s > n/2
d_red = signed(1, kid1, 12345, 3, iat, iat+60); sig_red = sign(k1, d_red)
tampered = signed(1, kid1, 12345, 0, iat, iat+60)  # red code's signature on a green body
add("tampered_colour", payload(tampered, sig_red), "2026-11-21T02:00:30Z", {"valid":False,"reason":"bad_signature"})
d2 = signed(1, kid2, 12345, 0, iat, iat+60)
add("unknown_key", payload(d2, sign(k2, d2)), "2026-11-21T02:00:30Z", {"valid":False,"reason":"unknown_key"})
add("malformed_prefix", "MC2:" + payload(d, sig)[4:], "2026-11-21T02:00:30Z", {"valid":False,"reason":"malformed"})
add("malformed_truncated", payload(d, sig)[:-4], "2026-11-21T02:00:30Z", {"valid":False,"reason":"malformed"})
bad_version = bytes([2]) + d[1:]
add("malformed_version", payload(bad_version, sign(k1, bad_version)), "2026-11-21T02:00:30Z", {"valid":False,"reason":"malformed"})
out = {"description":"MiniCode QR payload v1 test vectors (see ../qr-payload.md). Generated with Python 'cryptography' independently of the server code.",
       "jwks":{"keys":[jwk(k1,kid1)]}, "vectors":V}
print(json.dumps(out, indent=2, ensure_ascii=False))
